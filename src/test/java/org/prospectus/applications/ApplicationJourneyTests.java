package org.prospectus.applications;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.applicant.ExpiredSessionRescue;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An applicant applies through the pages: each step saved as typed, problems beside their
 * fields, the answers checked, submitted once whatever the presses, refused after the
 * deadline to the second, followed and withdrawn; and nobody else can reach it.
 */
@PortalIntegrationTest
class ApplicationJourneyTests {

	static final Instant DEADLINE = Applying.DEADLINE;

	/**
	 * Statements a step's save or the review page may run; the review page also reads
	 * whether staff extended this applicant's deadline.
	 */
	static final int STEP_BUDGET = 9;

	/**
	 * Statements the submit may run, with its e-mail and the ranked choices, and the
	 * round with its institution for the fee check (the choices themselves are read as
	 * plain values, without the round's entities), and one indexed read for the review
	 * plan of the first choice (issue 30), which says the application waits for reads.
	 */
	static final int SUBMIT_BUDGET = 17;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	ApplicationService applications;

	@Autowired
	StatementCounter statements;

	long ml;

	long applied;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.applied = catalogue.applied();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Applying applying() {
		return new Applying(this.mvc, this.jdbc);
	}

	MockHttpSession applicant(String email, String name) {
		return applying().applicant(email, name);
	}

	String start(MockHttpSession session) {
		return applying().start(session);
	}

	MvcTestResult step(MockHttpSession session, String id, String step, Map<String, String> values) {
		return applying().step(session, id, step, values);
	}

	static Map<String, String> values(String... pairs) {
		return Applying.values(pairs);
	}

	/** Every step, the three required documents included. */
	void fillEverything(MockHttpSession session, String id, String citizenship) {
		applying().fillEverything(session, id, citizenship, this.applied, this.ml);
	}

	MvcTestResult submit(MockHttpSession session, String id) {
		return applying().submit(session, id);
	}

	/**
	 * Apply from a programme's page starts an application with that programme as the
	 * first choice and the name given at registration filled in; an application started
	 * before keeps its own answers.
	 */
	@Test
	void applyingFromAProgrammePageChoosesThatProgrammeAndFillsInTheRegisteredName() {
		MockHttpSession session = applicant("grace@example.org", "Grace Brewster Hopper");
		String apply = page(this.mvc.get().uri("/programmes/applied-ml").exchange()).select("a:contains(Apply now)")
			.attr("href");
		assertThat(apply).isEqualTo("/applications/new?round=autumn-2027&programme=applied-ml");
		Document start = page(this.mvc.get().uri(apply).session(session).exchange());
		assertThat(start.select("main").text()).contains("Applied Machine Learning will be your first choice");
		var post = this.mvc.post().uri("/applications").session(session).with(csrf());
		start.select("form[action=/applications] input[type=hidden]")
			.forEach((input) -> post.param(input.attr("name"), input.attr("value")));
		String id = post.exchange().getResponse().getRedirectedUrl().split("/")[2];
		Document personal = page(
				this.mvc.get().uri("/applications/{id}/steps/personal", id).session(session).exchange());
		assertThat(personal.select("#givenNames").val()).isEqualTo("Grace Brewster");
		assertThat(personal.select("#familyName").val()).isEqualTo("Hopper");
		Document choices = page(this.mvc.get().uri("/applications/{id}/steps/choices", id).session(session).exchange());
		assertThat(choices.select("select[name=ranked[0]] option[selected]").text())
			.isEqualTo("Applied Machine Learning");
		assertThat(choices.select("select[name=ranked[1]] option[selected]").text()).isNotEqualTo("Machine Learning");
		// Apply on the other programme's page finds the same application, unchanged.
		String again = applying().start(session, "autumn-2027");
		assertThat(again).isEqualTo(id);
		assertThat(page(this.mvc.get().uri("/applications/{id}/steps/choices", id).session(session).exchange())
			.select("select[name=ranked[0]] option[selected]")
			.text()).isEqualTo("Applied Machine Learning");
	}

	/**
	 * The statement has one limit, the 1,000 words its hint names, however long the
	 * words; the page counts the words left without JavaScript, after "Save and count the
	 * words".
	 */
	@Test
	void theStatementIsHeldToTheThousandWordsItsHintNamesAndCountedWithoutJavaScript() {
		MockHttpSession session = applicant("words@example.org", "Wanda Words");
		String id = start(session);
		String thousand = "interdisciplinary ".repeat(1000).strip();
		assertThat(thousand.length()).as("more than 8,000 characters").isGreaterThan(8000);
		MvcTestResult counted = this.mvc.post()
			.uri("/applications/{id}/steps/statement", id)
			.param("text", "Three short words")
			.param("count", "1")
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(counted).hasRedirectedUrl("/applications/" + id + "/steps/statement");
		Document page = page(this.mvc.get().uri("/applications/{id}/steps/statement", id).session(session).exchange());
		assertThat(page.select("#text-hint").text()).contains("At most 1,000 words");
		assertThat(page.select("#text-count").text()).isEqualTo("You have 997 words left.");
		assertThat(page.select("#text").attr("aria-describedby")).contains("text-count");
		assertThat(step(session, id, "statement", values("text", thousand))).hasStatus3xxRedirection();
		MvcTestResult over = step(session, id, "statement", values("text", thousand + " more"));
		Document refused = page(over);
		assertThat(refused.select("#text-error").text()).isEqualTo("Use at most 1,000 words; this has 1,001.");
		assertThat(refused.select("#text-count").text()).isEqualTo("You have 1 word too many.");
		assertThat(refused.select("#text").text()).endsWith("interdisciplinary more");
	}

	@Test
	void anApplicantFillsEveryStepChecksTheAnswersAndSubmits() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "SE");
		Document review = page(this.mvc.get().uri("/applications/{id}/review", id).session(ada).exchange());
		assertThat(review.text()).contains("Lovelace", "Uppsala University", "Choice 1 Applied Machine Learning",
				"Choice 2 Machine Learning", "You pay no application fee");
		assertThat(this.jdbc.sql("select jsonb_array_length(answers -> 'education' -> 'entries') from application")
			.query(Integer.class)
			.single()).as("the empty form offered for another entry is not saved").isOne();

		assertThat(submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		Document status = page(this.mvc.get().uri("/applications/{id}", id).session(ada).exchange());
		assertThat(status.select(".facts").text()).contains("Submitted");
		assertThat(this.jdbc.sql("select status, fee_status, citizenship_country, full_name from application")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
			.single()).isEqualTo("SUBMITTED EXEMPT SE Ada Lovelace");
		assertThat(this.jdbc.sql("select programme_id from application_choice order by rank").query(Long.class).list())
			.containsExactly(this.applied, this.ml);
		assertThat(this.jdbc.sql("select snapshot ->> 'statement' from application").query(String.class).single())
			.contains("learning systems");
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where subject like 'Your application is submitted%'")
			.query(Long.class)
			.single()).isOne();
		// Submitted answers no longer change.
		assertThat(step(ada, id, "statement", values("text", "Changed afterwards")))
			.hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select snapshot ->> 'statement' from application").query(String.class).single())
			.doesNotContain("Changed afterwards");
		assertThat(page(this.mvc.get().uri("/account").session(ada).exchange()).text())
			.contains("Round autumn-2027 at University kth: Submitted");
	}

	/**
	 * SQL statements per request, counted at the DataSource: each wizard step's save and
	 * the submit stay within a budget, whatever the answers. The figures are printed for
	 * the closing notes.
	 */
	@Test
	void eachStepAndTheSubmitRunABoundedNumberOfStatements() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		Map<String, Map<String, String>> steps = new LinkedHashMap<>();
		steps.put("personal", values("givenNames", "Ada", "familyName", "Lovelace", "dateOfBirth", "2000-12-10"));
		steps.put("contact", values("addressLine1", "Drottninggatan 1", "city", "Stockholm", "country", "SE", "phone",
				"+46 8 123 456"));
		steps.put("citizenship", values("country", "SE"));
		steps.put("education",
				values("entries[0].institution", "Uppsala University", "entries[0].country", "SE",
						"entries[0].qualification", "BSc", "entries[0].subject", "Mathematics", "entries[0].grade", "A",
						"entries[0].from", "2019-09", "entries[0].until", "2022-06"));
		steps.put("language", values("basis", "STUDIES"));
		steps.put("choices", values("ranked[0]", Long.toString(this.ml), "ranked[1]", Long.toString(this.applied)));
		steps.put("statement", values("text", "Why I apply."));
		Map<String, Integer> counts = new LinkedHashMap<>();
		steps.forEach((step, values) -> {
			this.statements.reset();
			assertThat(step(ada, id, step, values)).hasStatus3xxRedirection();
			counts.put("POST step " + step, this.statements.count());
		});
		applying().uploadRequired(ada, id);
		this.statements.reset();
		assertThat(this.mvc.get().uri("/applications/{id}/review", id).session(ada)).hasStatusOk();
		counts.put("GET review", this.statements.count());
		Document review = page(this.mvc.get().uri("/applications/{id}/review", id).session(ada).exchange());
		this.statements.reset();
		assertThat(this.mvc.post()
			.uri("/applications/{id}/submit", id)
			.param("submitKey", review.select("input[name=submitKey]").val())
			.param("declaration", "yes")
			.session(ada)
			.with(csrf())).hasStatus3xxRedirection();
		counts.put("POST submit", this.statements.count());
		System.out.println("SQL statements per request: " + counts);
		counts.forEach((request, count) -> assertThat(count).as(request)
			.isLessThanOrEqualTo(request.equals("POST submit") ? SUBMIT_BUDGET : STEP_BUDGET));
	}

	@Test
	void nothingIsSubmittedWithoutTheDeclarationWhoseWordingIsRecorded() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "SE");
		Document review = page(this.mvc.get().uri("/applications/{id}/review", id).session(ada).exchange());
		assertThat(review.select("label[for=declaration]").text()).startsWith("I declare that my answers");
		assertThat(review.select("a[href=/privacy/kth]")).hasSize(1);
		MvcTestResult refused = this.mvc.post()
			.uri("/applications/{id}/submit", id)
			.param("submitKey", review.select("input[name=submitKey]").val())
			.session(ada)
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select("#declaration-error").text()).startsWith("Confirm the declaration");
		assertThat(page(refused).select("#declaration").attr("aria-describedby")).isEqualTo("declaration-error");
		assertThat(this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("DRAFT");
		assertThat(applying().submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		Map<String, Object> declared = this.jdbc
			.sql("select declaration_version, declared_at from application where id = cast(:id as uuid)")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(declared.get("declaration_version")).isEqualTo(ApplicationService.DECLARATION_VERSION);
		assertThat(((Timestamp) declared.get("declared_at")).toInstant()).isEqualTo(this.clock.instant());
	}

	@Test
	void aStepWithProblemsIsSavedAsTypedAndShowsEachProblemBesideItsField() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		MvcTestResult result = step(ada, id, "personal",
				values("givenNames", "Ada", "familyName", "", "dateOfBirth", "10/12/2000"));
		assertThat(result).hasStatusOk();
		Document form = page(result);
		assertThat(form.select("#familyName-error").text()).isEqualTo("Enter your family name.");
		assertThat(form.select("#dateOfBirth-error").text())
			.isEqualTo("Enter your date of birth as year-month-day, such as 2001-04-23.");
		// The summary names each field, and the date's example is its hint's.
		assertThat(form.select(".alert-danger li a").eachText()).containsExactly("Enter your family name.",
				"Enter your date of birth as year-month-day, such as 2001-04-23.");
		assertThat(form.select("#dateOfBirth-hint").text()).contains("such as 2001-04-23");
		assertThat(form.select("#dateOfBirth").val()).isEqualTo("10/12/2000");
		assertThat(this.jdbc.sql("select answers -> 'personal' ->> 'dateOfBirth' from application")
			.query(String.class)
			.single()).isEqualTo("10/12/2000");
		Document again = page(this.mvc.get().uri("/applications/{id}/steps/personal", id).session(ada).exchange());
		assertThat(again.select("#givenNames").val()).isEqualTo("Ada");
		// A country saved with a problem beside it comes back chosen, the only one
		// chosen.
		Document contact = page(step(ada, id, "contact", values("country", "CI", "city", "")));
		assertThat(contact.select("#country option[selected]").eachAttr("value")).containsExactly("CI");
		assertThat(contact.select("#country option[value=CI]").text()).isEqualTo("Côte d’Ivoire");
		assertThat(contact.select("#country option")).hasSizeGreaterThan(240);
		MvcTestResult refused = submit(ada, id);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).text()).contains("some steps are not complete");
	}

	@Test
	void theAccountPageDatesTheAddressInTheZoneOfTheApplicationsInstitution() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		start(ada);
		Document account = page(this.mvc.get().uri("/account").session(ada).exchange());
		assertThat(account.select("dl.facts dd").get(1).text()).isEqualTo("10 January 2027, 13:00 CET");
	}

	@Test
	void anEducationThatEndsBeforeItStartsIsRefusedBesideItsEnd() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		MvcTestResult result = step(ada, id, "education",
				values("entries[0].institution", "Uppsala University", "entries[0].country", "SE",
						"entries[0].qualification", "Bachelor of Science", "entries[0].subject", "Mathematics",
						"entries[0].grade", "A", "entries[0].from", "2022-06", "entries[0].until", "2019-09"));
		assertThat(result).hasStatusOk();
		Document form = page(result);
		assertThat(form.getElementById("entries[0].until-error").text())
			.isEqualTo("Enter an end no earlier than the start, 2022-06.");
		assertThat(form.getElementById("entries[0].from-error")).isNull();
		assertThat(form.getElementById("entries[0].until").val()).isEqualTo("2019-09");
		assertThat(step(ada, id, "education",
				values("entries[0].institution", "Uppsala University", "entries[0].country", "SE",
						"entries[0].qualification", "Bachelor of Science", "entries[0].subject", "Mathematics",
						"entries[0].grade", "A", "entries[0].from", "2022-06", "entries[0].until", "2022-06")))
			.as("a course within one month")
			.hasRedirectedUrl("/applications/" + id + "/steps/language");
	}

	/** A request that carries the cookie of a session that has ended. */
	static RequestPostProcessor endedSession() {
		// The session cookie (Base64, as Spring Session writes it) of a session the
		// shared
		// store no longer has.
		return (request) -> {
			request.setCookies(new Cookie("SESSION",
					Base64.getEncoder().encodeToString("ended-long-ago".getBytes(StandardCharsets.UTF_8))));
			return request;
		};
	}

	@Test
	void aPostWithoutASessionCookieIsNeverKeptNorGivenASession() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		MvcTestResult anonymous = this.mvc.post()
			.uri("/applications/{id}/steps/statement", id)
			.param("text", "Parked here by a stranger.")
			.param("_csrf", "none")
			.exchange();
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(403);
		assertThat(anonymous.getRequest().getSession(false)).isNull();
	}

	@Test
	void aRescueKeepsNoMoreThanAStepCanHold() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		MvcTestResult huge = this.mvc.post()
			.uri("/applications/{id}/steps/statement", id)
			.param("text", "x".repeat(1024 * 1024))
			.param("_csrf", "from-the-old-session")
			.with(endedSession())
			.exchange();
		assertThat(huge.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from spring_session_attributes where attribute_name = :name")
			.param("name", ExpiredSessionRescue.SESSION_KEY)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void whatWasTypedWhenTheSessionEndedWaitsOnTheStepAfterSigningInAgain() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		// The session has expired: the browser sends the form with the cookie of a
		// session
		// the server no longer has, so its CSRF token matches nothing.
		MvcTestResult expired = this.mvc.post()
			.uri("/applications/{id}/steps/statement", id)
			.param("text", "Two hours of careful writing.")
			.param("_csrf", "from-the-old-session")
			.with(endedSession())
			.exchange();
		assertThat(expired).hasRedirectedUrl("/account/sign-in?sessionExpired");
		MockHttpSession fresh = (MockHttpSession) expired.getRequest().getSession(false);
		assertThat(this.jdbc.sql("select answers -> 'statement' ->> 'text' from application")
			.query(String.class)
			.optional()
			.orElse(null)).isNull();

		MvcTestResult signedIn = this.mvc.post()
			.uri("/account/sign-in")
			.param("username", "ada@example.org")
			.param("password", Applying.PASSWORD)
			.session(fresh)
			.with(csrf())
			.exchange();
		String back = signedIn.getResponse().getRedirectedUrl();
		assertThat(back).contains("/applications/" + id + "/steps/statement");
		Document step = page(this.mvc.get()
			.uri("/applications/{id}/steps/statement", id)
			.session((MockHttpSession) signedIn.getRequest().getSession(false))
			.exchange());
		assertThat(step.select("#text").text()).isEqualTo("Two hours of careful writing.");
		assertThat(step.text()).contains("You were signed out before this step was saved");
	}

	@Test
	void theDeadlineHoldsToTheSecondInTheInstitutionsZoneAndTheDraftStays() {
		MockHttpSession early = applicant("early@example.org", "Early Bird");
		MockHttpSession late = applicant("late@example.org", "Late Owl");
		String onTime = start(early);
		String tooLate = start(late);
		fillEverything(early, onTime, "SE");
		fillEverything(late, tooLate, "SE");
		this.clock.setInstant(DEADLINE);
		assertThat(submit(early, onTime)).hasRedirectedUrl("/applications/" + onTime);
		this.clock.setInstant(DEADLINE.plusSeconds(1));
		MvcTestResult refused = submit(late, tooLate);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).text()).contains("the deadline was 15 January 2027, 23:59 CET. Your draft is kept.");
		assertThat(this.jdbc.sql("select status from application where id = :id")
			.param("id", UUID.fromString(tooLate))
			.query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	/**
	 * The deadline is the last second of a day in the institution's zone, on days when
	 * the clocks change too: Sydney leaves summer time on 4 April 2027, Los Angeles
	 * starts it on 14 March 2027.
	 */
	@Test
	void theDeadlineHoldsToTheSecondInOtherZonesOnTheDaysTheClocksChange() {
		Map<String, LocalDateTime> zones = new LinkedHashMap<>();
		zones.put("Australia/Sydney", LocalDateTime.parse("2027-04-04T23:59:59"));
		zones.put("America/Los_Angeles", LocalDateTime.parse("2027-03-14T23:59:59"));
		// Everyone fills in their application first, under the round as it stands.
		List<MockHttpSession> sessions = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 2 * zones.size(); i++) {
			MockHttpSession session = applicant("applicant-" + i + "@example.org", "Applicant " + i);
			String id = start(session);
			fillEverything(session, id, "SE");
			sessions.add(session);
			ids.add(id);
		}
		int n = 0;
		for (Map.Entry<String, LocalDateTime> zone : zones.entrySet()) {
			MockHttpSession onTime = sessions.get(2 * n);
			MockHttpSession late = sessions.get(2 * n + 1);
			String first = ids.get(2 * n);
			String second = ids.get(2 * n + 1);
			Instant deadline = zone.getValue().atZone(ZoneId.of(zone.getKey())).toInstant();
			this.jdbc.sql("update institution set time_zone = :zone").param("zone", zone.getKey()).update();
			this.jdbc.sql("""
					update application_round set deadline_at = :deadline, documents_deadline_at = :documents,
					    notification_at = :notification, studies_start_at = :start""")
				.param("deadline", Timestamp.from(deadline))
				.param("documents", Timestamp.from(deadline.plus(Duration.ofDays(7))))
				.param("notification", Timestamp.from(deadline.plus(Duration.ofDays(14))))
				.param("start", Timestamp.from(deadline.plus(Duration.ofDays(60))))
				.update();
			this.clock.setInstant(deadline);
			assertThat(submit(onTime, first)).as(zone.getKey()).hasRedirectedUrl("/applications/" + first);
			this.clock.setInstant(deadline.plusSeconds(1));
			MvcTestResult refused = submit(late, second);
			assertThat(refused).as(zone.getKey()).hasStatus(422);
			// Sydney has left summer time that day (AEST); Los Angeles has just begun it
			// (PDT).
			String local = zone.getKey().startsWith("Australia") ? "4 April 2027, 23:59 AEST"
					: "14 March 2027, 23:59 PDT";
			assertThat(page(refused).text()).as(zone.getKey()).contains("the deadline was " + local + ".");
			n++;
		}
	}

	@Test
	void tenIdenticalSubmitsAtOnceSubmitOnce() throws Exception {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "SE");
		long applicantId = this.jdbc.sql("select id from applicant").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Callable<SubmitOutcome.Result>> presses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			presses.add(() -> this.applications.submit(UUID.fromString(id), applicantId, "same-key", true).result());
		}
		List<SubmitOutcome.Result> results = new ArrayList<>();
		for (Future<SubmitOutcome.Result> future : pool.invokeAll(presses)) {
			results.add(future.get());
		}
		pool.shutdown();
		assertThat(results).filteredOn((r) -> r == SubmitOutcome.Result.SUBMITTED).hasSize(1);
		assertThat(results).filteredOn((r) -> r == SubmitOutcome.Result.ALREADY_SUBMITTED).hasSize(9);
		assertThat(this.jdbc.sql("select count(*) from application").query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where subject like 'Your application is submitted%'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aDueFeeBlocksSubmissionWithAClearMessage() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "IN");
		MvcTestResult refused = submit(ada, id);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).text()).contains("because the application fee is due");
	}

	@Test
	void programmesThatChargeNoFeeAskForNoReceipt() {
		this.jdbc.sql("update programme set application_fee_amount = null, application_fee_currency = null").update();
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "IN");
		Document documents = page(this.mvc.get().uri("/applications/{id}/documents", id).session(ada).exchange());
		assertThat(documents.select("#fee-status").text()).contains("There is no application fee");
		assertThat(documents.text()).doesNotContain("Receipt of the application fee");
		assertThat(submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select status || ' ' || fee_status from application").query(String.class).single())
			.isEqualTo("SUBMITTED NONE");
	}

	@Test
	void aFeeReceiptLetsTheSameApplicationSubmitWhileItWaitsForItsCheck() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "IN");
		assertThat(submit(ada, id)).hasStatus(422);
		assertThat(applying().upload(ada, id, "FEE_RECEIPT", "receipt.pdf", UploadFiles.pdf("Paid: SEK 900")))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(page(this.mvc.get().uri("/applications/{id}/review", id).session(ada).exchange()).text())
			.contains("Receipt received: the admissions office has not checked it yet.");
		assertThat(submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select status || ' ' || fee_status from application").query(String.class).single())
			.as("paid only once staff have checked the receipt")
			.isEqualTo("SUBMITTED RECEIPT_RECEIVED");
	}

	@Test
	void startingTwiceOpensTheSameApplication() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String first = start(ada);
		MvcTestResult again = this.mvc.post()
			.uri("/applications")
			.param("round", "autumn-2027")
			.session(ada)
			.with(csrf())
			.exchange();
		assertThat(again).hasRedirectedUrl("/applications/" + first + "/steps/personal");
		assertThat(this.jdbc.sql("select count(*) from application").query(Long.class).single()).isOne();
	}

	@Test
	void anotherApplicantCannotReachTheApplicationByAnyRoute() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		MockHttpSession eve = applicant("eve@example.org", "Eve Other");
		String id = start(ada);
		fillEverything(ada, id, "SE");
		for (String path : List.of("/applications/" + id, "/applications/" + id + "/steps/personal",
				"/applications/" + id + "/review", "/applications/" + id + "/withdraw")) {
			assertThat(this.mvc.get().uri(path).session(eve)).as(path).hasStatus(404);
		}
		for (String path : List.of("/applications/" + id + "/steps/personal", "/applications/" + id + "/submit",
				"/applications/" + id + "/withdraw")) {
			assertThat(this.mvc.post().uri(path).param("givenNames", "Eve").session(eve).with(csrf())).as(path)
				.hasStatus(404);
		}
		assertThat(this.jdbc.sql("select status, answers -> 'personal' ->> 'givenNames' from application")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single()).isEqualTo("DRAFT Ada");
	}

	@Test
	void aSubmittedApplicationCanBeWithdrawnAfterConfirming() {
		MockHttpSession ada = applicant("ada@example.org", "Ada Lovelace");
		String id = start(ada);
		fillEverything(ada, id, "SE");
		submit(ada, id);
		assertThat(page(this.mvc.get().uri("/applications/{id}/withdraw", id).session(ada).exchange()).text())
			.contains("You cannot undo this.");
		assertThat(this.mvc.post().uri("/applications/{id}/withdraw", id).session(ada).with(csrf()))
			.hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select status from application").query(String.class).single()).isEqualTo("WITHDRAWN");
		String reference = this.jdbc.sql("select reference from application").query(String.class).single();
		assertThat(this.jdbc
			.sql("select recipient, text_body from mail_outbox where subject = 'Your application is withdrawn'")
			.query((rs, row) -> rs.getString(1) + "\n" + rs.getString(2))
			.list()).as("a confirmation, once")
			.singleElement()
			.satisfies((mail) -> assertThat(mail).startsWith("ada@example.org\n")
				.contains("Its reference was " + reference)
				.contains("If you did not withdraw it")
				.contains("/applications/" + id));
		this.clock.setInstant(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select status from application").query(String.class).single()).isEqualTo("WITHDRAWN");
		assertThat(this.mvc.post().uri("/applications/{id}/withdraw", id).session(ada).with(csrf()))
			.hasRedirectedUrl("/applications/" + id);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where subject = 'Your application is withdrawn'")
			.query(Long.class)
			.single()).as("withdrawing again sends nothing").isEqualTo(1);
	}

}
