package org.prospectus.staging;

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
 * Looks for scheduled publications that have come due every
 * {@code prospectus.publishing.delay} (a second), so that changes go live within a second
 * of the instant staff chose. One indexed query a second an instance when none is due.
 * Off with {@code prospectus.publishing.enabled=false}, as in the tests, which run
 * {@link ScheduledPublications#publishDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.publishing.enabled", matchIfMissing = true)
class PublishingSchedule {

	private static final Log logger = LogFactory.getLog(PublishingSchedule.class);

	private final ScheduledPublications publications;

	private final Backoff backoff;

	PublishingSchedule(ScheduledPublications publications, Clock clock) {
		this.publications = publications;
		this.backoff = new Backoff(clock, Duration.ofSeconds(5), Duration.ofMinutes(1));
	}

	@Scheduled(fixedDelayString = "${prospectus.publishing.delay:1s}",
			initialDelayString = "${prospectus.publishing.delay:1s}")
	void publishDue() {
		if (!this.backoff.isDue()) {
			return;
		}
		try {
			this.publications.publishDue();
			this.backoff.succeeded();
		}
		catch (DataAccessException ex) {
			// The schedules stay due; a later run publishes them.
			logger.warn("Scheduled publications not run, trying again in " + this.backoff.failed() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

}
