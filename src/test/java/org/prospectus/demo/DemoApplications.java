package org.prospectus.demo;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationDocuments;
import org.prospectus.decisions.ApplicationReview;
import org.prospectus.applications.ApplicationService;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.ChoicesForm;
import org.prospectus.decisions.ConditionState;
import org.prospectus.decisions.DecisionNotifier;
import org.prospectus.decisions.OfferDeadlines;
import org.prospectus.decisions.OfferReview;
import org.prospectus.decisions.Offers;
import org.prospectus.decisions.Promotions;
import org.prospectus.applications.CitizenshipForm;
import org.prospectus.applications.ContactForm;
import org.prospectus.applications.DocumentChecklist.Verdict;
import org.prospectus.applications.DocumentKind;
import org.prospectus.applications.EducationForm;
import org.prospectus.applications.FeeStatus;
import org.prospectus.applications.LanguageForm;
import org.prospectus.applications.PersonalForm;
import org.prospectus.applications.StatementForm;
import org.prospectus.applications.SubmitOutcome;
import org.prospectus.applications.UploadFiles;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundService;
import org.prospectus.intake.RoundState;
import org.prospectus.programme.Programme;
import org.prospectus.staging.PublicationState;
import org.prospectus.web.PublicUrls;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applications for the demo, so that an admissions officer has a queue to work: people
 * from many countries apply to the open machine learning rounds through the same services
 * the pages use (steps, uploads checked by content, submit), and the demo officer has
 * already moved some of them along. Loaded once, into an empty table; KTH's decided round
 * has an application in every state after the decision (see {@link #decide()}).
 */
@Component
public class DemoApplications {

	static final String OFFICER = "admissions@demo.prospectus.example";

	private static final String[][] PEOPLE = { { "Astrid", "Lindgren", "SE" }, { "Jonas", "Becker", "DE" },
			{ "Priya", "Raman", "IN" }, { "Wei", "Zhang", "CN" }, { "Chloe", "Martin", "FR" },
			{ "Oliver", "Hughes", "GB" }, { "Amara", "Okafor", "NG" }, { "Lucas", "Silva", "BR" },
			{ "Sara", "Haddad", "LB" }, { "Mateo", "García", "ES" }, { "Yuki", "Tanaka", "JP" },
			{ "Emily", "Carter", "US" }, { "Aino", "Virtanen", "FI" }, { "Omar", "Farouk", "EG" },
			{ "Ana", "Kovač", "HR" }, { "Daniel", "Moreau", "CA" }, { "Leila", "Karimi", "IR" },
			{ "Tomás", "Novák", "CZ" } };

	/** The people of the decided round: the first is the journey applicant. */
	private static final String[][] DECIDED = { { "Ingrid", "Berg", "NO" }, { "Kofi", "Mensah", "GH" },
			{ "Elena", "Popescu", "RO" }, { "Rahul", "Mehta", "IN" }, { "Sofia", "Rossi", "IT" },
			{ "Minh", "Nguyen", "VN" }, { "Hannah", "Schmidt", "AT" }, { "Carlos", "Mendoza", "MX" },
			{ "Noor", "Hassan", "PK" }, { "Julia", "Nowak", "PL" }, { "Lars", "Eriksson", "DK" } };

	/** The demo applicant whose password is printed at every start. */
	static final String JOURNEY_APPLICANT = "applicant@demo.prospectus.example";

	private static final Log logger = LogFactory.getLog(DemoApplications.class);

	private static final String[] ROUNDS = { DemoCatalogue.ML_JOINT_ROUND, DemoCatalogue.KTH_CURRENT_ROUND,
			DemoCatalogue.SOUTHAMPTON_CURRENT_ROUND };

	private final ApplicationService applications;

	private final ApplicationDocuments documents;

	private final ApplicationReview review;

	private final RoundService rounds;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Offers offers;

	private final Promotions promotions;

	private final OfferReview offerReview;

	private final DecisionNotifier notifier;

	private final OfferDeadlines deadlines;

	private final PublicUrls urls;

	public DemoApplications(ApplicationService applications, ApplicationDocuments documents, ApplicationReview review,
			RoundService rounds, JdbcClient jdbc, PasswordEncoder passwords, Clock clock, Offers offers,
			OfferReview offerReview, DecisionNotifier notifier, OfferDeadlines deadlines, PublicUrls urls,
			Promotions promotions) {
		this.promotions = promotions;
		this.offers = offers;
		this.offerReview = offerReview;
		this.notifier = notifier;
		this.deadlines = deadlines;
		this.urls = urls;
		this.applications = applications;
		this.passwords = passwords;
		this.clock = clock;
		this.documents = documents;
		this.review = review;
		this.rounds = rounds;
		this.jdbc = jdbc;
	}

	/**
	 * Applies and reviews, unless the demo database has applications already.
	 * @return how many applications there are
	 */
	public long load() {
		long existing = this.jdbc.sql("select count(*) from application").query(Long.class).single();
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting(OFFICER, EnumSet.of(StaffRole.ADMISSIONS), Map.of())));
		try {
			for (int i = 0; existing == 0 && i < PEOPLE.length; i++) {
				ApplicationRound round = this.rounds.findBySlug(ROUNDS[i % ROUNDS.length]).orElse(null);
				if (round != null && round.stateAt(this.clock.instant()) == RoundState.OPEN) {
					apply(i, round);
				}
			}
			decide();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		printJourneyApplicant();
		return this.jdbc.sql("select count(*) from application").query(Long.class).single();
	}

	private void apply(int i, ApplicationRound round) {
		Submitted submitted = submit(i, PEOPLE[i], round, null);
		if (submitted != null) {
			work(submitted.id(), submitted.applicant(), i, submitted.programmes());
		}
	}

	/**
	 * Applies for one person, through the applicant's services, and submits.
	 * @param email their address, or {@code null} for one made of their name
	 * @return the submitted application, or {@code null} if it could not be submitted
	 */
	private @Nullable Submitted submit(int i, String[] person, ApplicationRound round, @Nullable String email) {
		if (email == null) {
			email = (person[0] + "." + person[1]).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
					+ "@applicant.example";
		}
		long applicant = this.jdbc.sql("""
				insert into applicant (email, full_name, password_hash, email_verified_at)
				values (:email, :name, :hash, now()) returning id""")
			.param("email", email)
			// Nobody knows the password: demo applicants are for the officer's queue.
			.param("hash", this.passwords.encode(UUID.randomUUID().toString()))
			.param("name", person[0] + " " + person[1])
			.query(Long.class)
			.single();
		UUID id = this.applications.start(applicant, round.getSlug(), null).orElseThrow();
		List<Long> programmes = round.getProgrammes()
			.stream()
			.filter((programme) -> programme.getState() == PublicationState.PUBLISHED)
			.map(Programme::getId)
			.sorted()
			.toList();
		fill(id, applicant, person, programmes, round.getChoiceLimit(), i);
		upload(id, applicant, DocumentKind.TRANSCRIPT, "Transcript of records of " + person[0] + " " + person[1]);
		upload(id, applicant, DocumentKind.DEGREE_CERTIFICATE, "Degree certificate");
		upload(id, applicant, DocumentKind.PASSPORT, "Passport");
		Application started = this.applications.find(id, applicant).orElseThrow();
		FeeStatus fee = this.applications.feeStatus(started, this.applications.answers(started));
		upload(id, applicant, (fee == FeeStatus.EXEMPT) ? DocumentKind.FEE_EXEMPTION : DocumentKind.FEE_RECEIPT,
				(fee == FeeStatus.EXEMPT) ? "Certificate of citizenship" : "Receipt for the application fee");
		SubmitOutcome outcome = this.applications.submit(id, applicant, UUID.randomUUID().toString(), true);
		if (outcome.result() != SubmitOutcome.Result.SUBMITTED) {
			return null;
		}
		return new Submitted(id, applicant, programmes);
	}

	/** A submitted demo application, its applicant and the round's programmes. */
	private record Submitted(UUID id, long applicant, List<Long> programmes) {

	}

	private void fill(UUID id, long applicant, String[] person, List<Long> programmes, int limit, int i) {
		PersonalForm personal = new PersonalForm();
		personal.setGivenNames(person[0]);
		personal.setFamilyName(person[1]);
		personal.setDateOfBirth((1994 + i % 8) + "-0" + (1 + i % 9) + "-1" + (i % 9));
		this.applications.saveStep(id, applicant, personal);
		ContactForm contact = new ContactForm();
		contact.setAddressLine1((10 + i) + " University Road");
		contact.setCity("Home town");
		contact.setCountry(person[2]);
		contact.setPhone("+1 555 0100 " + (10 + i));
		this.applications.saveStep(id, applicant, contact);
		CitizenshipForm citizenship = new CitizenshipForm();
		citizenship.setCountry(person[2]);
		this.applications.saveStep(id, applicant, citizenship);
		EducationForm.Entry degree = new EducationForm.Entry();
		degree.setInstitution("National University of "
				+ new Locale.Builder().setRegion(person[2]).build().getDisplayCountry(Locale.ENGLISH));
		degree.setCountry(person[2]);
		degree.setQualification("Bachelor of Science");
		degree.setSubject((i % 3 == 0) ? "Computer Science" : (i % 3 == 1) ? "Mathematics" : "Electrical Engineering");
		degree.setGrade((i % 4 == 0) ? "First class" : "Upper second");
		degree.setFrom("2019-09");
		degree.setUntil("2022-06");
		EducationForm education = new EducationForm();
		education.setEntries(new ArrayList<>(List.of(degree)));
		this.applications.saveStep(id, applicant, education);
		LanguageForm language = new LanguageForm();
		language.setBasis("STUDIES");
		this.applications.saveStep(id, applicant, language);
		List<String> ranked = new ArrayList<>();
		for (int rank = 0; rank < Math.min(limit, programmes.size()); rank++) {
			ranked.add(Long.toString(programmes.get((rank + i) % programmes.size())));
		}
		ChoicesForm choices = new ChoicesForm();
		choices.setRanked(ranked);
		this.applications.saveStep(id, applicant, choices);
		StatementForm statement = new StatementForm();
		statement.setText("My degree project used machine learning on real data, and I want to learn the "
				+ "theory behind the methods I used, to build systems that are reliable and fair.");
		this.applications.saveStep(id, applicant, statement);
	}

	private void upload(UUID id, long applicant, DocumentKind kind, String text) {
		// The PDF's standard font has no accents: Kovač is written Kovac in the scan.
		byte[] content = UploadFiles.pdf(Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
		this.documents.upload(id, applicant, kind, new ByteArrayInputStream(content), content.length);
	}

	/** The officer's work so far: a spread of statuses, verdicts and one request. */
	private void work(UUID id, long applicant, int i, List<Long> programmes) {
		switch (i % 6) {
			case 0 -> {
				// Left waiting in the queue.
			}
			case 1 -> {
				this.review.checkDocument(id, DocumentKind.TRANSCRIPT, Verdict.VERIFIED, null);
				move(id, applicant, ApplicationStatus.ELIGIBILITY_CHECKED, null, null);
			}
			case 2 -> {
				this.review.checkDocument(id, DocumentKind.TRANSCRIPT, Verdict.REJECTED,
						"The scan is missing the page with the grades.");
			}
			case 3 -> {
				move(id, applicant, ApplicationStatus.ELIGIBILITY_CHECKED, null, null);
				move(id, applicant, ApplicationStatus.UNDER_REVIEW, null, null);
				this.review.addNote(id, "Strong statement; compare the grade scale with last year's admits.");
			}
			case 4 -> {
				move(id, applicant, ApplicationStatus.ELIGIBILITY_CHECKED, null, null);
				move(id, applicant, ApplicationStatus.UNDER_REVIEW, null, null);
				move(id, applicant, ApplicationStatus.ADMITTED, programmes.get(0), null);
			}
			default -> move(id, applicant, ApplicationStatus.NOT_ADMITTED, null,
					"The degree does not include enough mathematics for the programme.");
		}
	}

	private void move(UUID id, long applicant, ApplicationStatus target, Long programme, String reason) {
		move(id, applicant, target, programme, reason, List.of());
	}

	private void move(UUID id, long applicant, ApplicationStatus target, Long programme, String reason,
			List<String> conditions) {
		long version = this.applications.find(id, applicant).orElseThrow().getVersion();
		this.review.changeStatus(id, version, target, programme, reason, conditions);
	}

	/**
	 * KTH's decided round, with an application in every state after the decision. It is
	 * applied to through the services while briefly open, then put back to its dates:
	 * results a week ago, replies due within a week. The journey applicant's application
	 * waits for its decision, for the officer to make and the applicant to answer.
	 */
	private void decide() {
		ApplicationRound round = this.rounds.findBySlug(DemoCatalogue.KTH_DECIDED_ROUND).orElse(null);
		if (round == null || this.jdbc.sql("select count(*) from application where round_id = :round")
			.param("round", round.getId())
			.query(Long.class)
			.single() > 0) {
			return;
		}
		Instant now = this.clock.instant();
		RoundDates dates = this.jdbc.sql("""
				select opens_at, deadline_at, documents_deadline_at, notification_at, reply_by_at
				from application_round where id = :round""")
			.param("round", round.getId())
			.query(RoundDates.class)
			.single();
		dates(round.getId(), new RoundDates(now.minusSeconds(86400), now.plusSeconds(86400), now.plusSeconds(2 * 86400),
				now.plusSeconds(3 * 86400), null));
		List<Submitted> submitted = new ArrayList<>();
		for (int i = 0; i < DECIDED.length; i++) {
			submitted.add(submit(i, DECIDED[i], round, (i == 0) ? JOURNEY_APPLICANT : null));
		}
		long ml = submitted.get(0).programmes().get(0);
		List<String> conditions = this.jdbc.sql("select unnest(offer_conditions) from institution where id = :id")
			.param("id", round.getInstitution().getId())
			.query(String.class)
			.list();
		for (int i = 0; i < submitted.size(); i++) {
			Submitted one = submitted.get(i);
			move(one.id(), one.applicant(), ApplicationStatus.ELIGIBILITY_CHECKED, null, null);
			move(one.id(), one.applicant(), ApplicationStatus.UNDER_REVIEW, null, null);
			switch (i) {
				case 0 -> {
					// The journey's: the officer decides it.
				}
				case 7, 10 -> move(one.id(), one.applicant(), ApplicationStatus.RESERVE, ml, null);
				case 8 -> {
					long version = this.applications.find(one.id(), one.applicant()).orElseThrow().getVersion();
					this.review.changeStatus(one.id(), version, ApplicationStatus.NOT_ADMITTED, null,
							"Your transcript shows 12 credits of mathematics.", List.of(),
							"The degree does not include enough mathematics");
				}
				case 6 -> move(one.id(), one.applicant(), ApplicationStatus.ADMITTED, ml, null);
				default -> move(one.id(), one.applicant(), ApplicationStatus.ADMITTED, ml, null,
						conditions.subList(0, Math.min(2, conditions.size())));
			}
		}
		dates(round.getId(), dates);
		// As if submitted before the deadline and decided before the results.
		this.jdbc
			.sql("""
					update application set submitted_at = cast(:deadline as timestamptz) - interval '3 days',
					       status_changed_at = case when decided_at is null then cast(:deadline as timestamptz) - interval '1 day'
					                                else cast(:notification as timestamptz) - interval '2 days' end,
					       decided_at = case when decided_at is not null then cast(:notification as timestamptz) - interval '2 days' end
					where round_id = :round""")
			.param("deadline", Timestamp.from(dates.deadlineAt()))
			.param("notification", Timestamp.from(dates.notificationAt()))
			.param("round", round.getId())
			.update();
		this.jdbc.sql("update offer set made_at = :at where round_id = :round")
			.param("at", Timestamp.from(dates.notificationAt().minusSeconds(2 * 86400)))
			.param("round", round.getId())
			.update();
		while (this.notifier.notifyDue() > 0) {
			// Every decision told.
		}
		// As many places as offers made, filled after an officer confirms: the decline
		// below frees one, which an officer offers to the first on the reserve list; the
		// lapse and the withdrawal free two more, waiting for an officer.
		this.jdbc.sql("""
				insert into programme_places (round_id, programme_id, places)
				select :round, :programme, count(*) from offer where round_id = :round and programme_id = :programme""")
			.param("round", round.getId())
			.param("programme", ml)
			.update();
		reply(submitted.get(2), "accept", 1, null);
		reply(submitted.get(3), "accept", 2, null);
		reply(submitted.get(4), "decline", 0, null);
		this.promotions.confirmNext(round.getId(), ml);
		// The fifth's own reply window closed an hour ago: declined by default.
		this.jdbc.sql("update offer set reply_by_at = :at where application_id = :id")
			.param("at", Timestamp.from(now.minusSeconds(3600)))
			.param("id", submitted.get(5).id())
			.update();
		while (this.deadlines.declineDue() > 0) {
			// Every unanswered offer past its window.
		}
		reply(submitted.get(1), null, 0, "An English test result below the required level.");
	}

	/**
	 * An applicant's reply, then conditions recorded met; or, with a reason, the first
	 * condition recorded not met and the offer withdrawn.
	 */
	private void reply(Submitted one, @Nullable String reply, int met, @Nullable String withdrawal) {
		Offers.Offer offer = this.offers.of(one.id()).get(0);
		if ("accept".equals(reply)) {
			this.offers.accept(one.id(), one.applicant(), offer.id());
		}
		else if ("decline".equals(reply)) {
			this.offers.decline(one.id(), one.applicant(), offer.id());
		}
		for (int c = 0; c < Math.min(met, offer.conditions().size()); c++) {
			long version = this.offers.of(one.id()).get(0).version();
			this.offerReview.checkCondition(one.id(), offer.id(), version, offer.conditions().get(c).id(),
					ConditionState.MET);
		}
		if (withdrawal != null) {
			this.offerReview.checkCondition(one.id(), offer.id(), offer.version(), offer.conditions().get(0).id(),
					ConditionState.NOT_MET);
			this.offerReview.withdraw(one.id(), offer.id(), this.offers.of(one.id()).get(0).version(), withdrawal);
		}
	}

	private void dates(long round, RoundDates dates) {
		this.jdbc.sql("""
				update application_round set opens_at = :opens, deadline_at = :deadline,
				       documents_deadline_at = :documents, notification_at = :notification, reply_by_at = :replyBy
				where id = :round""")
			.param("opens", Timestamp.from(dates.opensAt()))
			.param("deadline", Timestamp.from(dates.deadlineAt()))
			.param("documents", Timestamp.from(dates.documentsDeadlineAt()))
			.param("notification", Timestamp.from(dates.notificationAt()))
			.param("replyBy", (dates.replyByAt() != null) ? Timestamp.from(dates.replyByAt()) : null)
			.param("round", round)
			.update();
	}

	/** The milestones the decided round is moved by while it is applied to. */
	private record RoundDates(Instant opensAt, Instant deadlineAt, Instant documentsDeadlineAt, Instant notificationAt,
			@Nullable Instant replyByAt) {

	}

	/**
	 * Gives the journey applicant a new password, printed once, as the demo staff get:
	 * sign in as them to answer the offer the officer makes.
	 */
	private void printJourneyApplicant() {
		String password = DemoStaff.randomPassword();
		int changed = this.jdbc.sql("update applicant set password_hash = :hash where email = :email")
			.param("hash", this.passwords.encode(password))
			.param("email", JOURNEY_APPLICANT)
			.update();
		if (changed > 0) {
			logger.info(String.join(System.lineSeparator(), "",
					" Demo applicant login, with a new password at every start. Their application in the decided "
							+ "round waits for an offer; sign in at " + this.urls.of("/account/sign-in"),
					String.format("   %-26s %-50s %s", "applicant", JOURNEY_APPLICANT, password), ""));
		}
	}

}
