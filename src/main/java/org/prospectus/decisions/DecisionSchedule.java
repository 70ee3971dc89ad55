package org.prospectus.decisions;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.support.Backoff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link DecisionNotifier}, then the {@link OfferDeadlines} (decline by default,
 * reminders) every {@code prospectus.decisions.delay}, batch after batch until none is
 * due. Off with {@code prospectus.decisions.enabled=false}, as in the tests, which run
 * the notifier themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.decisions.enabled", matchIfMissing = true)
class DecisionSchedule {

	private static final Log logger = LogFactory.getLog(DecisionSchedule.class);

	private final DecisionNotifier notifier;

	private final OfferDeadlines deadlines;

	private final Backoff backoff;

	DecisionSchedule(DecisionNotifier notifier, OfferDeadlines deadlines, Clock clock) {
		this.notifier = notifier;
		this.deadlines = deadlines;
		this.backoff = new Backoff(clock, Duration.ofMinutes(1), Duration.ofMinutes(10));
	}

	@Scheduled(fixedDelayString = "${prospectus.decisions.delay:60s}",
			initialDelayString = "${prospectus.decisions.delay:60s}")
	void notifyDueDecisions() {
		if (!this.backoff.isDue()) {
			return;
		}
		try {
			while (this.notifier.notifyDue() > 0) {
				// Next batch.
			}
			while (this.deadlines.declineDue() > 0) {
				// Next batch.
			}
			while (this.deadlines.remindDue() > 0) {
				// Next batch.
			}
			this.backoff.succeeded();
		}
		catch (DataAccessException ex) {
			// The decisions and offers stay due; a later run deals with them.
			logger.warn("Decisions not notified, trying again in " + this.backoff.failed() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

}
