package org.prospectus.applications;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.applicant.Applicant;
import org.prospectus.applicant.ApplicantAccounts;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.jspecify.annotations.Nullable;
import org.prospectus.institution.Institution;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundChoices;
import org.prospectus.intake.RoundService;
import org.prospectus.intake.RoundState;
import org.prospectus.mail.MailOutbox;
import org.prospectus.programme.Programme;
import org.prospectus.staging.PublicationState;
import org.prospectus.support.FieldChecks;
import org.prospectus.support.Money;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.PublicUrls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Applications from start to submission. Every method takes the signed-in applicant's id
 * and finds only their own applications, so another person's id answers as if it did not
 * exist. A step is saved as typed, valid or not, so that nothing typed is lost;
 * submitting checks everything at once, in one transaction, against the injected clock.
 */
@Service
@NamedInterface("api")
public class ApplicationService {

	private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The version of the declaration's wording, {@code application.declaration.<version>}
	 * in the messages. A new wording gets a new version and key; the old key stays, since
	 * applications record which one they were submitted under.
	 */
	public static final String DECLARATION_VERSION = "2026-12-01";

	private final ApplicationRepository applications;

	private final RoundService rounds;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final MailOutbox outbox;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final PublicUrls urls;

	private final ApplicationDocuments documents;

	private final AuditLog auditLog;

	private final DocumentChecklist checklist;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final ApplicantAccounts applicants;

	private final ProgrammeService programmes;

	ApplicationService(ApplicationRepository applications, RoundService rounds, JdbcClient jdbc,
			EntityManager entityManager, MailOutbox outbox, Clock clock, PublicUrls urls,
			ApplicationDocuments documents, AuditLog auditLog, DocumentChecklist checklist, MessageSource messages,
			ApplicationEventPublisher events, ApplicantAccounts applicants, ProgrammeService programmes) {
		this.applicants = applicants;
		this.programmes = programmes;
		this.events = events;
		this.applications = applications;
		this.messages = messages;
		this.checklist = checklist;
		this.auditLog = auditLog;
		this.documents = documents;
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.outbox = outbox;
		this.clock = clock;
		this.urls = urls;
	}

	/**
	 * When an applicant may submit to, or send documents for, a round after its deadline
	 * because admissions staff said so; empty when they did not.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> exceptionUntil(long roundId, long applicantId, String kind) {
		return this.applications.findExceptionUntil(roundId, applicantId, kind);
	}

	/**
	 * The last instant this applicant may submit to the round: its deadline, or the later
	 * one staff let them have.
	 */
	@Transactional(readOnly = true)
	public Instant deadlineFor(ApplicationRound round, long applicantId) {
		return exceptionUntil(round.getId(), applicantId, SUBMIT_EXCEPTION)
			.filter((until) -> until.isAfter(round.getDeadlineAt()))
			.orElse(round.getDeadlineAt());
	}

	/** The kind of exception that lets an applicant submit late. */
	public static final String SUBMIT_EXCEPTION = "SUBMIT";

	/** The kind of exception that lets an applicant send documents late. */
	public static final String DOCUMENTS_EXCEPTION = "DOCUMENTS";

	/**
	 * Records an exception to a round's deadline for an address, whether or not it has an
	 * account: granted again, it replaces the earlier one. The caller has checked that
	 * the officer may grant it.
	 * @param address the canonical e-mail address
	 * @param kind {@link #SUBMIT_EXCEPTION} or {@link #DOCUMENTS_EXCEPTION}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void grantException(long roundId, String address, String kind, Instant until, String reason,
			String grantedBy, Instant at) {
		this.jdbc.sql("""
				insert into deadline_exception (round_id, email, kind, until_at, reason, granted_by, granted_at)
				values (:round, :email, :kind, :until, :reason, :by, :at)
				on conflict (round_id, email, kind) do update
				set until_at = excluded.until_at, reason = excluded.reason, granted_by = excluded.granted_by,
				    granted_at = excluded.granted_at""")
			.param("round", roundId)
			.param("email", address)
			.param("kind", kind)
			.param("until", Timestamp.from(until))
			.param("reason", reason)
			.param("by", grantedBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * A round this applicant may apply to now: open, or past its deadline with an
	 * exception for them that has not run out.
	 */
	@Transactional(readOnly = true)
	public Optional<ApplicationRound> openRoundFor(String slug, long applicantId) {
		Instant now = this.clock.instant();
		return this.rounds.findBySlug(slug)
			.filter((round) -> round.stateAt(now) == RoundState.OPEN
					|| (!now.isBefore(round.getOpensAt()) && !now.isAfter(deadlineFor(round, applicantId))))
			.filter((round) -> !programmes(round).isEmpty());
	}

	/** A round open for applications now, by its slug, with what the start page shows. */
	@Transactional(readOnly = true)
	public Optional<ApplicationRound> openRound(String slug) {
		return this.rounds.findBySlug(slug)
			.filter((round) -> round.stateAt(this.clock.instant()) == RoundState.OPEN)
			.filter((round) -> !programmes(round).isEmpty());
	}

	/** The applicant's application to a round, if they started one. */
	@Transactional(readOnly = true)
	public Optional<UUID> existing(long applicantId, long roundId) {
		return this.applications.findIdByApplicantAndRound(applicantId, roundId);
	}

	/**
	 * Starts an application to an open round, or finds the one the applicant started
	 * already: a second tab or a double click never makes two. A new application starts
	 * with what the portal knows already: the name given at registration, and, when the
	 * applicant came from a programme's page, that programme as the first choice. An
	 * application started before is left as it is.
	 * @param programmeSlug the programme whose page the applicant came from, or
	 * {@code null}; ignored unless the round admits to it
	 * @return the application's id, or empty when the round is not open
	 */
	@Transactional
	public Optional<UUID> start(long applicantId, String roundSlug, @Nullable String programmeSlug) {
		Optional<ApplicationRound> round = openRoundFor(roundSlug, applicantId);
		if (round.isEmpty()) {
			return Optional.empty();
		}
		long roundId = round.get().getId();
		UUID id = UUID.randomUUID();
		if (this.applications.insertIfAbsent(id, newReference(), applicantId, roundId) == 1) {
			Answers answers = new Answers();
			Applicant applicant = this.applicants.find(applicantId).orElseThrow();
			String name = applicant.getFullName().strip();
			int last = name.lastIndexOf(' ');
			answers.getPersonal().setGivenNames((last > 0) ? name.substring(0, last).strip() : name);
			answers.getPersonal().setFamilyName((last > 0) ? name.substring(last + 1) : null);
			programmeIn(round.get(), programmeSlug).ifPresent((programme) -> answers.getChoices()
				.setRanked(new ArrayList<>(List.of(programme.getId().toString()))));
			this.jdbc.sql("update application set answers = cast(:answers as jsonb) where id = :id")
				.param("answers", this.json.writeValueAsString(answers))
				.param("id", id)
				.update();
		}
		return this.applications.findIdByApplicantAndRound(applicantId, roundId);
	}

	/** The round's programme with this slug, when the round admits applicants to it. */
	public static Optional<Programme> programmeIn(ApplicationRound round, @Nullable String programmeSlug) {
		return programmes(round).stream().filter((programme) -> programme.getSlug().equals(programmeSlug)).findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Application> find(UUID id, long applicantId) {
		return this.applications.findOwned(id, applicantId);
	}

	/**
	 * The applicant's application named in an address; anything else, another person's
	 * included, is answered as missing.
	 */
	@Transactional(readOnly = true)
	public Application owned(String id, long applicantId) {
		return find(uuid(id), applicantId).orElseThrow(() -> NotFoundException.forMissing("application"));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("application");
		}
	}

	@Transactional(readOnly = true)
	public List<Application> ofApplicant(long applicantId) {
		return this.applications.findByApplicant(applicantId);
	}

	/** The draft answers, or the submitted ones once submitted. */
	@Transactional(readOnly = true)
	public Answers answers(Application application) {
		String column = application.isDraft() ? "answers" : "coalesce(snapshot, answers)";
		String text = this.jdbc.sql("select " + column + "::text from application where id = :id")
			.param("id", application.getId())
			.query(String.class)
			.single();
		return this.json.readValue(text, Answers.class);
	}

	/** What a step's checks need: the round's programmes, its limit and today. */
	@Transactional(readOnly = true)
	public StepContext context(Application application) {
		RoundChoices round = this.rounds.choices(application.getRound().getId()).orElseThrow();
		Map<Long, String> programmes = new LinkedHashMap<>();
		// A joint round's programmes may share a title, so each is named with its
		// institution.
		boolean joint = round.programmes()
			.stream()
			.anyMatch((programme) -> programme.institutionId() != round.institutionId());
		round.programmes()
			.forEach((programme) -> programmes.put(programme.id(),
					joint ? this.messages.getMessage("application.choices.programme-of",
							new Object[] { programme.title(), programme.institutionName() },
							LocaleContextHolder.getLocale()) : programme.title()));
		return new StepContext(LocalDate.ofInstant(this.clock.instant(), round.zone()), programmes,
				round.choiceLimit());
	}

	/**
	 * What a step's page shows, read in one transaction: the applicant's application
	 * named in an address (anything else answered as missing), its answers, and what its
	 * checks need.
	 */
	@Transactional(readOnly = true)
	public StepView stepView(String id, long applicantId) {
		Application application = owned(id, applicantId);
		return new StepView(application, answers(application), context(application));
	}

	/** A step's page: its application, the answers so far, and what its checks need. */
	public record StepView(Application application, Answers answers, StepContext context) {
	}

	/**
	 * Saves one step's answers as typed, for the applicant's application named in an
	 * address (anything else answered as missing), and reads in the same transaction what
	 * the step's page needs to show them again. Only a draft changes.
	 */
	@Transactional
	public SavedStep saveStep(String id, long applicantId, StepForm form) {
		UUID uuid = uuid(id);
		boolean saved = saveStep(uuid, applicantId, form);
		// Already locked and read when it is the applicant's: this adds its round and
		// institution.
		Application application = find(uuid, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		return new SavedStep(application, saved ? context(application) : null);
	}

	/**
	 * A step's answers after saving.
	 *
	 * @param context what the step's checks need; {@code null} when nothing was saved
	 * because the application is no longer a draft
	 */
	public record SavedStep(Application application, @Nullable StepContext context) {
	}

	/**
	 * Saves one step's answers as typed. Only a draft changes.
	 * @return whether it was saved
	 */
	@Transactional
	public boolean saveStep(UUID id, long applicantId, StepForm form) {
		// The draft's answers, its row locked until the save commits: a submit waits for
		// the save, or the save finds no draft once the submit has committed.
		Optional<String> draft = this.jdbc.sql("""
				select answers::text from application
				where id = :id and applicant_id = :applicantId and status = 'DRAFT' for update""")
			.param("id", id)
			.param("applicantId", applicantId)
			.query(String.class)
			.optional();
		if (draft.isEmpty()) {
			return false;
		}
		Answers answers = this.json.readValue(draft.get(), Answers.class);
		form.putInto(answers);
		this.jdbc.sql("update application set answers = cast(:answers as jsonb), updated_at = :now where id = :id")
			.param("answers", this.json.writeValueAsString(answers))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		return true;
	}

	/**
	 * Each step's problems, empty for a complete step, in step order. The documents
	 * step's problems are the required kinds not uploaded, each under the kind's name,
	 * and {@link DocumentKind#FEE_RECEIPT} while the fee is due.
	 */
	@Transactional(readOnly = true)
	public Map<Step, Errors> check(Application application, Answers answers) {
		return checkWithFee(application, answers).steps();
	}

	/**
	 * Each step's problems and the fee status, which the documents step's check decides
	 * on.
	 */
	public record Checked(Map<Step, Errors> steps, FeeStatus fee) {
	}

	/**
	 * What the applicant is told of the fee: where it stands, the institution's amount
	 * and how to pay it, and why staff refused the last receipt.
	 *
	 * @param amount the institution's fee; {@code null} when it names none
	 * @param instructions how to pay, as the institution wrote it, in the page's language
	 * where translated
	 * @param waitsForCheck whether submitting waits until staff have checked a receipt
	 * @param refusal why staff refused the latest receipt, while the fee is due again
	 * @param instructionsLanguage the language the instructions are shown in where it is
	 * not the page's, else null
	 */
	public record FeeView(FeeStatus status, @Nullable Money amount, @Nullable String instructions,
			boolean waitsForCheck, @Nullable String refusal, @Nullable String instructionsLanguage) {

		/**
		 * Whether the applicant still has to pay, or wait for a check of what they sent.
		 */
		public boolean isOwed() {
			return this.status == FeeStatus.DUE || this.status == FeeStatus.RECEIPT_RECEIVED;
		}

	}

	/**
	 * The fee as the applicant's status page shows it: as the answers make it while a
	 * draft, as kept since submitting.
	 */
	@Transactional(readOnly = true)
	public FeeView fee(Application application) {
		FeeStatus status = application.isDraft() ? feeStatus(application, answers(application))
				: (application.getFeeStatus() != null) ? application.getFeeStatus() : FeeStatus.NONE;
		return fee(application, status);
	}

	/** The fee as the applicant's pages show it. */
	@Transactional(readOnly = true)
	public FeeView fee(Application application, FeeStatus status) {
		Institution institution = application.getRound().getInstitution();
		String refusal = (status == FeeStatus.DUE) ? this.jdbc.sql("""
				select c.reason from application_document_check c
				where c.application_id = :id and c.kind = 'FEE_RECEIPT' and c.verdict = 'REJECTED'
				and c.checked_at >= (select max(d.uploaded_at) from application_document d
				    where d.application_id = :id and d.kind = 'FEE_RECEIPT')""")
			.param("id", application.getId())
			.query(String.class)
			.optional()
			.orElse(null) : null;
		// How to pay in the page's language where translated, else marked (issue 29).
		Locale page = LocaleContextHolder.getLocale();
		String translated = institution.translation(page.toLanguageTag(), "paymentInstructions");
		String shownIn = (translated != null || institution.getPaymentInstructions() == null
				|| Locale.forLanguageTag(institution.mainLanguage()).getLanguage().equals(page.getLanguage())) ? null
						: institution.mainLanguage();
		return new FeeView(status, institution.getApplicationFee(),
				(translated != null) ? translated : institution.getPaymentInstructions(),
				institution.isFeeReceiptCheckBeforeSubmit(), refusal, shownIn);
	}

	/**
	 * The applicant's application named in an address (anything else answered as missing)
	 * with its fee status, in one transaction.
	 */
	@Transactional(readOnly = true)
	public WithFee withFee(String id, long applicantId) {
		Application application = owned(id, applicantId);
		return new WithFee(application, owedOrNot(application, answers(application)));
	}

	/** An application and where its fee stands, as the answers make it while a draft. */
	public record WithFee(Application application, FeeStatus fee) {
	}

	/**
	 * What the documents step's page shows, read in one transaction, for the applicant's
	 * application named in an address (anything else answered as missing).
	 */
	@Transactional(readOnly = true)
	public DocumentsView documentsView(String id, long applicantId) {
		WithFee owned = withFee(id, applicantId);
		Application application = owned.application();
		return new DocumentsView(application, fee(application, owned.fee()),
				this.documents.list(application.getId(), applicantId), this.documents.canAdd(application),
				this.documents.dueAt(application));
	}

	/**
	 * The documents step's page.
	 *
	 * @param documents the documents uploaded, oldest first
	 * @param canAdd whether documents can be added now
	 * @param dueAt the last instant documents are accepted once submitted
	 */
	public record DocumentsView(Application application, FeeView fee, List<ApplicationDocuments.DocumentView> documents,
			boolean canAdd, Instant dueAt) {
	}

	/** {@link #check} and the fee status, found together. */
	@Transactional(readOnly = true)
	public Checked checkWithFee(Application application, Answers answers) {
		StepContext context = context(application);
		Set<DocumentKind> uploaded = this.documents.kinds(application.getId());
		FeeStatus fee = owedOrNot(application, answers);
		Map<Step, Errors> result = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			if (!step.isForm()) {
				result.put(step, checkDocuments(uploaded, fee,
						application.getRound().getInstitution().isFeeReceiptCheckBeforeSubmit()));
				continue;
			}
			StepForm form = answers.step(step);
			Errors errors = new BeanPropertyBindingResult(form, "form");
			form.check(new FieldChecks(errors), context);
			result.put(step, errors);
		}
		return new Checked(result, fee);
	}

	private static Errors checkDocuments(Set<DocumentKind> uploaded, FeeStatus fee, boolean waitsForCheck) {
		Errors errors = new MapBindingResult(new HashMap<>(), "documents");
		for (DocumentKind kind : DocumentKind.REQUIRED) {
			if (!uploaded.contains(kind)) {
				errors.rejectValue(kind.name(), "application.document.missing",
						new Object[] { new DefaultMessageSourceResolvable(kind.messageKey()) }, null);
			}
		}
		if (fee == FeeStatus.DUE) {
			errors.rejectValue(DocumentKind.FEE_RECEIPT.name(), "application.document.missing-receipt");
		}
		else if (fee == FeeStatus.RECEIPT_RECEIVED && waitsForCheck) {
			errors.rejectValue(DocumentKind.FEE_RECEIPT.name(), "application.document.receipt-unchecked");
		}
		return errors;
	}

	/**
	 * Exempt by citizenship, as the institution says; otherwise due until a receipt is
	 * uploaded, then "receipt received" until staff check it: paid when they verify it,
	 * due again when they refuse it. A payment the provider reports makes it paid.
	 */
	@Transactional(readOnly = true)
	public FeeStatus feeStatus(Application application, Answers answers) {
		return owedOrNot(application, answers);
	}

	private FeeStatus owedOrNot(Application application, Answers answers) {
		if (!chargesAFee(application, answers)) {
			return FeeStatus.NONE;
		}
		Set<String> exempt = Set.copyOf(application.getRound().getInstitution().getFeeExemptCountries());
		if (answers.exemptBy(exempt)) {
			return FeeStatus.EXEMPT;
		}
		return this.checklist.owedFee(application.getId());
	}

	/**
	 * Whether any programme ranked charges an application fee; before any is ranked,
	 * whether any programme of the round does.
	 */
	private boolean chargesAFee(Application application, Answers answers) {
		List<Long> ranked = answers.rankedProgrammeIds();
		if (ranked.isEmpty()) {
			return this.jdbc.sql("""
					select exists (select 1 from intake_round_programmes_for_applications rp
					               join programme_fees_for_applications p on p.id = rp.programme_id
					               where rp.round_id = :round and p.application_fee_amount > 0)""")
				.param("round", application.getRound().getId())
				.query(Boolean.class)
				.single();
		}
		return this.jdbc.sql(
				"select exists (select 1 from programme_fees_for_applications where id in (:ids) and application_fee_amount > 0)")
			.param("ids", ranked)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Submits, in one transaction: the application is locked, so presses from two tabs or
	 * a replayed request wait for each other and only the first submits; everything is
	 * checked, the deadline to the second in the institution's zone; the answers are
	 * frozen; and the confirmation e-mail is written to the outbox with the change.
	 * @param submitKey the key the review page carried, recorded with the submission
	 */
	@Transactional
	public SubmitOutcome submit(UUID id, long applicantId, String submitKey, boolean declared) {
		Application application = this.applications.lockOwned(id, applicantId).orElseThrow();
		this.entityManager.refresh(application);
		if (application.getStatus() == ApplicationStatus.WITHDRAWN) {
			return SubmitOutcome.of(SubmitOutcome.Result.WITHDRAWN);
		}
		if (application.getStatus().isSubmitted()) {
			return SubmitOutcome.of(SubmitOutcome.Result.ALREADY_SUBMITTED);
		}
		ApplicationRound round = application.getRound();
		Instant now = this.clock.instant();
		// Staff's exception is read only once the round's own deadline has passed.
		Instant deadline = now.isAfter(round.getDeadlineAt()) ? deadlineFor(round, applicantId) : round.getDeadlineAt();
		if (now.isAfter(deadline)) {
			return new SubmitOutcome(SubmitOutcome.Result.TOO_LATE, List.of(),
					Formats.at(deadline, round.getZone(), LocaleContextHolder.getLocale()));
		}
		Answers answers = answers(application);
		List<Step> incomplete = new ArrayList<>();
		Checked checked = checkWithFee(application, answers);
		checked.steps().forEach((step, errors) -> {
			// A missing receipt is told as the fee being due, below.
			if (errors.getErrorCount() > errors.getFieldErrorCount(DocumentKind.FEE_RECEIPT.name())) {
				incomplete.add(step);
			}
		});
		if (!incomplete.isEmpty()) {
			return new SubmitOutcome(SubmitOutcome.Result.INCOMPLETE, incomplete, null);
		}
		FeeStatus fee = checked.fee();
		if (fee == FeeStatus.DUE) {
			return SubmitOutcome.of(SubmitOutcome.Result.FEE_DUE);
		}
		if (fee == FeeStatus.RECEIPT_RECEIVED && round.getInstitution().isFeeReceiptCheckBeforeSubmit()) {
			return SubmitOutcome.of(SubmitOutcome.Result.FEE_UNCHECKED);
		}
		if (!declared) {
			return SubmitOutcome.of(SubmitOutcome.Result.NOT_DECLARED);
		}
		this.jdbc.sql("update application set snapshot = answers where id = :id").param("id", id).update();
		// One statement however many programmes are ranked.
		this.jdbc.sql("""
				insert into application_choice (application_id, rank, programme_id)
				select :id, ranked.ordinality, ranked.programme_id
				from unnest(cast(:programmes as bigint[])) with ordinality as ranked (programme_id, ordinality)""")
			.param("id", id)
			.param("programmes", answers.rankedProgrammeIds().toArray(new Long[0]))
			.update();
		List<String> citizenships = answers.citizenships();
		List<Long> ranked = answers.rankedProgrammeIds();
		Applicant applicant = application.getApplicant();
		application.submit(answers.fullName(), applicant.getEmail(), ranked.isEmpty() ? null : ranked.get(0),
				citizenships.isEmpty() ? null : citizenships.get(0), fee,
				(submitKey != null && !submitKey.isBlank()) ? submitKey.strip() : null, DECLARATION_VERSION, now);
		Locale language = applicant.getLanguage();
		this.outbox.enqueue(applicant.getEmail(), "application-submitted",
				Map.of("name", applicant.getFullName(), "reference", application.getReference(), "round",
						round.textIn(language, "name"), "institution", round.getInstitution().textIn(language, "name"),
						"link", this.urls.of(language, "/applications/{id}", id)),
				language);
		this.auditLog.recordFor(AuditAction.SUBMIT, Application.AUDIT_TYPE, id,
				"Submitted application " + application.getReference(),
				List.of(new FieldChange("status", ApplicationStatus.DRAFT.name(), ApplicationStatus.SUBMITTED.name())));
		this.events
			.publishEvent(new ApplicationSubmitted(id, round.getId(), now, application.getFirstChoiceProgrammeId()));
		return SubmitOutcome.of(SubmitOutcome.Result.SUBMITTED);
	}

	/**
	 * Withdraws a submitted application. A draft is not withdrawn: it can simply be left.
	 * Publishes {@link ApplicationWithdrawn}, on which the offers that held a place are
	 * declined once the withdrawal has committed.
	 * @return whether it was withdrawn now
	 */
	@Transactional
	public boolean withdraw(UUID id, long applicantId) {
		Application application = this.applications.lockOwned(id, applicantId).orElseThrow();
		this.entityManager.refresh(application);
		if (!application.getStatus().isSubmitted()) {
			return false;
		}
		ApplicationStatus before = application.getStatus();
		Instant now = this.clock.instant();
		application.withdraw(now);
		// Its offers are declined after the commit, by Offers (ADR 0031).
		this.events.publishEvent(new ApplicationWithdrawn(id, now));
		ApplicationRound round = application.getRound();
		// A confirmation, so that a withdrawal nobody meant (a shared computer, a stolen
		// password) does not go unnoticed until the results.
		Locale language = application.getApplicant().getLanguage();
		this.outbox.enqueue(application.getApplicant().getEmail(), "application-withdrawn", Map.of("name",
				application.getApplicant().getFullName(), "reference", application.getReference(), "round",
				round.textIn(language, "name"), "institution", round.getInstitution().textIn(language, "name"), "at",
				Formats.at(now, round.getZone(), language), "link", this.urls.of(language, "/applications/{id}", id)),
				language);
		this.auditLog.recordFor(AuditAction.WITHDRAW, Application.AUDIT_TYPE, id,
				"Withdrawn by the applicant: " + application.getReference(),
				List.of(new FieldChange("status", before.name(), ApplicationStatus.WITHDRAWN.name())));
		return true;
	}

	/**
	 * What the applicant's status page shows of the review: the status as they may see
	 * it, the documents still needed with the reasons given, and the decision once the
	 * round's notification date has come.
	 */
	@Transactional(readOnly = true)
	public StatusTimeline timeline(Application application, List<ApplicationDocuments.DocumentView> documents,
			Locale language) {
		Instant now = this.clock.instant();
		ApplicationStatus shown = application.shownToApplicant(now);
		List<DocumentChecklist.Item> outstanding = application.isDraft() ? List.of()
				: this.checklist.items(application, documents)
					.stream()
					.filter(DocumentChecklist.Item::isOutstanding)
					.toList();
		String programme = null;
		if (application.isResultVisible(now) && application.getDecisionProgrammeId() != null) {
			programme = this.programmes.title(application.getDecisionProgrammeId(), language).orElse(null);
		}
		return new StatusTimeline(shown, application.isResultVisible(now), programme, outstanding);
	}

	/**
	 * The review as the applicant sees it.
	 *
	 * @param shown the status they may see now
	 * @param resultVisible whether the decision is shown
	 * @param programme the programme of an offer or reserve place, once shown
	 * @param outstanding required documents missing or rejected
	 */
	public record StatusTimeline(ApplicationStatus shown, boolean resultVisible, String programme,
			List<DocumentChecklist.Item> outstanding) {

	}

	/** The deadline as the institution states it: local time with the zone named. */
	public static String deadline(ApplicationRound round) {
		return Formats.at(round.getDeadlineAt(), round.getZone(), LocaleContextHolder.getLocale());
	}

	private static List<Programme> programmes(ApplicationRound round) {
		return round.getProgrammes()
			.stream()
			.filter((programme) -> programme.getState() == PublicationState.PUBLISHED)
			.sorted(Comparator.comparing(Programme::getTitle))
			.toList();
	}

	/** Eight characters without look-alikes (no 0/O, 1/I): about 10^12 possibilities. */
	private static String newReference() {
		StringBuilder reference = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
		}
		return reference.toString();
	}

}
