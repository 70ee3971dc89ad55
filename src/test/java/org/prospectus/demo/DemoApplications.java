package org.prospectus.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationDocuments;
import org.prospectus.applications.ApplicationReview;
import org.prospectus.applications.ApplicationService;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.ChoicesForm;
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
import org.prospectus.programme.Programme;
import org.prospectus.staging.PublicationState;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applications for the demo, so that an admissions officer has a queue to work: people
 * from many countries apply to the open machine learning rounds through the same services
 * the pages use (steps, uploads checked by content, submit), and the demo officer has
 * already moved some of them along. Loaded once, into an empty table.
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

	private static final String[] ROUNDS = { DemoCatalogue.ML_JOINT_ROUND, DemoCatalogue.KTH_CURRENT_ROUND,
			DemoCatalogue.SOUTHAMPTON_CURRENT_ROUND };

	private final ApplicationService applications;

	private final ApplicationDocuments documents;

	private final ApplicationReview review;

	private final RoundService rounds;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final java.time.Clock clock;

	public DemoApplications(ApplicationService applications, ApplicationDocuments documents, ApplicationReview review,
			RoundService rounds, JdbcClient jdbc, PasswordEncoder passwords, java.time.Clock clock) {
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
		if (existing > 0) {
			return existing;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal.authentication(
					StaffPrincipal.acting(OFFICER, java.util.EnumSet.of(StaffRole.ADMISSIONS), java.util.Map.of())));
		try {
			for (int i = 0; i < PEOPLE.length; i++) {
				ApplicationRound round = this.rounds.findBySlug(ROUNDS[i % ROUNDS.length]).orElse(null);
				if (round != null && round.stateAt(this.clock.instant()) == org.prospectus.intake.RoundState.OPEN) {
					apply(i, round);
				}
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		return this.jdbc.sql("select count(*) from application").query(Long.class).single();
	}

	private void apply(int i, ApplicationRound round) {
		String[] person = PEOPLE[i];
		String email = (person[0] + "." + person[1]).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "")
				+ "@applicant.example";
		long applicant = this.jdbc.sql("""
				insert into applicant (email, full_name, password_hash, email_verified_at)
				values (:email, :name, :hash, now()) returning id""")
			.param("email", email)
			// Nobody knows the password: demo applicants are for the officer's queue.
			.param("hash", this.passwords.encode(UUID.randomUUID().toString()))
			.param("name", person[0] + " " + person[1])
			.query(Long.class)
			.single();
		UUID id = this.applications.start(applicant, round.getSlug()).orElseThrow();
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
			return;
		}
		work(id, applicant, i, programmes);
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
		degree.setInstitution("National University of " + new java.util.Locale.Builder().setRegion(person[2])
			.build()
			.getDisplayCountry(java.util.Locale.ENGLISH));
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
		byte[] content = UploadFiles
			.pdf(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
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
		long version = this.applications.find(id, applicant).orElseThrow().getVersion();
		this.review.changeStatus(id, version, target, programme, reason, java.util.List.of());
	}

}
