package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.prospectus.applications.Answers;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationDocuments;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationService;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.DocumentChecklist;
import org.prospectus.applications.DocumentKind;
import org.prospectus.applications.FeeStatus;
import org.prospectus.applications.StepContext;
import org.prospectus.account.StaffScope;
import org.prospectus.applications.ApplicationDocuments.DocumentTarget;
import org.prospectus.applications.ApplicationDocuments.DocumentView;
import org.prospectus.applications.DocumentChecklist.Item;
import org.prospectus.applications.DocumentChecklist.Verdict;
import org.prospectus.decisions.StatusMoves.Move;
import org.prospectus.decisions.StatusMoves.Refusal;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditEntry;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.RefusalReason;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundService;
import org.prospectus.mail.MailOutbox;
import org.prospectus.support.Emails;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.PublicUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admissions staff do with one submitted application: read it as submitted, open its
 * documents (every opening recorded), give a verdict per document, ask for more documents
 * by a date, move it along the allowed transitions to a decision, and keep notes. Each
 * change checks the version the officer's page showed, so two officers deciding at once
 * cannot overwrite each other; each is one audit event, and the audit events are the
 * application's history.
 */
@Service
@NamedInterface("api")
public class ApplicationReview {

	/** The most history entries a detail page shows. */
	static final int HISTORY_LIMIT = 500;

	private final ApplicationFinder applications;

	private final ApplicationService service;

	private final ApplicationDocuments documents;

	private final DocumentChecklist checklist;

	private final AuditLog auditLog;

	private final MailOutbox outbox;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	private final PublicUrls urls;

	private final AdmissionsReach reach;

	private final Offers offers;

	private final StatusMoves moves;

	private final RoundService rounds;

	ApplicationReview(ApplicationFinder applications, ApplicationService service, ApplicationDocuments documents,
			DocumentChecklist checklist, AuditLog auditLog, MailOutbox outbox, JdbcClient jdbc,
			EntityManager entityManager, Clock clock, PublicUrls urls, AdmissionsReach reach, Offers offers,
			StatusMoves moves, RoundService rounds) {
		this.moves = moves;
		this.rounds = rounds;
		this.reach = reach;
		this.offers = offers;
		this.applications = applications;
		this.service = service;
		this.documents = documents;
		this.checklist = checklist;
		this.auditLog = auditLog;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
		this.urls = urls;
	}

	/**
	 * What the signed-in officer may do with an application, by the same rules the
	 * actions below apply, so that a page offers only what will be accepted: the round's
	 * coordinator checks documents, asks for more and moves the application as a whole;
	 * an institution decides offers and reserve places on its own programmes only.
	 */
	@Transactional(readOnly = true)
	public Powers powers(Detail detail) {
		return new Powers(coordinates(detail.app()), this.reach.offeredAmong(detail.choices().keySet()));
	}

	/** Everything the detail page shows, or empty for a draft or an unknown id. */
	@Transactional(readOnly = true)
	public Optional<Detail> detail(UUID id) {
		return this.applications.submitted(id).filter((application) -> reaches(id)).map((application) -> {
			List<DocumentView> files = this.documents.listForReview(id);
			return new Detail(application, this.service.answers(application), this.service.context(application),
					choices(id), files, this.checklist.items(application, files), notes(id),
					this.auditLog.history(Application.AUDIT_TYPE, id, HISTORY_LIMIT), this.offers.of(id),
					conditionOptions(id),
					application.getRound()
						.getInstitution()
						.getRefusalReasons()
						.stream()
						.map((line) -> RefusalReason.parse(line).reason())
						.toList());
		});
	}

	/**
	 * Sends a document to an officer, recording who opened it and how, in the same
	 * transaction.
	 * @param download whether as an attachment rather than shown in the browser
	 * @return whether the application has that document
	 */
	@Transactional
	public boolean open(UUID id, UUID documentId, boolean download, DocumentTarget target) {
		if (!reaches(id)) {
			return false;
		}
		return this.documents.sendForReview(id, documentId, (document) -> {
			this.auditLog.recordFor(download ? AuditAction.DOWNLOAD : AuditAction.VIEW, Application.AUDIT_TYPE, id,
					(download ? "Downloaded " : "Viewed ") + document.storedName(), List.of());
			return target.open(document);
		});
	}

	/**
	 * Moves the application, if the officer's page was current and the move is allowed.
	 * The caller has checked the form: reason and programme where needed.
	 */
	@Transactional
	public Outcome changeStatus(UUID id, long version, ApplicationStatus target, Long programmeId, String reason,
			List<String> conditions) {
		return changeStatus(id, version, target, programmeId, reason, conditions, null);
	}

	/**
	 * As {@link #changeStatus(UUID, long, ApplicationStatus, Long, String, List)}, with
	 * one of the institution's standard reasons for a refusal, by its words: it is
	 * recorded with the advice the institution gives with it.
	 */
	@Transactional
	public Outcome changeStatus(UUID id, long version, ApplicationStatus target, Long programmeId, String reason,
			List<String> conditions, @Nullable String refusalReason) {
		Application application = locked(id);
		if (application.getVersion() != version) {
			return Outcome.STALE;
		}
		Map<Long, Choice> ranked = choices(id);
		List<Long> choices = List.copyOf(ranked.keySet());
		RefusalReason refusal = (target == ApplicationStatus.NOT_ADMITTED && refusalReason != null)
				? application.getRound()
					.getInstitution()
					.getRefusalReasons()
					.stream()
					.map(RefusalReason::parse)
					.filter((option) -> option.reason().equals(refusalReason))
					.findFirst()
					.orElse(null)
				: null;
		Move move = new Move(target, programmeId, reason, refusal);
		Refusal refused = StatusMoves.check(move, application.getStatus(), application.getDecisionNotifiedAt() != null,
				choices);
		if (refused == null
				&& (target.needsProgramme() ? !this.reach.offers(programmeId) : !coordinates(application))) {
			return Outcome.NOT_YOURS;
		}
		Map<Long, String> titles = new LinkedHashMap<>();
		ranked.forEach((programme, choice) -> titles.put(programme, choice.toString()));
		if (refused == null) {
			refused = this.moves.make(application, move, choices, titles, conditions);
		}
		return (refused == null) ? Outcome.DONE : switch (refused) {
			case ALREADY_NOTIFIED -> Outcome.ALREADY_TOLD;
			case PROGRAMME_REQUIRED, NOT_A_CHOICE -> Outcome.NOT_A_CHOICE;
			case NO_PLACES -> Outcome.NO_PLACES;
			case NOT_YOURS, NOT_FOUND -> Outcome.NOT_YOURS;
			case TRANSITION, REASON_REQUIRED, CHANGED_SINCE_PREVIEW -> Outcome.NOT_ALLOWED;
		};
	}

	/**
	 * Asks the applicant for documents by the end of a day in the round's zone: the
	 * status becomes documents missing, and the e-mail naming what is outstanding goes to
	 * the outbox with the change.
	 */
	@Transactional
	public Outcome requestDocuments(UUID id, long version, LocalDate by, String message) {
		Application application = locked(id);
		if (application.getVersion() != version) {
			return Outcome.STALE;
		}
		if (!coordinates(application)) {
			return Outcome.NOT_YOURS;
		}
		ZoneId zone = application.getRound().getZone();
		Instant due = by.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
		if (!application.getStatus().canMoveTo(ApplicationStatus.DOCUMENTS_MISSING)) {
			return Outcome.NOT_ALLOWED;
		}
		if (!due.isAfter(this.clock.instant())) {
			return Outcome.DATE_PASSED;
		}
		Locale language = application.getApplicant().getLanguage();
		String date = Formats.at(due, zone, language);
		// The audit trail keeps one language, whatever the applicant reads.
		if (this.moves.askForDocuments(application, due, Formats.at(due, zone, Locale.ENGLISH), message) != null) {
			return Outcome.NOT_ALLOWED;
		}
		List<String> outstanding = this.checklist.items(application, this.documents.listForReview(id))
			.stream()
			.filter(Item::isOutstanding)
			.map((item) -> item.kind().messageKey())
			.toList();
		this.outbox.enqueue(application.getEmail(), "documents-requested",
				Map.of("name", application.getFullName(), "reference", application.getReference(), "round",
						application.getRound().getName(), "by", date, "message", message.strip(), "outstanding",
						outstanding, "link", this.urls.of(language, "/applications/{id}/documents", id)),
				language);
		return Outcome.DONE;
	}

	/**
	 * Records a verdict on one kind of document. Verdicts do not conflict: the last
	 * stands.
	 */
	@Transactional
	public Outcome checkDocument(UUID id, DocumentKind kind, Verdict verdict, String reason) {
		Application application = locked(id);
		if (!coordinates(application)) {
			return Outcome.NOT_YOURS;
		}
		String actor = currentActor();
		FeeStatus feeBefore = application.getFeeStatus();
		this.checklist.record(id, kind, verdict, blankToNull(reason), actor, this.clock.instant());
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange(kind.messageKey(), null, verdict.name()));
		if (verdict == Verdict.REJECTED) {
			changes.add(new FieldChange("reason", null, reason.strip()));
		}
		if (kind == DocumentKind.FEE_RECEIPT) {
			FeeStatus feeAfter = feeStatusOf(id);
			if (feeAfter != feeBefore) {
				changes.add(new FieldChange("fee", String.valueOf(feeBefore), String.valueOf(feeAfter)));
			}
		}
		this.auditLog.recordFor(AuditAction.DOCUMENT_CHECK, Application.AUDIT_TYPE, id,
				verdict.name().charAt(0) + verdict.name().substring(1).toLowerCase(Locale.ROOT) + " the "
						+ kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + application.getReference(),
				changes);
		return Outcome.DONE;
	}

	/**
	 * The fee receipts of the officer's rounds that wait for a check, oldest first: of
	 * submitted applications, and of drafts where the institution has submitting wait for
	 * the check. Of a draft staff see only its reference and its receipts (ADR 0026).
	 */
	@Transactional(readOnly = true)
	public List<ReceiptToCheck> receiptsToCheck() {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = """
				select a.id, a.reference, a.status, r.name as round, i.time_zone, d.id as document, d.stored_name,
				       d.uploaded_at""" + receiptsWaiting(params) + " order by d.uploaded_at, d.id limit 500";
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new ReceiptToCheck(rs.getObject("id", UUID.class), rs.getString("reference"),
					ApplicationStatus.valueOf(rs.getString("status")), rs.getString("round"),
					ZoneId.of(rs.getString("time_zone")), rs.getObject("document", UUID.class),
					rs.getString("stored_name"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/**
	 * The from and where clauses of the fee receipts waiting for a check in the rounds
	 * the signed-in officer coordinates, with their parameters put into {@code params}:
	 * one rule for the list and for opening one receipt.
	 */
	private String receiptsWaiting(Map<String, Object> params) {
		String coordinated = this.reach.current().coordinated(params);
		return """

				from applications_standing_for_decisions a join intake_rounds_for_decisions r on r.id = a.round_id
				join institution_settings_for_decisions i on i.id = r.institution_id
				join applications_fee_receipts_for_decisions d on d.application_id = a.id
				where (a.status = 'DRAFT' and i.fee_receipt_check_before_submit
				       or a.status <> 'DRAFT' and a.status <> 'WITHDRAWN' and a.fee_status = 'RECEIPT_RECEIVED')"""
				+ " and " + coordinated + " and (" + DocumentChecklist.FEE_SQL + ") = 'RECEIPT_RECEIVED'";
	}

	/**
	 * A fee receipt waiting for a check.
	 *
	 * @param document one file of it, the latest last
	 */
	public record ReceiptToCheck(UUID application, String reference, ApplicationStatus status, String round,
			ZoneId zone, UUID document, String storedName, Instant uploadedAt) {

	}

	/**
	 * Checks the fee receipt of an application the officer's institution coordinates,
	 * submitted or a draft waiting for the check: verified, the fee is paid; refused, it
	 * is due again, and the applicant sees the reason. Audited with the fee before and
	 * after.
	 */
	@Transactional
	public Outcome checkReceipt(UUID id, Verdict verdict, String reason) {
		Application application = lockedForFee(id);
		if (!coordinates(application)) {
			return Outcome.NOT_YOURS;
		}
		if (!application.isDraft()) {
			return checkDocument(id, DocumentKind.FEE_RECEIPT, verdict, reason);
		}
		FeeStatus before = this.checklist.owedFee(id);
		this.checklist.record(id, DocumentKind.FEE_RECEIPT, verdict, blankToNull(reason), currentActor(),
				this.clock.instant());
		FeeStatus after = this.checklist.owedFee(id);
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange(DocumentKind.FEE_RECEIPT.messageKey(), null, verdict.name()));
		if (verdict == Verdict.REJECTED) {
			changes.add(new FieldChange("reason", null, reason.strip()));
		}
		changes.add(new FieldChange("fee", before.name(), after.name()));
		this.auditLog.recordFor(AuditAction.DOCUMENT_CHECK, Application.AUDIT_TYPE, id,
				((verdict == Verdict.VERIFIED) ? "Verified" : "Rejected") + " the fee receipt of "
						+ application.getReference(),
				changes);
		return Outcome.DONE;
	}

	/**
	 * Sends a fee receipt waiting for a check to an officer of the coordinating
	 * institution, audited: the one file of a draft staff may open.
	 */
	@Transactional
	public boolean openReceipt(UUID id, UUID documentId, boolean download, DocumentTarget target) {
		Map<String, Object> params = new LinkedHashMap<>();
		String waiting = receiptsWaiting(params);
		params.put("application", id);
		params.put("document", documentId);
		if (!this.jdbc.sql("select exists (select 1" + waiting + " and a.id = :application and d.id = :document)")
			.params(params)
			.query(Boolean.class)
			.single()) {
			return false;
		}
		return this.documents.sendReceipt(id, documentId, (document) -> {
			this.auditLog.recordFor(download ? AuditAction.DOWNLOAD : AuditAction.VIEW, Application.AUDIT_TYPE, id,
					(download ? "Downloaded " : "Viewed ") + document.storedName(), List.of());
			return target.open(document);
		});
	}

	/**
	 * Whether the officer's institution coordinates the application, submitted or a
	 * draft, and so may check its fee receipt.
	 */
	@Transactional(readOnly = true)
	public boolean checksFeeOf(UUID id) {
		Map<String, Object> params = new LinkedHashMap<>();
		String coordinated = this.reach.current().coordinated(params);
		params.put("id", id);
		return this.jdbc
			.sql("select exists (select 1 from applications_standing_for_decisions a where a.id = :id"
					+ " and a.status <> 'WITHDRAWN' and " + coordinated + ")")
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/** A submitted application or a draft, locked, if the officer reaches its round. */
	private Application lockedForFee(UUID id) {
		return Optional.of(id)
			.filter(this::checksFeeOf)
			.flatMap(this.applications::lockFresh)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
	}

	private FeeStatus feeStatusOf(UUID id) {
		String fee = this.jdbc.sql("select fee_status from applications_standing_for_decisions where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		return (fee != null) ? FeeStatus.valueOf(fee) : FeeStatus.NONE;
	}

	/**
	 * Lets one applicant submit to the round, or send documents for it, after its
	 * deadline until an instant, for a reason: the round's coordinator decides, as it
	 * moves applications. Granted again, it replaces the earlier one. Audited on the
	 * application when there is one, else on the round.
	 * @param kind {@link ApplicationService#SUBMIT_EXCEPTION} or
	 * {@link ApplicationService#DOCUMENTS_EXCEPTION}
	 */
	@Transactional
	public Grant grantException(long roundId, String email, String kind, Instant until, String reason) {
		AdmissionsReach.Reach reach = this.reach.current();
		if (!reach.everywhere() && !reach.coordinated().contains(roundId)) {
			return Grant.NOT_YOURS;
		}
		ApplicationRound round = this.rounds.find(roundId).orElseThrow(() -> NotFoundException.forMissing("round"));
		Instant deadline = ApplicationService.SUBMIT_EXCEPTION.equals(kind) ? round.getDeadlineAt()
				: round.getDocumentsDeadlineAt();
		if (!until.isAfter(deadline) || !until.isAfter(this.clock.instant())) {
			return Grant.NOT_LATER;
		}
		// Kept for the address whether or not it has an account, and answered the same
		// either way: the exception holds for whoever registers with it and applies.
		String address = Emails.canonical(email);
		List<Long> applicant = this.jdbc
			.sql("select id from applicant_open_accounts_for_decisions where email = :email")
			.param("email", address)
			.query(Long.class)
			.list();
		this.service.grantException(roundId, address, kind, until, reason.strip(), currentActor(),
				this.clock.instant());
		String what = ApplicationService.SUBMIT_EXCEPTION.equals(kind) ? "submit" : "send documents";
		// The address as stored, so that erasing the account finds it in the summary.
		String summary = "Let " + address + " " + what + " after the deadline of " + round.getName() + ", until "
				+ Formats.at(until, round.getZone(), Locale.ENGLISH);
		List<FieldChange> changes = List.of(
				new FieldChange("exceptionUntil", null, Formats.at(until, round.getZone(), Locale.ENGLISH)),
				new FieldChange("reason", null, reason.strip()));
		Optional<UUID> application = applicant.stream()
			.findFirst()
			.flatMap((id) -> this.applications.idOf(id, roundId));
		if (application.isPresent()) {
			this.auditLog.recordFor(AuditAction.UPDATE, Application.AUDIT_TYPE, application.get(), summary, changes);
		}
		else {
			this.auditLog.record(AuditAction.UPDATE, "application-round", roundId, summary, changes);
		}
		return Grant.DONE;
	}

	/**
	 * A round's deadline exceptions, newest first. The applicant's name and application
	 * show once they submitted to the round: until then nothing tells an address with an
	 * account from one without.
	 */
	@Transactional(readOnly = true)
	public List<DeadlineException> exceptions(long roundId) {
		return this.jdbc.sql("""
				select e.email, p.full_name, e.kind, e.until_at, e.reason, e.granted_by, e.granted_at,
				       a.id as application_id, a.status
				from applications_deadline_exceptions_for_decisions e
				left join applicant_open_accounts_for_decisions p on p.email = e.email
				left join applications_standing_for_decisions a
				  on a.round_id = e.round_id and a.applicant_id = p.id and a.status <> 'DRAFT'
				where e.round_id = :round order by e.granted_at desc""")
			.param("round", roundId)
			.query((rs, n) -> new DeadlineException(rs.getString("email"),
					(rs.getObject("application_id") != null) ? rs.getString("full_name") : null, rs.getString("kind"),
					rs.getTimestamp("until_at").toInstant(), rs.getString("reason"), rs.getString("granted_by"),
					rs.getTimestamp("granted_at").toInstant(), rs.getObject("application_id", UUID.class),
					(rs.getString("status") != null) ? ApplicationStatus.valueOf(rs.getString("status")) : null))
			.list();
	}

	/** What became of granting an exception. */
	public enum Grant {

		DONE,
		/** Another institution runs the round. */
		NOT_YOURS,
		/** The instant is not after the deadline, or has passed. */
		NOT_LATER

	}

	/**
	 * One applicant's leave to submit or send documents late.
	 *
	 * @param email the address it was granted to
	 * @param name the applicant's name once they submitted to the round; else none
	 * @param kind SUBMIT or DOCUMENTS
	 * @param until the last instant
	 * @param reason why
	 * @param grantedBy who let them
	 * @param grantedAt when
	 * @param applicationId their application in the round, if they started one
	 * @param status where it stands
	 */
	public record DeadlineException(String email, @Nullable String name, String kind, Instant until, String reason,
			String grantedBy, Instant grantedAt, @Nullable UUID applicationId, @Nullable ApplicationStatus status) {

	}

	/** Adds a staff-only note. Notes are only ever added, so they never conflict. */
	@Transactional
	public void addNote(UUID id, String body) {
		Application application = locked(id);
		this.jdbc.sql("""
				insert into application_note (application_id, author, body, created_at)
				values (:id, :author, :body, :at)""")
			.param("id", id)
			.param("author", currentActor())
			.param("body", body.strip())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.auditLog.recordFor(AuditAction.NOTE, Application.AUDIT_TYPE, id,
				"Added a note to " + application.getReference(), List.of());
	}

	/** The application locked until the transaction ends, if the officer reaches it. */
	Application locked(UUID id) {
		Application application = this.applications.lockSubmitted(id)
			.filter((found) -> reaches(id))
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		this.entityManager.refresh(application);
		return application;
	}

	/**
	 * Whether the signed-in officer reaches the application: another institution's is
	 * answered as if it did not exist.
	 */
	private boolean reaches(UUID id) {
		Map<String, Object> params = new LinkedHashMap<>();
		String visible = this.reach.current().visible(params);
		params.put("id", id);
		return this.jdbc
			.sql("select exists (select 1 from applications_standing_for_decisions a where a.id = :id and " + visible
					+ ")")
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/** Whether the officer's institution runs the application's round. */
	private static boolean coordinates(Application application) {
		return AdmissionsReach.coordinates(StaffScope.current(), application);
	}

	/**
	 * The ranked programmes, by id in rank order, each with its institution: a joint
	 * round's programmes may share a title.
	 */
	private Map<Long, Choice> choices(UUID id) {
		Map<Long, Choice> choices = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.programme_id, p.title, i.name as institution from applications_choices_for_decisions c
				join programme_titles_for_decisions p on p.id = c.programme_id
				join institution_settings_for_decisions i on i.id = p.institution_id
				where c.application_id = :id order by c.rank""").param("id", id).query((rs) -> {
			choices.put(rs.getLong("programme_id"), new Choice(rs.getString("title"), rs.getString("institution")));
		});
		return choices;
	}

	/**
	 * A ranked programme as staff read it: its title and its institution.
	 *
	 * @param title the programme's title
	 * @param institution the name of the institution that gives it
	 */
	public record Choice(String title, String institution) {

		/** As the audit log records it. */
		@Override
		public String toString() {
			return StatusMoves.programmeInWords(this.title, this.institution);
		}

	}

	/**
	 * The standard conditions of the institutions whose programmes the application ranks,
	 * each once, in each institution's order.
	 */
	private List<String> conditionOptions(UUID id) {
		List<String> options = new ArrayList<>();
		this.jdbc.sql("""
				select i.offer_conditions from institution_settings_for_decisions i
				where i.id in (select p.institution_id from applications_choices_for_decisions c
				               join programme_titles_for_decisions p on p.id = c.programme_id
				               where c.application_id = :id)
				order by i.name, i.id""").param("id", id).query((rs) -> {
			for (Object condition : (Object[]) rs.getArray("offer_conditions").getArray()) {
				if (!options.contains(condition)) {
					options.add((String) condition);
				}
			}
		});
		return options;
	}

	private List<Note> notes(UUID id) {
		return this.jdbc.sql(
				"select author, body, created_at from application_note where application_id = :id order by created_at, id")
			.param("id", id)
			.query((rs, n) -> new Note(rs.getString("author"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Who is changing an application: the signed-in person, or the system's jobs. */
	static String currentActor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "system";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** What became of a change. */
	public enum Outcome {

		DONE,
		/** Someone changed the application since the officer's page was shown. */
		STALE,
		/** The transition is not in the table from the current status. */
		NOT_ALLOWED,
		/** The decision was e-mailed to the applicant already. */
		ALREADY_TOLD,
		/** The programme is not among the application's ranked choices. */
		NOT_A_CHOICE,
		/** The date asked for documents by has passed. */
		DATE_PASSED,
		/** Every place on the programme is held by an offer. */
		NO_PLACES,
		/**
		 * Another institution decides this: the round's coordinator moves the application
		 * as a whole, and each institution offers its own programmes (ADR 0018).
		 */
		NOT_YOURS

	}

	/**
	 * A staff-only note.
	 */
	public record Note(String author, String body, Instant at) {

	}

	/**
	 * What the signed-in officer may do with one application.
	 *
	 * @param coordinates whether their institution runs its round
	 * @param programmes the ranked programmes they may offer or hold a reserve place on
	 */
	public record Powers(boolean coordinates, Set<Long> programmes) {

		public boolean offers(long programmeId) {
			return this.programmes.contains(programmeId);
		}

	}

	public record Detail(Application app, Answers answers, StepContext context, Map<Long, Choice> choices,
			List<DocumentView> documents, List<Item> checklist, List<Note> notes, List<AuditEntry> history,
			List<Offers.Offer> offers, List<String> conditionOptions, List<String> refusalOptions) {

	}

}
