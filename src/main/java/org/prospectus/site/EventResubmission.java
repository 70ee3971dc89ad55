package org.prospectus.site;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Hands failed event publications to their listeners again (ADR 0031), on every instance:
 * a listener that threw, or one whose instance died before it finished (Spring Modulith
 * marks a publication still waiting or processing after
 * {@code spring.modulith.events.staleness.*} failed). Each publication is claimed by one
 * instance with a conditional update of its row, so two instances never run it at once;
 * one that has failed {@code max-attempts} times stays failed, in the log and the table,
 * for an operator to look at.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.events.resubmission.enabled", matchIfMissing = true)
class EventResubmission {

	private static final Log logger = LogFactory.getLog(EventResubmission.class);

	private final FailedEventPublications failed;

	private final ResubmissionOptions options;

	EventResubmission(FailedEventPublications failed,
			@Value("${prospectus.events.resubmission.batch-size:50}") int batchSize,
			@Value("${prospectus.events.resubmission.max-attempts:10}") int maxAttempts) {
		this.failed = failed;
		this.options = ResubmissionOptions.defaults()
			.withBatchSize(batchSize)
			.withMinAge(Duration.ZERO)
			.withFilter((publication) -> {
				if (publication.getCompletionAttempts() < maxAttempts) {
					return true;
				}
				logger.warn("Event publication " + publication.getIdentifier() + " failed " + maxAttempts
						+ " times; left for an operator: " + publication.getEvent().getClass().getName());
				return false;
			});
	}

	@Scheduled(fixedDelayString = "${prospectus.events.resubmission.delay:1m}",
			initialDelayString = "${prospectus.events.resubmission.delay:1m}")
	void resubmit() {
		try {
			this.failed.resubmit(this.options);
		}
		catch (DataAccessException ex) {
			// The database is away; the publications wait for the next run.
			logger.warn("Failed event publications not resubmitted: " + ex.getMostSpecificCause().getMessage());
		}
	}

}
