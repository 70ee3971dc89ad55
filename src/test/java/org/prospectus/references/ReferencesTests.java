package org.prospectus.references;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.applications.ReferenceRecords;
import org.prospectus.applications.UploadFiles;
import org.prospectus.intake.RoundReferencesChanged;
import org.prospectus.intake.RoundService;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * References (issue 30): the applicant names referees, each is asked on submission
 * through the outbox with a single-use link; on it the referee gives or declines, once,
 * until the documents deadline, seeing nothing else of the application; the applicant
 * sees each state, never the content.
 */
@PortalIntegrationTest
class ReferencesTests {

	private static final Pattern LINK = Pattern.compile("/references/([\\w-]{43})");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	@Autowired
	ReferenceReminders reminders;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReferenceRecounts recounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ReferenceRecords records;

	@Autowired
	PlatformTransactionManager transactionManager;

	Applying applying;

	Applying.Catalogue catalogue;

	MockHttpSession applicant;

	String id;

	@BeforeEach
	void setUp() {
		this.catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.jdbc.sql("update application_round set references_required = 2").update();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.applicant = this.applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = this.applying.start(this.applicant);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.applying.fillEverything(this.applicant, this.id, "SE", this.catalogue.ml(), this.catalogue.applied());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
		// The throttle counts by address; other tests in this JVM come from the same one.
		this.jdbc.sql("delete from sign_in_attempt where audience = 'REFEREE'").update();
	}

	@Test
	void refereesAreAskedOnSubmissionAndAnswerOnceThroughTheirLink() {
		String page = "/applications/" + this.id + "/references";
		assertThat(page(this.mvc.get().uri(page).session(this.applicant).exchange()).select("legend").eachText())
			.containsExactly("Referee 1", "Referee 2");
		MvcTestResult refused = saveReferees("Anna Berg", "anna.berg@", "Bo Ek", "bo.ek@uni.example");
		assertThat(refused).hasStatus(422);
		Document form = page(refused);
		assertThat(form.select("[id=\"referees[0].email-error\"]").text()).contains("e-mail address");
		assertThat(form.select("[id=\"referees[1].name\"]").val()).isEqualTo("Bo Ek");
		assertThat(saveReferees("Anna Berg", "anna.berg@uni.example", "Bo Ek", "bo.ek@uni.example"))
			.hasRedirectedUrl(page);
		assertThat(requests()).as("nobody is asked before the application is submitted").isEmpty();

		this.applying.submit(this.applicant, this.id);
		List<String> tokens = requests();
		assertThat(tokens).hasSize(2);
		String link = "/references/" + tokens.get(0);
		Document referee = page(this.mvc.get().uri(link).exchange());
		assertThat(referee.select("h1").text()).isEqualTo("A reference for Ada Lovelace");
		assertThat(referee.text()).as("nothing else of the application")
			.doesNotContain("ada@example.org", reference(), "Machine Learning");

		assertThat(this.mvc.post().uri(link).with(csrf()).param("comments", " ").exchange()).hasStatus(422);
		// A letter may come as a PDF, checked as every upload is: a picture named .pdf is
		// refused beside the field, and what was typed stays.
		MvcTestResult notPdf = this.mvc.post()
			.uri(link)
			.multipart()
			.file(new MockMultipartFile("document", "letter.pdf", "application/pdf", UploadFiles.png()))
			.param("comments", "Ada was the best student I supervised.")
			.with(csrf())
			.exchange();
		assertThat(notPdf).hasStatus(422);
		assertThat(page(notPdf).select("#document-error").text()).contains("not a PDF");
		assertThat(page(notPdf).select("#comments").text()).isEqualTo("Ada was the best student I supervised.");
		assertThat(page(this.mvc.post()
			.uri(link)
			.multipart()
			.file(new MockMultipartFile("document", "letter.pdf", "application/pdf",
					UploadFiles.pdf("Letter of recommendation")))
			.param("comments", "Ada was the best student I supervised.")
			.with(csrf())
			.exchange()).select("h1").text()).isEqualTo("Thank you");
		assertThat(this.mvc.post().uri(link).with(csrf()).param("comments", "Changed my mind.").exchange())
			.as("a link works once")
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/references/" + tokens.get(1)).with(csrf()).param("decline", "yes").exchange())
			.hasStatusOk();

		Document status = page(this.mvc.get().uri("/applications/" + this.id).session(this.applicant).exchange());
		assertThat(status.select("ul.referees li").eachText()).containsExactly("Anna Berg: Given", "Bo Ek: Declined");
		assertThat(status.text()).doesNotContain("best student");
		assertThat(this.jdbc.sql("select comments from reference_request where state = 'GIVEN'")
			.query(String.class)
			.single()).isEqualTo("Ada was the best student I supervised.");
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		// Staff of the institution read the reference on the application.
		assertThat(page(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange())
			.select("#references article")
			.eachText())
			.satisfiesExactly(
					(given) -> assertThat(given).contains("Anna Berg", "Request: Given",
							"Ada was the best student I supervised."),
					(declined) -> assertThat(declined).contains("Bo Ek", "Request: Declined"));
		Document detail = page(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange());
		assertThat(detail.select("#check-references").text()).as("in the checklist")
			.contains("References", "1 of 2 given");
		String letter = detail.select("#references a:contains(letter)").attr("href");
		assertThat(this.mvc.get().uri(letter).session(officer).exchange()).hasStatusOk()
			.hasContentType("application/pdf")
			.hasHeader("Content-Security-Policy",
					"default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox");
		// One of the two references asked for is given: the queue's filter finds it.
		assertThat(page(this.mvc.get().uri("/admin/applications?references").session(officer).exchange()).text())
			.contains(reference());
		// A referee who has answered stays; their row is no longer a form.
		assertThat(page(this.mvc.get().uri(page).session(this.applicant).exchange()).select("input[name^=referees]"))
			.isEmpty();
	}

	@Test
	void aChangedRefereeGetsANewLinkAndTheOldOneStopsWorkingAndLinksExpireAtTheDocumentsDeadline() {
		assertThat(saveReferees("Anna Berg", "anna.berg@uni.example", "", "")).hasStatus(302);
		this.applying.submit(this.applicant, this.id);
		assertThat(this.jdbc.sql("select subject from mail_outbox order by id").query(String.class).list())
			.contains("You have been named as a referee");
		String first = requests().get(0);
		assertThat(saveReferees("Anna Berg", "anna@other.example", "", "")).hasStatus(302);
		List<String> tokens = requests();
		assertThat(tokens).hasSize(2);
		assertThat(this.mvc.get().uri("/references/" + first).exchange()).hasStatus(404);
		String changed = tokens.get(1);
		assertThat(this.mvc.get().uri("/references/" + changed).exchange()).hasStatusOk();

		// The applicant may have it sent again, once a day, with a new link.
		assertThat(resend()).flash().containsEntry("notResent", 1);
		this.clock.setInstant(this.clock.instant().plus(Duration.ofDays(1)));
		assertThat(resend()).flash().containsEntry("resent", 1);
		assertThat(resend()).flash().containsEntry("notResent", 1);
		assertThat(requests()).hasSize(3);
		assertThat(this.mvc.get().uri("/references/" + changed).exchange()).hasStatus(404);
		String second = requests().get(2);
		assertThat(this.mvc.get().uri("/references/" + second).exchange()).hasStatusOk();

		// Another applicant cannot reach these referees.
		MockHttpSession other = this.applying.applicant("eve@example.org", "Eve");
		assertThat(this.mvc.get().uri("/applications/" + this.id + "/references").session(other).exchange())
			.hasStatus(404);

		Instant documentsDeadline = this.jdbc.sql("select documents_deadline_at from application_round")
			.query(Instant.class)
			.single();
		this.clock.setInstant(documentsDeadline.plusSeconds(1));
		assertThat(this.mvc.get().uri("/references/" + second).exchange()).hasStatus(410);
		assertThat(this.mvc.post().uri("/references/" + second).with(csrf()).param("comments", "Late.").exchange())
			.hasStatus(410);
		assertThat(page(this.mvc.get().uri("/applications/" + this.id).session(this.applicant).exchange())
			.select("ul.referees li")
			.eachText()).containsExactly("Anna Berg: Expired: not given by the deadline");
	}

	/**
	 * Two instances run the reminders at once: each referee is reminded once at 7 days
	 * and once at 14, with a new link, and never after the documents deadline.
	 */
	@Test
	void aRefereeIsRemindedOnceAt7AndAt14DaysWhateverTheInstancesAndNeverAfterTheDeadline() throws Exception {
		this.jdbc.sql("update application_round set documents_deadline_at = '2027-01-28T22:59:59Z'").update();
		saveReferees("Anna Berg", "anna.berg@uni.example", "", "");
		this.applying.submit(this.applicant, this.id);
		String first = requests().get(0);
		Instant asked = this.clock.instant();
		this.clock.setInstant(asked.plus(Duration.ofDays(7)).minusSeconds(1));
		assertThat(this.reminders.remindDue()).isZero();

		this.clock.setInstant(asked.plus(Duration.ofDays(7)));
		assertThat(bothInstances()).as("reminded by one instance only").isEqualTo(1);
		assertThat(bothInstances()).isZero();
		List<String> reminders = reminders();
		assertThat(reminders).hasSize(1);
		assertThat(this.jdbc.sql("select text_body || html_body from mail_outbox where subject like 'A reminder%'")
			.query(String.class)
			.single()).contains("You have not answered yet", "Ada Lovelace", "<h1>A reminder: a reference for Ada");
		assertThat(this.mvc.get().uri("/references/" + first).exchange()).as("the first link is replaced")
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/references/" + reminders.get(0)).exchange()).hasStatusOk();
		assertThat(page(this.mvc.get().uri("/applications/" + this.id).session(this.applicant).exchange())
			.select("ul.referees li")
			.eachText()).containsExactly("Anna Berg: Reminded");

		this.clock.setInstant(asked.plus(Duration.ofDays(14)));
		assertThat(bothInstances()).isEqualTo(1);
		this.clock.setInstant(asked.plus(Duration.ofDays(19)));
		assertThat(bothInstances()).as("two reminders at most, and none after the documents deadline").isZero();
		assertThat(reminders()).hasSize(2);
	}

	/** The scheduled run reminds too: each batch in its own transaction. */
	@Test
	void theScheduledRunReminds() {
		saveReferees("Anna Berg", "anna.berg@uni.example", "", "");
		this.applying.submit(this.applicant, this.id);
		this.clock.setInstant(this.clock.instant().plus(Duration.ofDays(7)));
		this.reminders.remindAll();
		assertThat(reminders()).hasSize(1);
	}

	/** Runs the reminders in two threads at once, as two instances would. */
	int bothInstances() throws Exception {
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> run = () -> {
				start.await();
				return this.reminders.remindDue();
			};
			Future<Integer> one = instances.submit(run);
			Future<Integer> two = instances.submit(run);
			start.countDown();
			return one.get(30, TimeUnit.SECONDS) + two.get(30, TimeUnit.SECONDS);
		}
		finally {
			instances.shutdownNow();
		}
	}

	List<String> reminders() {
		return tokens("A reminder: a reference is waiting for you");
	}

	@Test
	void linksThatLeadNowhereAreRefusedForAWhileFromOneAddress() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.mvc.get().uri("/references/" + "x".repeat(42) + (char) ('a' + i)).exchange())
				.hasStatus(404);
		}
		assertThat(this.mvc.get().uri("/references/" + "y".repeat(43)).exchange()).hasStatus(429);
	}

	MvcTestResult resend() {
		return this.mvc.post()
			.uri("/applications/{id}/references/1/resend", this.id)
			.session(this.applicant)
			.with(csrf())
			.exchange();
	}

	/**
	 * A round that asks at once: the referee is e-mailed while the application is still a
	 * draft, sees the applicant's account name, and is not asked again on submission.
	 */
	@Test
	void aRoundThatAsksAtOnceAsksBeforeSubmission() {
		this.jdbc.sql("update application_round set references_at_once = true").update();
		assertThat(saveReferees("Anna Berg", "anna.berg@uni.example", "", ""))
			.hasRedirectedUrl("/applications/" + this.id + "/references");
		List<String> tokens = requests();
		assertThat(tokens).hasSize(1);
		assertThat(page(this.mvc.get().uri("/references/" + tokens.get(0)).exchange()).select("h1").text())
			.isEqualTo("A reference for Ada Lovelace");
		this.applying.submit(this.applicant, this.id);
		assertThat(requests()).as("not asked twice").hasSize(1);
	}

	/**
	 * A programme may need its own number of references: the application needs the most
	 * that any programme it ranks needs, as it ranks them now; each other programme needs
	 * the round's.
	 */
	@Test
	void anApplicationNeedsTheMostReferencesThatAnyProgrammeItRanksNeeds() {
		String page = "/applications/" + this.id + "/references";
		// The round asks for none; the first choice for one, the second for two.
		references(0, this.catalogue.ml(), 1, this.catalogue.applied(), 2);
		assertThat(page(this.mvc.get().uri(page).session(this.applicant).exchange()).select("legend").eachText())
			.containsExactly("Referee 1", "Referee 2");
		assertThat(saveReferees("Anna Berg", "anna.berg@uni.example", "Bo Ek", "bo.ek@uni.example"))
			.hasRedirectedUrl(page);
		// The second choice now needs the round's number: none.
		references(0, this.catalogue.ml(), 1);
		Document one = page(this.mvc.get().uri(page).session(this.applicant).exchange());
		assertThat(one.select("legend").eachText()).containsExactly("Referee 1");
		assertThat(one.text()).contains("Your application needs one reference.");
		this.applying.submit(this.applicant, this.id);
		assertThat(requests()).as("the referee named beyond what is needed is not asked").hasSize(1);
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		assertThat(page(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange())
			.select("#check-references")
			.text()).contains("0 of 1 given");
		assertThat(page(this.mvc.get().uri("/admin/applications?references").session(officer).exchange()).text())
			.contains(reference());
		// Given: no longer missing.
		assertThat(this.mvc.post()
			.uri("/references/" + requests().get(0))
			.with(csrf())
			.param("comments", "Ada is ready for this programme.")
			.exchange()).hasStatusOk();
		assertThat(page(this.mvc.get().uri("/admin/applications?references").session(officer).exchange()).text())
			.doesNotContain(reference());

		// The first choice now needs two: the round's change works every application out
		// again.
		references(0, this.catalogue.ml(), 2);
		assertThat(page(this.mvc.get().uri("/admin/applications?references").session(officer).exchange()).text())
			.contains(reference());
		assertThat(page(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange())
			.select("#check-references")
			.text()).contains("1 of 2 given");

		// No programme ranked needs a reference any more: none is missing.
		references(2, this.catalogue.ml(), 0, this.catalogue.applied(), 0);
		assertThat(this.mvc.get().uri(page).session(this.applicant).exchange()).hasStatus(404);
		assertThat(page(this.mvc.get().uri("/admin/applications?references").session(officer).exchange()).text())
			.doesNotContain(reference());
		Document detail = page(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange());
		assertThat(detail.select("#check-references")).isEmpty();
		assertThat(detail.select("#references article").text()).as("the referees named still show")
			.contains("Anna Berg", "Bo Ek");
	}

	/**
	 * A round's changed numbers are worked through its applications a batch at a time,
	 * each batch carrying on from where the one before stopped, in queue order.
	 */
	@Test
	void aChangedRoundIsWorkedThroughABatchAtATime() {
		this.applying.submit(this.applicant, this.id);
		MockHttpSession other = this.applying.applicant("bo@example.org", "Bo Ek");
		String second = this.applying.start(other);
		this.applying.fillEverything(other, second, "SE", this.catalogue.ml(), this.catalogue.applied());
		this.clock.setInstant(this.clock.instant().plusSeconds(60));
		this.applying.submit(other, second);
		assertThat(missing()).as("two asked for, none given").containsExactly(this.id, second);

		this.jdbc.sql("update application_round set references_required = 0").update();
		this.transactions.executeWithoutResult((status) -> this.jdbc.sql("select id from application_round")
			.query(Long.class)
			.list()
			.forEach((roundId) -> this.events.publishEvent(new RoundReferencesChanged(roundId))));
		ReferenceRecounts oneAtATime = new ReferenceRecounts(this.jdbc, this.rounds, this.records,
				this.transactionManager, this.clock, 1);
		assertThat(oneAtATime.recountBatch()).isTrue();
		assertThat(missing()).as("the first submitted, first").containsExactly(second);
		assertThat(oneAtATime.recountBatch()).isTrue();
		assertThat(missing()).isEmpty();
		assertThat(oneAtATime.recountBatch()).as("none left: the round is forgotten").isTrue();
		assertThat(oneAtATime.recountBatch()).isFalse();
	}

	/** The applications whose references are missing, in queue order. */
	List<String> missing() {
		return this.jdbc.sql("select id::text from application where references_missing order by submitted_at, id")
			.query(String.class)
			.list();
	}

	/**
	 * Sets the round's number of references and programmes' own, as id and number pairs,
	 * as publishing an editor's change does (AdminRoundEditingTests sees the event).
	 */
	void references(int round, long... programmeNumbers) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < programmeNumbers.length; i += 2) {
			json.append((i > 0) ? ", " : "")
				.append('"')
				.append(programmeNumbers[i])
				.append("\": ")
				.append(programmeNumbers[i + 1]);
		}
		this.jdbc.sql("update application_round set references_required = ?, programme_references = cast(? as jsonb)")
			.param(round)
			.param(json.append('}').toString())
			.update();
		this.transactions.executeWithoutResult((status) -> this.jdbc.sql("select id from application_round")
			.query(Long.class)
			.list()
			.forEach((roundId) -> this.events.publishEvent(new RoundReferencesChanged(roundId))));
		this.recounts.recountAll();
		assertThat(this.jdbc.sql("select count(*) from reference_recount").query(Long.class).single())
			.as("every round worked through")
			.isZero();
	}

	MvcTestResult saveReferees(String firstName, String firstEmail, String secondName, String secondEmail) {
		var request = this.mvc.post()
			.uri("/applications/{id}/references", this.id)
			.session(this.applicant)
			.with(csrf())
			.param("referees[0].name", firstName)
			.param("referees[0].email", firstEmail)
			.param("referees[0].relationship", firstName.isEmpty() ? "" : "ACADEMIC")
			.param("referees[0].knownFor", firstName.isEmpty() ? "" : "Two years")
			.param("referees[1].name", secondName)
			.param("referees[1].email", secondEmail)
			.param("referees[1].relationship", secondName.isEmpty() ? "" : "PROFESSIONAL")
			.param("referees[1].knownFor", secondName.isEmpty() ? "" : "Four years");
		return request.exchange();
	}

	/** The tokens of the reference requests in the outbox, in the order sent. */
	List<String> requests() {
		return tokens("You have been named as a referee");
	}

	List<String> tokens(String subject) {
		List<String> tokens = new ArrayList<>();
		for (String body : this.jdbc.sql("select text_body from mail_outbox where subject = ? order by id")
			.param(subject)
			.query(String.class)
			.list()) {
			Matcher matcher = LINK.matcher(body);
			assertThat(matcher.find()).as(body).isTrue();
			tokens.add(matcher.group(1));
		}
		return tokens;
	}

	String reference() {
		return this.jdbc.sql("select reference from application").query(String.class).single();
	}

}
