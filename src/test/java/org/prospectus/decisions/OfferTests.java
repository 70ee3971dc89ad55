package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prospectus.applications.Applying;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PdfText;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;

/**
 * Offers after the decision (issue 16): an officer makes a conditional offer, the
 * applicant sees it from the notification date and accepts or declines it by its
 * reply-by, staff record each condition, an unanswered offer is declined by default once
 * however many instances run, and every move the table allows, and only those, happens.
 */
@PortalIntegrationTest
class OfferTests {

	static final Instant NOTIFICATION = ApplicationReviewTests.NOTIFICATION;

	static final String DEGREE = "Degree awarded with at least a 2:1";

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
	DecisionNotifier notifier;

	@Autowired
	OfferDeadlines deadlines;

	@Autowired
	JdbcConnectionDetails database;

	Applying applying;

	long ml;

	long applied;

	MockHttpSession applicant;

	MockHttpSession officer;

	Deciding deciding;

	String id;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.applied = catalogue.applied();
		this.jdbc.sql("update institution set offer_conditions = cast(:c as text[]) where slug = 'kth'")
			.param("c", new String[] { DEGREE, "English at the required level" })
			.update();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.applicant = this.applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = submitted(this.applicant);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.officer = this.staff.signIn("officer@uni.example");
		this.deciding = new Deciding(this.mvc, this.officer);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	String submitted(MockHttpSession who) {
		String application = this.applying.start(who);
		this.applying.fillEverything(who, application, "SE", this.ml, this.applied);
		assertThat(this.applying.submit(who, application)).hasRedirectedUrl("/applications/" + application);
		return application;
	}

	Document detail() {
		return this.deciding.detail(this.id);
	}

	MvcTestResult post(MockHttpSession who, String path, String... pairs) {
		return this.deciding.post(who, path, pairs);
	}

	MvcTestResult move(String status, String... more) {
		return this.deciding.move(this.id, status, more);
	}

	/** Offers the first choice with the institution's degree condition and one typed. */
	long offer() {
		assertThat(this.deciding.decide(this.id, "ADMITTED", "programme", Long.toString(this.ml), "conditions", DEGREE,
				"otherConditions", "  Proof of funding for the first year  \n\n"))
			.hasRedirectedUrl("/admin/applications/" + this.id);
		return this.jdbc.sql("select id from offer where application_id = cast(:id as uuid)")
			.param("id", this.id)
			.query(Long.class)
			.single();
	}

	String state(long offer) {
		return this.jdbc.sql("select state from offer where id = :id").param("id", offer).query(String.class).single();
	}

	String status() {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", this.id)
			.query(String.class)
			.single();
	}

	String applicantPage() {
		MvcTestResult result = this.mvc.get().uri("/applications/{id}", this.id).session(this.applicant).exchange();
		assertThat(result).hasStatusOk();
		return page(result).select("main").text();
	}

	List<String> mailSubjects() {
		return this.jdbc.sql("select subject from mail_outbox where recipient = 'ada@example.org' order by id")
			.query(String.class)
			.list();
	}

	String lastMail() {
		return this.jdbc
			.sql("select text_body from mail_outbox where recipient = 'ada@example.org' order by id desc limit 1")
			.query(String.class)
			.single();
	}

	MvcTestResult reply(long offer, String reply) {
		return post(this.applicant, "/applications/" + this.id + "/offers/" + offer + "/" + reply);
	}

	/**
	 * Records the state of the offer's condition at a position, from the officer's page.
	 */
	MvcTestResult condition(int position, String state) {
		Document page = detail();
		String version = page.select("#offers input[name=version]").first().val();
		String action = page.select("#offers form[action*=/conditions/]").get(position).attr("action");
		return post(this.officer, action, "state", state, "version", version);
	}

	@Test
	void aConditionalOfferIsShownFromTheNotificationDateAcceptedAndMadeUnconditional() {
		long offer = offer();
		Document staffPage = detail();
		assertThat(staffPage.select("#offers tbody tr td:first-child").eachText()).containsExactly(DEGREE,
				"Proof of funding for the first year");
		assertThat(staffPage.select("#offers dd").eachText()).contains("Waiting for the applicant's reply",
				"Conditional");

		// Not released before the notification date: not shown, not answerable.
		this.clock.setInstant(NOTIFICATION.minusSeconds(1));
		assertThat(applicantPage()).doesNotContain("Your offer", DEGREE);
		assertThat(this.mvc.get()
			.uri("/applications/{id}/offers/{offer}/accept", this.id, offer)
			.session(this.applicant)
			.exchange()).hasStatus(404);
		assertThat(reply(offer, "accept")).hasStatus(404);
		assertThat(state(offer)).isEqualTo("OPEN");

		this.clock.setInstant(NOTIFICATION);
		assertThat(this.notifier.notifyDue()).isEqualTo(1);
		assertThat(lastMail()).contains("You are offered a place on Machine Learning.",
				"- " + DEGREE + ": not yet checked", "- Proof of funding for the first year: not yet checked",
				"If you do not reply by then, it will be declined for you.");
		assertThat(applicantPage()).contains("Your offer", "Machine Learning", "Conditional", DEGREE, "Reply by",
				"Accept this offer");

		Document confirm = page(this.mvc.get()
			.uri("/applications/{id}/offers/{offer}/accept", this.id, offer)
			.session(this.applicant)
			.exchange());
		assertThat(confirm.select("main").text()).contains("You can accept one offer in this round.",
				"You have no other offers in this round.", "stays conditional");
		assertThat(reply(offer, "accept")).hasRedirectedUrl("/applications/" + this.id + "#offers");
		assertThat(state(offer)).isEqualTo("ACCEPTED");
		assertThat(mailSubjects()).endsWith("You have accepted your offer");
		assertThat(reply(offer, "accept")).as("a second accept changes nothing")
			.hasRedirectedUrl("/applications/" + this.id + "#offers");
		assertThat(mailSubjects()).filteredOn("You have accepted your offer"::equals).hasSize(1);

		assertThat(condition(0, "MET")).hasRedirectedUrl("/admin/applications/" + this.id + "#offers");
		assertThat(lastMail()).contains("\"" + DEGREE + "\" is met").doesNotContain("unconditional");
		assertThat(condition(1, "MET")).as("the next pending condition")
			.hasRedirectedUrl("/admin/applications/" + this.id + "#offers");
		assertThat(lastMail()).contains("Every condition is now met, so your offer is unconditional.");
		assertThat(applicantPage()).contains("Unconditional", "Accepted", "Decline the place");
		assertThat(this.jdbc.sql("""
				select action from audit_event where entity_uuid = cast(:id as uuid)
				and action in ('REPLY', 'CONDITION_CHECK') order by id""")
			.param("id", this.id)
			.query(String.class)
			.list()).containsExactly("REPLY", "CONDITION_CHECK", "CONDITION_CHECK");
	}

	@Test
	void anotherApplicantReachesNeitherTheOfferNorTheLetter() {
		long offer = offer();
		this.clock.setInstant(NOTIFICATION);
		MockHttpSession eve = this.applying.applicant("eve@example.org", "Eve Other");
		for (String path : List.of("/applications/" + this.id + "/offers/" + offer + "/accept",
				"/applications/" + this.id + "/offers/" + offer + "/decline",
				"/applications/" + this.id + "/letter.pdf")) {
			assertThat(this.mvc.get().uri(path).session(eve)).as(path).hasStatus(404);
		}
		for (String reply : List.of("accept", "decline")) {
			assertThat(post(eve, "/applications/" + this.id + "/offers/" + offer + "/" + reply)).as(reply)
				.hasStatus(404);
		}
		assertThat(state(offer)).isEqualTo("OPEN");
		assertThat(this.mvc.get().uri("/applications/" + this.id + "/letter.pdf").session(this.applicant))
			.as("the letter is the applicant's own")
			.hasStatusOk();
	}

	@Test
	void aStaleConditionFormOrAnotherInstitutionsOfficerChangesNothing() {
		long offer = offer();
		Document page = detail();
		String action = page.select("#offers form[action*=/conditions/]").first().attr("action");
		String version = page.select("#offers input[name=version]").first().val();
		assertThat(post(this.officer, action, "state", "MET", "version", version)).hasStatus(302);
		MvcTestResult stale = post(this.officer, action, "state", "NOT_MET", "version", version);
		assertThat(stale).hasStatus(409);
		assertThat(page(stale).select("#offers [role=alert]").text()).contains("changed since your page was shown");
		assertThat(this.jdbc.sql("select state from offer_condition where offer_id = :id order by position")
			.param("id", offer)
			.query(String.class)
			.list()).containsExactly("MET", "PENDING");

		MvcTestResult unknown = move("UNDER_REVIEW", "reason", "Another look.");
		assertThat(unknown).hasStatus(302);
		assertThat(this.jdbc.sql("select count(*) from offer").query(Long.class).single())
			.as("a decision taken back before it was told takes its offer with it")
			.isZero();
	}

	@Test
	void aConditionNotOfferedByTheInstitutionOrTooLongComesBackBesideTheField() {
		move("ELIGIBILITY_CHECKED");
		move("UNDER_REVIEW");
		MvcTestResult refused = move("ADMITTED", "programme", Long.toString(this.ml), "conditions", "Be nice",
				"otherConditions", "x".repeat(501));
		assertThat(refused).hasStatus(422);
		Document page = page(refused);
		assertThat(page.select("#conditions-error").text()).contains("institution's list");
		assertThat(page.select("#otherConditions-error").text()).isEqualTo("Keep each condition to 500 characters.");
		assertThat(page.select("#otherConditions").text()).as("kept as typed").hasSize(501);
		assertThat(status()).isEqualTo("UNDER_REVIEW");
	}

	List<String> queue(String query) {
		MvcTestResult result = this.mvc.get().uri("/admin/applications?" + query).session(this.officer).exchange();
		assertThat(result).hasStatusOk();
		return page(result).select("tbody tr").eachText();
	}

	@Test
	void theQueueFindsOffersByWhereTheyStandAndTheExportSaysSo() throws Exception {
		long offer = offer();
		Instant replyBy = NOTIFICATION.plusSeconds(14 * 86400);
		this.jdbc.sql("update application_round set reply_by_at = :at").param("at", Timestamp.from(replyBy)).update();
		this.clock.setInstant(replyBy.minusSeconds(5 * 86400 - 60));
		assertThat(queue("offer=waiting")).singleElement()
			.asString()
			.contains("Waiting for the applicant's reply, 5 days to reply, 2 conditions not checked");
		assertThat(queue("offer=conditions-pending")).hasSize(1);
		assertThat(queue("offer=accepted")).isEmpty();
		String csv = this.mvc.get()
			.uri("/admin/applications/export.csv?offer=waiting")
			.session(this.officer)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().findFirst().orElseThrow())
			.endsWith(",offer_state,reply_by_utc,conditions_pending,reserve_position,review_score,reads_outstanding,"
					+ "reads_disagree");
		// No reserve place, no review plan: neither score nor reads to come, and no
		// disagreement.
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",OPEN," + replyBy + ",2,,,,false");

		this.notifier.notifyDue();
		assertThat(reply(offer, "accept")).hasStatus(302);
		assertThat(queue("offer=waiting")).isEmpty();
		assertThat(queue("offer=accepted")).hasSize(1);
	}

	/**
	 * The table of moves: an offer in a state, an action on it, what it becomes and what
	 * the applicant is told. Promotion from the reserve list is not yet built.
	 */
	static Stream<Arguments> moves() {
		return Stream.of(Arguments.of("OPEN", "accept", "ACCEPTED", "You have accepted your offer"),
				Arguments.of("OPEN", "decline", "DECLINED", "You have declined your offer"),
				Arguments.of("OPEN", "accept after reply-by", "OPEN", null),
				Arguments.of("OPEN", "reply-by passes", "LAPSED", "Your offer has been declined for you"),
				Arguments.of("OPEN", "applicant withdraws", "DECLINED", "Your application is withdrawn"),
				Arguments.of("OPEN", "staff withdraw, condition pending", "OPEN", null),
				Arguments.of("OPEN", "last condition met", "OPEN", "A condition of your offer has been checked"),
				Arguments.of("OPEN", "decline, a reserve promoted", "DECLINED", "You have declined your offer"),
				Arguments.of("OPEN", "staff withdraw, condition not met", "WITHDRAWN", "Your offer has been withdrawn"),
				Arguments.of("ACCEPTED", "accept", "ACCEPTED", null),
				Arguments.of("ACCEPTED", "decline", "DECLINED", "You have declined your offer"),
				Arguments.of("ACCEPTED", "decline after reply-by", "ACCEPTED", null),
				Arguments.of("ACCEPTED", "reply-by passes", "ACCEPTED", null),
				Arguments.of("ACCEPTED", "applicant withdraws", "DECLINED", "Your application is withdrawn"),
				Arguments.of("ACCEPTED", "staff withdraw, condition not met", "WITHDRAWN",
						"Your offer has been withdrawn"),
				Arguments.of("DECLINED", "accept", "DECLINED", null), Arguments.of("LAPSED", "accept", "LAPSED", null),
				Arguments.of("LAPSED", "decline", "LAPSED", null),
				Arguments.of("WITHDRAWN", "accept", "WITHDRAWN", null));
	}

	@ParameterizedTest(name = "{0}, {1}: {2}")
	@MethodSource("moves")
	void everyMoveTheTableAllowsAndNoOther(String from, String action, String to, String mail) throws Exception {
		String reserve = null;
		if (action.contains("reserve")) {
			// Someone on the reserve list, and as many places as offers: a decline frees
			// one.
			String ada = this.id;
			reserve = submitted(this.applying.applicant("grace@example.org", "Grace Hopper"));
			assertThat(this.deciding.decide(reserve, "RESERVE", "programme", Long.toString(this.ml))).hasStatus(302);
			this.id = ada;
		}
		long offer = offer();
		if (reserve != null) {
			this.jdbc.sql("""
					insert into programme_places (round_id, programme_id, places)
					select round_id, :ml, 1 from application limit 1""").param("ml", this.ml).update();
			this.jdbc.sql("insert into round_promotion (round_id, automatic) select round_id, true from offer")
				.update();
		}
		Instant replyBy = NOTIFICATION.plusSeconds(14 * 86400);
		this.jdbc.sql("update application_round set reply_by_at = :at").param("at", Timestamp.from(replyBy)).update();
		this.clock.setInstant(NOTIFICATION);
		this.notifier.notifyDue();
		if (!from.equals("OPEN")) {
			this.jdbc.sql("""
					update offer set state = :state, replied_at = :at, withdrawn_reason = case when :state = 'WITHDRAWN'
					then 'Not met.' end where id = :id""")
				.param("state", from)
				.param("at", Timestamp.from(NOTIFICATION))
				.param("id", offer)
				.update();
		}
		long mails = mailSubjects().size();
		this.clock.setInstant(replyBy.minusSeconds(1));
		switch (action) {
			case "accept", "decline", "decline, a reserve promoted" -> reply(offer, action.split(",")[0]);
			case "last condition met" -> {
				this.jdbc.sql("update offer_condition set state = 'MET' where position = 0").update();
				condition(1, "MET");
				assertThat(lastMail()).contains("your offer is unconditional");
			}
			case "accept after reply-by", "decline after reply-by" -> {
				this.clock.setInstant(replyBy);
				assertThat(reply(offer, action.substring(0, action.indexOf(' ')))).hasStatus(302);
			}
			case "reply-by passes" -> {
				assertThat(this.deadlines.declineDue()).as("not a second early").isZero();
				this.clock.setInstant(replyBy);
				this.deadlines.declineDue();
			}
			case "applicant withdraws" -> post(this.applicant, "/applications/" + this.id + "/withdraw");
			default -> {
				if (action.endsWith("not met")) {
					condition(0, "NOT_MET");
					mails = mailSubjects().size();
				}
				String version = detail().select("#offers input[name=version]").first().val();
				post(this.officer, "/admin/applications/" + this.id + "/offers/" + offer + "/withdraw", "reason",
						"The degree was awarded with a 2:2.", "version", version);
			}
		}
		assertThat(state(offer)).isEqualTo(to);
		if (reserve != null) {
			assertThat(this.jdbc.sql("select status from application where id = cast(:id as uuid)")
				.param("id", reserve)
				.query(String.class)
				.single()).as("the freed place goes to the reserve list").isEqualTo("ADMITTED");
		}
		List<String> sent = mailSubjects().subList((int) mails, mailSubjects().size());
		if (mail == null) {
			assertThat(sent).isEmpty();
		}
		else {
			assertThat(sent).containsExactly(mail);
		}
		if (to.equals("WITHDRAWN") && !from.equals("WITHDRAWN")) {
			MvcTestResult letter = this.mvc.get()
				.uri("/applications/{id}/letter.pdf", this.id)
				.session(this.applicant)
				.exchange();
			assertThat(PdfText.of(letter.getResponse().getContentAsByteArray()))
				.as("the letter follows the decision recorded now")
				.contains(DecisionLetterTests.REFUSAL, "The degree was awarded with a 2:2.")
				.doesNotContain(DecisionLetterTests.OFFER);
		}
		assertThat(status()).isEqualTo(switch (to) {
			case "WITHDRAWN" -> from.equals("WITHDRAWN") ? "ADMITTED" : "NOT_ADMITTED";
			default -> action.equals("applicant withdraws") ? "WITHDRAWN" : "ADMITTED";
		});
	}

	@Test
	void theReplyByHoldsToTheSecondInTheInstitutionsZoneOnTheDayClocksGoForward() {
		long offer = offer();
		// Sunday 28 March 2027: Stockholm goes from CET to CEST at 02:00, so noon is
		// 10:00 UTC.
		Instant noon = ZonedDateTime.of(2027, 3, 28, 12, 0, 0, 0, ZoneId.of("Europe/Stockholm")).toInstant();
		assertThat(noon).isEqualTo(Instant.parse("2027-03-28T10:00:00Z"));
		this.jdbc.sql("update application_round set studies_start_at = '2027-08-20T08:00:00Z', reply_by_at = :at")
			.param("at", Timestamp.from(noon))
			.update();
		this.clock.setInstant(NOTIFICATION);
		this.notifier.notifyDue();
		assertThat(applicantPage()).contains("28 March 2027, 12:00 CEST");
		assertThat(lastMail()).contains("by 28 March 2027, 12:00 CEST");

		this.clock.setInstant(noon.minusSeconds(1));
		assertThat(this.deadlines.declineDue()).isZero();
		assertThat(applicantPage()).contains("Accept this offer");
		this.clock.setInstant(noon);
		assertThat(applicantPage()).doesNotContain("Accept this offer");
		assertThat(reply(offer, "accept")).hasStatus(302);
		assertThat(state(offer)).isEqualTo("OPEN");
		assertThat(this.deadlines.declineDue()).isEqualTo(1);
		assertThat(state(offer)).isEqualTo("LAPSED");
	}

	@Test
	void aReminderGoesOutOnceBeforeTheReplyBy() {
		offer();
		Instant replyBy = NOTIFICATION.plusSeconds(14 * 86400);
		this.jdbc.sql("update application_round set reply_by_at = :at").param("at", Timestamp.from(replyBy)).update();
		this.clock.setInstant(NOTIFICATION);
		this.notifier.notifyDue();
		this.clock.setInstant(replyBy.minusSeconds(3 * 86400 + 1));
		assertThat(this.deadlines.remindDue()).isZero();
		this.clock.setInstant(replyBy.minusSeconds(3 * 86400));
		assertThat(this.deadlines.remindDue()).isEqualTo(1);
		assertThat(this.deadlines.remindDue()).isZero();
		assertThat(mailSubjects()).endsWith("Reply to your offer");
	}

	@Test
	void declineByDefaultRunsOnceWithTwoInstances() throws Exception {
		offer();
		for (int i = 0; i < 5; i++) {
			MockHttpSession other = this.applying.applicant("applicant" + i + "@example.org", "Applicant " + i);
			this.id = submitted(other);
			offer();
		}
		// The other instance keeps real time: the offers' reply-by passed a minute ago.
		Instant now = Instant.now();
		this.clock.setInstant(now);
		this.jdbc.sql("update application set decision_notified_at = :at where status = 'ADMITTED'")
			.param("at", Timestamp.from(now.minusSeconds(3600)))
			.update();
		this.jdbc.sql("update offer set reply_by_at = :at").param("at", Timestamp.from(now.minusSeconds(60))).update();
		try (OtherInstance other = new OtherInstance(this.database.getJdbcUrl(), this.database,
				"prospectus.decisions.batch-size=1")) {
			OfferDeadlines theirs = other.bean(OfferDeadlines.class);
			CompletableFuture<Integer> there = CompletableFuture.supplyAsync(() -> drain(theirs));
			int here = drain(this.deadlines);
			assertThat(here + there.get()).isEqualTo(6);
		}
		assertThat(this.jdbc.sql("select count(*) from offer where state = 'LAPSED'").query(Long.class).single())
			.isEqualTo(6);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'DECLINE_BY_DEFAULT'""").query(Long.class).single())
			.isEqualTo(6);
		assertThat(this.jdbc.sql("""
				select count(*), count(distinct recipient) from mail_outbox
				where subject = 'Your offer has been declined for you'""")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single()).containsExactly(6L, 6L);
	}

	private static int drain(OfferDeadlines deadlines) {
		int total = 0;
		for (int batch = deadlines.declineDue(); batch > 0; batch = deadlines.declineDue()) {
			total += batch;
		}
		return total;
	}

}
