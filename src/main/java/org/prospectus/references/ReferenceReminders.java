package org.prospectus.references;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.support.Backoff;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds referees who have not answered: 7 days after the request, and again after 14,
 * never after the documents deadline. Each reminder is a new link (only the token's hash
 * is kept, so the first link cannot be sent again); the earlier one stops working. Rows
 * are claimed with {@code for update skip locked}, so two instances never remind one
 * referee twice.
 */
@Component
class ReferenceReminders {

	/** Days between the request and each reminder. */
	static final Duration EVERY = Duration.ofDays(7);

	/** Reminders a referee gets at most. */
	static final int MAX_REMINDERS = 2;

	private static final Log logger = LogFactory.getLog(ReferenceReminders.class);

	private final JdbcClient jdbc;

	private final ReferenceRequestRepository requests;

	private final ApplicationFinder applications;

	private final References references;

	private final Clock clock;

	private final int batchSize;

	private final Backoff backoff;

	private final TransactionTemplate transactions;

	ReferenceReminders(JdbcClient jdbc, ReferenceRequestRepository requests, ApplicationFinder applications,
			References references, Clock clock, @Value("${prospectus.references.batch-size:100}") int batchSize,
			PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.requests = requests;
		this.applications = applications;
		this.references = references;
		this.clock = clock;
		this.batchSize = batchSize;
		this.backoff = new Backoff(clock, Duration.ofMinutes(1), Duration.ofMinutes(10));
	}

	/**
	 * Reminds every referee whose reminder is due, a batch a transaction, until none is
	 * left ({@link ReferenceSchedule}).
	 */
	void remindAll() {
		if (!this.backoff.isDue()) {
			return;
		}
		try {
			// Each batch its own transaction: a call from here does not pass through the
			// proxy that @Transactional needs.
			while (this.transactions.execute((status) -> remindDue()) > 0) {
				// Next batch.
			}
			this.backoff.succeeded();
		}
		catch (DataAccessException ex) {
			// The reminders stay due; a later run sends them.
			logger.warn("Referees not reminded, trying again in " + this.backoff.failed() + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

	/**
	 * Reminds one batch of referees whose reminder is due, each once.
	 * @return how many were reminded
	 */
	@Transactional
	public int remindDue() {
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				select q.id from reference_request q
				join applications_rounds_for_references a on a.id = q.application_id
				join intake_deadlines_for_references r on r.id = a.round_id
				where q.state = 'REQUESTED' and q.reminders < :most
				  and q.requested_at + (q.reminders + 1) * cast(:every as interval) <= :now
				  and r.documents_deadline_at > :now
				order by q.id
				limit :batch
				for update of q skip locked""")
			.param("most", MAX_REMINDERS)
			.param("every", EVERY.getSeconds() + " seconds")
			.param("now", Timestamp.from(now))
			.param("batch", this.batchSize)
			.query(Long.class)
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<ReferenceRequest> batch = this.requests.findAllById(due);
		Map<UUID, Application> applications = this.applications
			.all(batch.stream().map(ReferenceRequest::getApplicationId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Application::getId, Function.identity()));
		for (ReferenceRequest request : batch) {
			this.references.remind(request, applications.get(request.getApplicationId()));
		}
		return batch.size();
	}

}
