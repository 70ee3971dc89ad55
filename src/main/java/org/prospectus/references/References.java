package org.prospectus.references;

import java.util.concurrent.atomic.AtomicReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.Tokens;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.ApplicationSubmitted;
import org.prospectus.applications.ReferenceRecords;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundService;
import org.prospectus.mail.MailOutbox;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.PublicUrls;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The references of applications: the applicant names their referees and may change one
 * until that referee has answered; each referee is asked through the outbox with a
 * single-use link when the application is submitted, or at once when named after it; the
 * referee answers on that link until the round's documents deadline. Every change is
 * audited on the application.
 */
@Service
@NamedInterface("api")
public class References {

	private final ReferenceRequestRepository requests;

	private final ApplicationFinder applications;

	private final MailOutbox outbox;

	private final PublicUrls urls;

	private final AuditLog auditLog;

	private final Clock clock;

	private final RoundService rounds;

	private final JdbcClient jdbc;

	private final ReferenceRecords records;

	References(ReferenceRequestRepository requests, ApplicationFinder applications, MailOutbox outbox, PublicUrls urls,
			AuditLog auditLog, Clock clock, RoundService rounds, JdbcClient jdbc, ReferenceRecords records) {
		this.records = records;
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.requests = requests;
		this.applications = applications;
		this.outbox = outbox;
		this.urls = urls;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** An application's referees, in the order named: for staff, with the content. */
	@Transactional(readOnly = true)
	public List<ReferenceRequest> of(UUID applicationId) {
		return this.requests.findByApplicationIdOrderByPosition(applicationId);
	}

	/**
	 * How many references an application needs: the most that any programme it ranks
	 * needs, as its round says (a draft's ranking as it is now).
	 */
	@Transactional(readOnly = true)
	public int required(Application application) {
		ApplicationRound round = application.getRound();
		if (round.sameReferencesForAll()) {
			return round.getReferencesRequired();
		}
		return round.referencesFor(this.applications.rankedProgrammes(application.getId()));
	}

	/**
	 * The referees page of an application its applicant owns, where it needs references.
	 */
	@Transactional(readOnly = true)
	public RefereesPage page(UUID applicationId, long applicantId) {
		Application application = this.applications.owned(applicationId, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		return new RefereesPage(application, requiredOrNotFound(application), of(applicationId), open(application),
				this.clock.instant());
	}

	/** How many references an application needs; not found where it needs none. */
	private int requiredOrNotFound(Application application) {
		int required = required(application);
		if (required == 0) {
			throw NotFoundException.forMissing("application");
		}
		return required;
	}

	/**
	 * Saves the referees typed: a new one is asked at once if the application is already
	 * submitted; a changed one is asked again with a new link, the old one no longer
	 * working; one who has answered stays as they are.
	 * @return false, with the reasons in {@code errors}, when nothing was saved
	 */
	@Transactional
	public boolean save(UUID applicationId, long applicantId, RefereesForm form, Errors errors) {
		Application application = this.applications.lockOwned(applicationId, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		int required = requiredOrNotFound(application);
		if (!open(application)) {
			errors.reject("reference.referees.closed");
			return false;
		}
		List<ReferenceRequest> kept = of(applicationId);
		List<@Nullable Referee> typed = form.check(errors, required, (position) -> kept.stream()
			.anyMatch((request) -> request.getPosition() == position && request.getState().isAnswered()));
		if (errors.hasErrors()) {
			return false;
		}
		// Asked now once submitted, or before if the round says so.
		boolean submitted = application.getStatus().isSubmitted() || application.getRound().isReferencesAtOnce();
		for (int position = 1; position <= typed.size(); position++) {
			Referee referee = typed.get(position - 1);
			int at = position;
			ReferenceRequest request = kept.stream().filter((r) -> r.getPosition() == at).findFirst().orElse(null);
			if (request != null && request.getState().isAnswered()) {
				continue;
			}
			if (referee == null) {
				if (request != null) {
					this.requests.delete(request);
					audit(application, "Removed referee " + request.getRefereeName(), request.getRefereeName(), null);
				}
			}
			else if (request == null) {
				ReferenceRequest named = this.requests.save(new ReferenceRequest(applicationId, position, referee));
				audit(application, "Named referee " + referee.name(), null, referee.name());
				if (submitted) {
					ask(named, application);
				}
			}
			else if (!request.names(referee)) {
				String before = request.getRefereeName();
				request.rename(referee);
				audit(application, "Changed referee " + before, before, referee.name());
				if (submitted) {
					ask(request, application);
				}
			}
		}
		return true;
	}

	/** How long after a request the applicant may have it sent again. */
	static final Duration RESEND_AFTER = Duration.ofDays(1);

	/**
	 * Sends a request again, with a new link, at the applicant's asking: at most once a
	 * day, to a referee asked and not yet answered, while referees may be changed.
	 * @return false when it may not be sent now
	 */
	@Transactional
	public boolean resend(UUID applicationId, long applicantId, int position) {
		Application application = this.applications.lockOwned(applicationId, applicantId)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		int required = required(application);
		ReferenceRequest request = of(applicationId).stream()
			.filter((r) -> r.getPosition() == position && position <= required)
			.findFirst()
			.orElseThrow(() -> NotFoundException.forMissing("referee"));
		Instant now = this.clock.instant();
		if (!open(application) || request.getState() != ReferenceState.REQUESTED
				|| (request.getLastSentAt() != null && now.isBefore(request.getLastSentAt().plus(RESEND_AFTER)))) {
			return false;
		}
		String token = Tokens.generate();
		request.resend(Tokens.hash(token), now);
		send(request, application, token, "reference-request");
		audit(application, "Sent the request to referee " + request.getRefereeName() + " again",
				request.getRefereeName(), request.getRefereeName());
		return true;
	}

	/**
	 * Asks every referee named before the submission, in the submission's transaction:
	 * the requests go out with it or not at all.
	 */
	@EventListener
	void submitted(ApplicationSubmitted submitted) {
		// The round is in the submission's persistence context: no statement for a round
		// that asks for no references.
		ApplicationRound round = this.rounds.find(submitted.roundId()).orElse(null);
		if (round == null || !round.asksForReferences()) {
			return;
		}
		List<ReferenceRequest> named = of(submitted.applicationId()).stream()
			.filter((request) -> request.getState() == ReferenceState.NAMED)
			.toList();
		if (!named.isEmpty()) {
			// Read by a query, which flushes the submission first: a refresh would undo
			// it.
			Application application = this.applications.submitted(submitted.applicationId()).orElseThrow();
			// A referee named for a programme no longer ranked is not asked.
			int required = required(application);
			named.stream()
				.filter((request) -> request.getPosition() <= required)
				.forEach((request) -> ask(request, application));
		}
		// The choices and any reference given before are written; the submission need
		// not be.
		this.records.recount(round, submitted.applicationId());
	}

	/** What a referee's link leads to. */
	@Transactional(readOnly = true)
	public Link link(String token) {
		return this.requests.findByTokenHash(Tokens.hash(token))
			.map(this::link)
			.orElseGet(() -> new Link(LinkState.UNKNOWN, null, null));
	}

	/**
	 * Gives the reference on a link, once: the link is spent with the answer.
	 * @return where the link stands afterwards; {@code GIVEN} when this answer landed
	 */
	@Transactional
	public LinkState give(String token, String comments) {
		return give(token, comments, null);
	}

	/**
	 * Gives a reference on a link, once, with a PDF the referee attached, already checked
	 * ({@link org.prospectus.applications.PdfUploads}).
	 */
	@Transactional
	public LinkState give(String token, String comments, byte @Nullable [] pdf) {
		AtomicReference<ReferenceRequest> given = new AtomicReference<>();
		LinkState state = answer(token, (request, now) -> {
			request.give(comments, now);
			given.set(request);
		}, "Reference given by ");
		if (state == LinkState.GIVEN && pdf != null) {
			ReferenceRequest request = given.get();
			String reference = applicationOf(request).getReference();
			request.attached(reference + "-reference-" + request.getPosition() + ".pdf", pdf.length);
			this.jdbc.sql("insert into reference_document (request_id, content) values (:id, :content)")
				.param("id", request.getId())
				.param("content", pdf)
				.update();
		}
		return state;
	}

	/**
	 * The PDF a referee attached to one of an application's references, for staff whose
	 * caller has checked that they reach the application; the opening is audited.
	 */
	@Transactional
	public Optional<Attachment> document(UUID applicationId, int position) {
		Optional<Attachment> found = of(applicationId).stream()
			.filter((r) -> r.getPosition() == position && r.getDocumentName() != null)
			.findFirst()
			.flatMap((request) -> this.jdbc.sql("select content from reference_document where request_id = :id")
				.param("id", request.getId())
				.query(byte[].class)
				.optional()
				.map((content) -> new Attachment(request.getDocumentName(), content)));
		found.ifPresent((attachment) -> this.auditLog.recordFor(AuditAction.VIEW, Application.AUDIT_TYPE, applicationId,
				"Opened " + attachment.name(), List.of()));
		return found;
	}

	/** A PDF a referee attached, checked, with the name it is sent under. */
	public record Attachment(String name, byte[] content) {
	}

	/** Declines to give a reference on a link, once. */
	@Transactional
	public LinkState decline(String token) {
		return answer(token, ReferenceRequest::decline, "Reference declined by ");
	}

	private LinkState answer(String token, Answer answer, String summary) {
		Optional<ReferenceRequest> found = this.requests.lockByTokenHash(Tokens.hash(token));
		if (found.isEmpty()) {
			return LinkState.UNKNOWN;
		}
		ReferenceRequest request = found.get();
		Link link = link(request);
		if (link.state() != LinkState.OPEN) {
			return link.state();
		}
		Application application = applicationOf(request);
		ReferenceState before = request.getState();
		answer.apply(request, this.clock.instant());
		if (application.getStatus().isSubmitted()) {
			this.requests.flush();
			this.records.recount(application.getRound(), application.getId());
		}
		this.auditLog.recordForAs("referee", AuditAction.UPDATE, Application.AUDIT_TYPE, application.getId(),
				summary + request.getRefereeName() + " for " + application.getReference(),
				List.of(new FieldChange("reference.state", request.getRefereeName() + ": " + before.name(),
						request.getRefereeName() + ": " + request.getState().name())));
		return (request.getState() == ReferenceState.GIVEN) ? LinkState.GIVEN : LinkState.DECLINED;
	}

	/**
	 * The request's application, submitted or not: a round that asks referees at once
	 * asks them while it is a draft.
	 */
	private Application applicationOf(ReferenceRequest request) {
		return this.applications.all(List.of(request.getApplicationId())).get(0);
	}

	/** The applicant's name as the referee is told it: as submitted, or the account's. */
	private static String applicantName(Application application) {
		return (application.getFullName() != null) ? application.getFullName()
				: application.getApplicant().getFullName();
	}

	private Link link(ReferenceRequest request) {
		Application application = applicationOf(request);
		ApplicationRound round = application.getRound();
		Instant now = this.clock.instant();
		LinkState state = (application.getStatus() == ApplicationStatus.WITHDRAWN
				|| request.shownState(now, round.getDocumentsDeadlineAt()) == ReferenceState.EXPIRED)
						? LinkState.EXPIRED : LinkState.OPEN;
		Locale language = application.getApplicant().getLanguage();
		return new Link(state, request,
				new Asked(applicantName(application), round.textIn(language, "name"),
						round.getInstitution().textIn(language, "name"),
						Formats.at(round.getDocumentsDeadlineAt(), round.getZone(), language)));
	}

	/** Sends the request, through the outbox, with a new link. */
	private void ask(ReferenceRequest request, Application application) {
		String token = Tokens.generate();
		request.request(Tokens.hash(token), this.clock.instant());
		send(request, application, token, "reference-request");
	}

	/**
	 * Reminds a referee who has not answered, with a new link, in the caller's
	 * transaction.
	 */
	void remind(ReferenceRequest request, Application application) {
		String token = Tokens.generate();
		request.remind(Tokens.hash(token), this.clock.instant());
		send(request, application, token, "reference-reminder");
	}

	private void send(ReferenceRequest request, Application application, String token, String template) {
		ApplicationRound round = application.getRound();
		Locale language = application.getApplicant().getLanguage();
		this.outbox.enqueue(request.getRefereeEmail(), template,
				Map.of("referee", request.getRefereeName(), "applicant", applicantName(application), "round",
						round.textIn(language, "name"), "institution", round.getInstitution().textIn(language, "name"),
						"until", Formats.at(round.getDocumentsDeadlineAt(), round.getZone(), language), "link",
						this.urls.of(language, "/references/{token}", token), "reminder",
						template.equals("reference-reminder")),
				language);
	}

	private void audit(Application application, String summary, @Nullable String before, @Nullable String after) {
		this.auditLog.recordFor(AuditAction.UPDATE, Application.AUDIT_TYPE, application.getId(),
				summary + " for " + application.getReference(),
				List.of(new FieldChange("reference.referee", before, after)));
	}

	/**
	 * Referees may be named and changed until the documents deadline, on an application
	 * not withdrawn.
	 */
	private boolean open(Application application) {
		return application.getStatus() != ApplicationStatus.WITHDRAWN
				&& !this.clock.instant().isAfter(application.getRound().getDocumentsDeadlineAt());
	}

	@FunctionalInterface
	private interface Answer {

		void apply(ReferenceRequest request, Instant now);

	}

	/**
	 * The applicant's referees page.
	 *
	 * @param application the application
	 * @param required how many references it needs
	 * @param referees the referees named so far, in order
	 * @param open whether they may still be named or changed
	 * @param now the instant the page is made at, for each request's state
	 */
	public record RefereesPage(Application application, int required, List<ReferenceRequest> referees, boolean open,
			Instant now) {

		/** Whether the applicant may have a referee's request sent again now. */
		public boolean canResend(ReferenceRequest request) {
			return this.open && request.getState() == ReferenceState.REQUESTED && (request.getLastSentAt() == null
					|| !this.now.isBefore(request.getLastSentAt().plus(RESEND_AFTER)));
		}

		/** A referee's state as the applicant is told it. */
		public ReferenceState shownState(ReferenceRequest request) {
			return request.shownState(this.now, this.application.getRound().getDocumentsDeadlineAt());
		}

		/** The referee in a position, from 1, if named. */
		public @Nullable ReferenceRequest at(int position) {
			return this.referees.stream().filter((r) -> r.getPosition() == position).findFirst().orElse(null);
		}

		public List<Integer> positions() {
			List<Integer> positions = new ArrayList<>();
			for (int i = 1; i <= this.required; i++) {
				positions.add(i);
			}
			return positions;
		}

	}

	/** Where a referee's link stands. */
	public enum LinkState {

		/** It may be answered. */
		OPEN,
		/** The referee answered just now. */
		GIVEN,
		/** The referee declined just now. */
		DECLINED,
		/** Past the documents deadline, or the application was withdrawn. */
		EXPIRED,
		/** No such link: mistyped, replaced by a newer one, or already used. */
		UNKNOWN

	}

	/**
	 * What a referee's link leads to: the request, and what the referee is told of the
	 * application (who asks, for which round, until when), and nothing else of it.
	 */
	public record Link(LinkState state, @Nullable ReferenceRequest request, @Nullable Asked asked) {

	}

	/**
	 * What a referee is told of the application.
	 *
	 * @param applicant the applicant's name
	 * @param round the round, in the applicant's language
	 * @param institution the institution
	 * @param until the documents deadline, when the link stops working
	 */
	public record Asked(String applicant, String round, String institution, String until) {

	}

}
