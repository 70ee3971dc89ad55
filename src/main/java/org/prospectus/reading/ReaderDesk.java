package org.prospectus.reading;

import java.math.BigDecimal;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.applications.Answers;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationDocuments;
import org.prospectus.applications.ApplicationDocuments.DocumentTarget;
import org.prospectus.applications.ApplicationDocuments.DocumentView;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationService;
import org.prospectus.applications.StepContext;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.references.ReferenceRequest;
import org.prospectus.references.References;
import org.prospectus.support.FieldChecks;
import org.prospectus.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * A reader's desk: the reads assigned to them, oldest application first, and each read
 * with the application beside it, read-only. A reader reaches an application only through
 * a read of their own that they have not given back, at an institution where they are a
 * reader now; anything else is not found. In a blind plan, the others' scores appear only
 * once the reader has submitted their own.
 */
@Service
@PreAuthorize("hasAnyRole('READER', 'ADMIN')")
public class ReaderDesk {

	/** The most recently submitted reads the desk lists below the open ones. */
	static final int RECENT = 20;

	private final ApplicationReadRepository reads;

	private final Assignments assignments;

	private final ApplicationFinder applications;

	private final ApplicationService service;

	private final ApplicationDocuments documents;

	private final References references;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReaderDesk(ApplicationReadRepository reads, Assignments assignments, ApplicationFinder applications,
			ApplicationService service, ApplicationDocuments documents, References references, AuditLog auditLog,
			JdbcClient jdbc, Clock clock) {
		this.reads = reads;
		this.assignments = assignments;
		this.applications = applications;
		this.service = service;
		this.documents = documents;
		this.references = references;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The reads the signed-in reader still has to do, oldest application first: of
	 * applications still waiting for a decision (one decided, or withdrawn, needs no more
	 * reading).
	 */
	@Transactional(readOnly = true)
	public Desk desk() {
		long me = me();
		List<DeskRow> open = rows(me, "ASSIGNED", "a.submitted_at, a.id", Integer.MAX_VALUE);
		List<DeskRow> done = rows(me, "SUBMITTED", "r.submitted_at desc, r.id desc", RECENT);
		return new Desk(open, done);
	}

	private List<DeskRow> rows(long me, String state, String order, int limit) {
		StaffScope scope = StaffScope.current();
		return this.jdbc.sql("""
				select r.id, r.extra, r.draft_saved_at, r.total, a.reference, a.full_name, a.submitted_at,
				  p.title, p.institution_id, g.name as round
				from application_read r
				join applications_for_reading a on a.id = r.application_id
				join review_plan pl on pl.id = r.plan_id
				join programme_titles_for_reading p on p.id = pl.programme_id
				join intake_rounds_for_reading g on g.id = pl.round_id
				where r.reader_id = :me and r.state = :state
				  and (:state <> 'ASSIGNED' or a.status in (:readable))
				  and (:everywhere or p.institution_id in (:institutions))
				order by""" + " " + order + " limit :limit")
			.param("me", me)
			.param("state", state)
			.param("readable", Assignments.READABLE)
			.param("everywhere", scope.isEverywhere(StaffRole.READER))
			.param("institutions", scope.institutionsForQuery(StaffRole.READER))
			.param("limit", limit)
			.query((rs, n) -> new DeskRow(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
					rs.getString("title"), rs.getString("round"), rs.getTimestamp("submitted_at").toInstant(),
					rs.getBoolean("extra"), rs.getTimestamp("draft_saved_at") != null, rs.getBigDecimal("total")))
			.list();
	}

	/** A read of the signed-in reader's, with the application beside it. */
	@Transactional(readOnly = true)
	public ReadPage page(long readId) {
		ApplicationRead read = own(readId);
		Application application = this.applications.submitted(read.getApplicationId())
			.orElseThrow(() -> NotFoundException.forMissing("read"));
		ReviewPlan plan = read.getPlan();
		boolean seeOthers = !plan.isBlind() || read.getState() == ReadState.SUBMITTED;
		List<OtherRead> others = seeOthers ? others(read) : List.of();
		return new ReadPage(read, plan, application, this.service.answers(application),
				this.service.context(application), this.documents.listForReview(application.getId()),
				this.references.of(application.getId()), this.references.required(application), others, seeOthers);
	}

	private List<OtherRead> others(ApplicationRead read) {
		return this.jdbc.sql("""
				select s.display_name, r.total, r.comment, r.submitted_at from application_read r
				join account_staff_for_reading s on s.id = r.reader_id
				where r.application_id = :application and r.id <> :read and r.state = 'SUBMITTED'
				order by r.submitted_at, r.id""")
			.param("application", read.getApplicationId())
			.param("read", read.getId())
			.query((rs, n) -> new OtherRead(rs.getString("display_name"), rs.getBigDecimal("total"),
					rs.getString("comment"), rs.getTimestamp("submitted_at").toInstant()))
			.list();
	}

	/**
	 * Keeps the read as typed, or submits it with every score; a submitted read no longer
	 * changes.
	 * @return false, with the reasons in {@code errors}, when nothing was saved
	 * @throws ObjectOptimisticLockingFailureException when the read changed since the
	 * form was shown
	 */
	@Transactional
	public boolean save(long readId, ReadForm form, boolean submit, Errors errors) {
		ApplicationRead read = own(readId);
		if (read.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(ApplicationRead.class, readId);
		}
		if (read.getState() != ReadState.ASSIGNED) {
			errors.reject("reading.read.closed");
			return false;
		}
		ReviewPlan plan = read.getPlan();
		Map<String, Integer> scores = form.check(plan, submit, errors);
		if (errors.hasErrors()) {
			return false;
		}
		Instant now = this.clock.instant();
		if (!submit) {
			read.draft(scores, form.typedComment(), now);
			return true;
		}
		read.submit(scores, form.typedComment(), Scoring.total(plan.getCriteria(), scores), now);
		this.reads.flush();
		this.auditLog.recordFor(AuditAction.READ_SUBMIT, Application.AUDIT_TYPE, read.getApplicationId(),
				"Read submitted", List.of());
		this.assignments.settle(read.getApplicationId(), plan);
		return true;
	}

	/**
	 * Gives a read back for a conflict of interest: the reader no longer sees the
	 * application, and the least busy free reader of the pool takes the read.
	 * @return false, with the reason in {@code errors}, when nothing changed
	 */
	@Transactional
	public boolean conflict(long readId, long version, @Nullable String reason, Errors errors) {
		ApplicationRead read = own(readId);
		if (read.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(ApplicationRead.class, readId);
		}
		if (read.getState() != ReadState.ASSIGNED) {
			errors.reject("reading.read.closed");
			return false;
		}
		String why = new FieldChecks(errors).text("reason", reason, true, 500);
		if (why == null) {
			return false;
		}
		read.conflict(why);
		this.reads.flush();
		this.auditLog.recordFor(AuditAction.READ_CONFLICT, Application.AUDIT_TYPE, read.getApplicationId(),
				"Reader declared a conflict of interest", List.of());
		this.assignments.settle(read.getApplicationId(), read.getPlan());
		return true;
	}

	/**
	 * Sends a document of the read's application to its reader, recorded in the audit
	 * log.
	 * @return whether the application has that document
	 */
	@Transactional
	public boolean open(long readId, UUID documentId, boolean download, DocumentTarget target) {
		ApplicationRead read = own(readId);
		UUID id = read.getApplicationId();
		return this.documents.sendForReview(id, documentId, (document) -> {
			this.auditLog.recordFor(download ? AuditAction.DOWNLOAD : AuditAction.VIEW, Application.AUDIT_TYPE, id,
					(download ? "Reader downloaded " : "Reader viewed ") + document.storedName(), List.of());
			return target.open(document);
		});
	}

	/** The PDF a referee attached to a reference of the read's application. */
	@Transactional
	public Optional<References.Attachment> referenceDocument(long readId, int position) {
		return this.references.document(own(readId).getApplicationId(), position);
	}

	/**
	 * The read, if it is the signed-in reader's, not given back, at an institution where
	 * they read now.
	 */
	private ApplicationRead own(long readId) {
		long me = me();
		ApplicationRead read = this.reads.findById(readId)
			.filter((found) -> found.getReaderId() == me && found.getState() != ReadState.CONFLICT)
			.orElseThrow(() -> NotFoundException.forMissing("read"));
		Long institution = this.assignments.institutionOf(read.getPlan().getProgrammeId()).orElse(null);
		if (!StaffScope.current().covers(StaffRole.READER, institution)) {
			throw NotFoundException.forMissing("read");
		}
		return read;
	}

	/** The signed-in member of staff's id. */
	private long me() {
		return this.jdbc.sql("select id from account_staff_for_reading where lower(email) = lower(:email)")
			.param("email", AuditLog.actor())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> NotFoundException.forMissing("reader"));
	}

	/** The open reads and the recently submitted ones. */
	public record Desk(List<DeskRow> open, List<DeskRow> done) {
	}

	/** A read in the desk's lists. */
	public record DeskRow(long id, String reference, String name, String programme, String round, Instant submittedAt,
			boolean extra, boolean drafted, @Nullable BigDecimal total) {
	}

	/** Another reader's submitted read, shown when the plan allows. */
	public record OtherRead(String reader, BigDecimal total, @Nullable String comment, Instant at) {
	}

	/**
	 * A read with its application.
	 *
	 * @param referencesRequired how many references the application needs
	 * @param seeOthers whether the others' reads may be shown (a blind plan: only once
	 * this one is submitted)
	 */
	public record ReadPage(ApplicationRead read, ReviewPlan plan, Application application, Answers answers,
			StepContext context, List<DocumentView> documents, List<ReferenceRequest> references,
			int referencesRequired, List<OtherRead> others, boolean seeOthers) {

		public boolean isOpen() {
			return this.read.getState() == ReadState.ASSIGNED;
		}

		public @Nullable Integer score(ReviewCriterion criterion) {
			return this.read.score(criterion);
		}

	}

}
