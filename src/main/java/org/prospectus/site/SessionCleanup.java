package org.prospectus.site;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes expired sessions from the shared store (ADR 0020), once across instances: every
 * instance schedules it, and a PostgreSQL advisory lock held for the transaction lets one
 * of them do it. Spring Session's own job, which every instance would run, is off
 * ({@code spring.session.jdbc.cleanup-cron=-}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.sessions.cleanup.enabled", matchIfMissing = true)
class SessionCleanup {

	/** The advisory lock's key; the retention job uses another. */
	static final long LOCK = 0x5345_5353_494fL;

	private static final Log logger = LogFactory.getLog(SessionCleanup.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	SessionCleanup(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(cron = "${prospectus.sessions.cleanup.cron:0 */5 * * * *}")
	void deleteExpired() {
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
					.param("key", LOCK)
					.query(Boolean.class)
					.single()) {
					// Spring Session's own clean-up statement; attributes go with their
					// session.
					this.jdbc.sql("delete from spring_session where expiry_time < :now")
						.param("now", System.currentTimeMillis())
						.update();
				}
			});
		}
		catch (DataAccessException ex) {
			// The database is away; the sessions wait for the next run.
			logger.warn("Expired sessions not deleted: " + ex.getMostSpecificCause().getMessage());
		}
	}

}
