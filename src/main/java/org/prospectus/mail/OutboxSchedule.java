package org.prospectus.mail;

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
 * Runs the {@link OutboxSender} every {@code prospectus.mail.sender.delay} after the
 * previous run ended, on every instance (they share the work through row locks). Off with
 * {@code prospectus.mail.sender.enabled=false}, as in the tests, which run the sender
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.mail.sender.enabled", matchIfMissing = true)
class OutboxSchedule {

	private static final Log logger = LogFactory.getLog(OutboxSchedule.class);

	private final OutboxSender sender;

	private final Backoff backoff;

	OutboxSchedule(OutboxSender sender, Clock clock) {
		this.sender = sender;
		this.backoff = new Backoff(clock, Duration.ofSeconds(30), Duration.ofMinutes(5));
	}

	@Scheduled(fixedDelayString = "${prospectus.mail.sender.delay:30s}",
			initialDelayString = "${prospectus.mail.sender.delay:30s}")
	void sendDueMessages() {
		if (!this.backoff.isDue()) {
			return;
		}
		try {
			// Less than the delay between runs, and the scheduler's other jobs wait for
			// it.
			this.sender.sendDueFor(Duration.ofSeconds(10));
			this.sender.purgeSent();
			this.backoff.succeeded();
		}
		catch (DataAccessException ex) {
			// The database is away; the messages are safe in it. Try again later.
			logger.warn("Mail outbox not read, trying again in " + this.backoff.failed() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

}
