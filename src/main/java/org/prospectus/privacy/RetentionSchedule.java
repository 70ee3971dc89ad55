package org.prospectus.privacy;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link RetentionJob} on {@code prospectus.retention.cron} (by default every
 * night at 03:17 server time) on every instance; the job's lock lets one of them do it.
 * Off with {@code prospectus.retention.enabled=false}, as in the tests, which run the job
 * themselves with a moved clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.retention.enabled", matchIfMissing = true)
class RetentionSchedule {

	private static final Log logger = LogFactory.getLog(RetentionSchedule.class);

	private final RetentionJob job;

	RetentionSchedule(RetentionJob job) {
		this.job = job;
	}

	@Scheduled(cron = "${prospectus.retention.cron:0 17 3 * * *}")
	void run() {
		try {
			this.job.run();
		}
		catch (DataAccessException ex) {
			// The database is away; nothing was deleted. The next night catches up.
			logger.warn("Retention not run: " + ex.getMostSpecificCause().getMessage());
		}
	}

}
