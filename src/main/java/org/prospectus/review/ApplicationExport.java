package org.prospectus.review;

import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.prospectus.applications.Application;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A view of the queue as CSV, every row of it, in constant memory: one statement read
 * through a forward-only cursor ({@value #FETCH_SIZE} rows at a time, which PostgreSQL
 * does only inside a transaction) and written straight to the response. Each export is
 * audited with its view and row count, also when the download breaks off.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class ApplicationExport {

	/** The header row. These names are an interface: change them only with a notice. */
	public static final List<String> COLUMNS = List.of("reference", "name", "email", "round", "first_choice_code",
			"first_choice_title", "status", "fee_status", "citizenship", "missing_documents", "submitted_at_utc",
			"offer_state", "reply_by_utc", "conditions_pending", "reserve_position", "review_score",
			"reads_outstanding", "reads_disagree");

	static final int FETCH_SIZE = 1_000;

	private final JdbcClient streaming;

	private final ReviewQueue queue;

	private final AuditLog auditLog;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate audit;

	ApplicationExport(DataSource dataSource, ReviewQueue queue, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
		this.queue = queue;
		this.auditLog = auditLog;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.audit = new TransactionTemplate(transactions);
		this.audit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Writes the view's applications, in its order, with a header row.
	 * @return how many rows were written
	 */
	public long write(QueueFilter filter, Writer out) {
		QueueOptions options = this.queue.options();
		Map<Long, QueueOptions.Round> rounds = options.roundsById();
		Map<Long, QueueOptions.Programme> programmes = options.programmesById();
		ReviewQueue.SqlQuery query = ReviewQueue.pageQuery(filter, this.queue.reach(), null, 0);
		CsvWriter csv = new CsvWriter(out);
		long[] rows = { 0 };
		RuntimeException failure = null;
		try {
			csv.row(COLUMNS.toArray(String[]::new));
			this.readOnly
				.executeWithoutResult((status) -> this.streaming.sql(query.sql()).params(query.params()).query((rs) -> {
					QueueRow row = ReviewQueue.row(rs, 0);
					QueueOptions.Round round = rounds.get(row.roundId());
					QueueOptions.Programme choice = (row.firstChoice() != null) ? programmes.get(row.firstChoice())
							: null;
					csv.row(row.reference(), row.name(), row.email(), (round != null) ? round.slug() : null,
							(choice != null) ? choice.code() : null, (choice != null) ? choice.title() : null,
							row.status().name(), (row.fee() != null) ? row.fee().name() : null, row.citizenship(),
							Boolean.toString(row.missingDocuments()),
							DateTimeFormatter.ISO_INSTANT.format(row.submittedAt()), row.offerState(),
							(row.replyBy() != null) ? DateTimeFormatter.ISO_INSTANT.format(row.replyBy()) : null,
							Integer.toString(row.conditionsPending()),
							(row.reservePosition() != null) ? row.reservePosition().toString() : null,
							(row.score() != null) ? row.score().toPlainString() : null,
							(row.readsOutstanding() != null) ? row.readsOutstanding().toString() : null,
							Boolean.toString(row.readsDisagree()));
					rows[0]++;
				}));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		String view = filter.toQuery();
		boolean complete = failure == null;
		this.audit
			.executeWithoutResult((status) -> this.auditLog.record(AuditAction.EXPORT, Application.AUDIT_TYPE, null,
					(complete ? "Exported " : "Export broke off after ") + rows[0] + " applications as CSV"
							+ (view.isEmpty() ? "" : " (" + view + ")"),
					List.of(new FieldChange("view", null, view.isEmpty() ? "all" : view),
							new FieldChange("rows", null, Long.toString(rows[0])))));
		if (failure != null) {
			throw failure;
		}
		return rows[0];
	}

}
