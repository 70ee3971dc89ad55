package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Places and the reserve list (issue 16): offers count against a programme's places and
 * none is made past them; a freed place goes to the first on the reserve list, at once or
 * when an officer confirms, as an offer with a reply window of its own; and two declines
 * at the same moment fill two places, never a third.
 */
@PortalIntegrationTest
class PlacesTests {

	static final Instant NOTIFICATION = ApplicationReviewTests.NOTIFICATION;

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
	Offers offers;

	Applying applying;

	Deciding deciding;

	long ml;

	long applied;

	long round;

	final List<MockHttpSession> applicants = new ArrayList<>();

	final List<String> ids = new ArrayList<>();

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.applied = catalogue.applied();
		this.round = this.jdbc.sql("select id from application_round").query(Long.class).single();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.deciding = new Deciding(this.mvc, this.staff.signIn("officer@uni.example"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * Applicants who applied and were decided as given, in order, and told on the day.
	 */
	void decided(String... decisions) {
		for (String decision : decisions) {
			int n = this.ids.size();
			MockHttpSession applicant = this.applying.applicant("applicant" + n + "@example.org", "Applicant " + n);
			String id = this.applying.start(applicant);
			this.applying.fillEverything(applicant, id, "SE", this.ml, this.applied);
			this.applying.submit(applicant, id);
			assertThat(this.deciding.decide(id, decision, "programme", Long.toString(this.ml)))
				.hasRedirectedUrl("/admin/applications/" + id);
			this.applicants.add(applicant);
			this.ids.add(id);
		}
	}

	void places(int places, boolean automatic) {
		this.jdbc.sql("insert into programme_places (round_id, programme_id, places) values (:r, :p, :n)")
			.param("r", this.round)
			.param("p", this.ml)
			.param("n", places)
			.update();
		this.jdbc.sql("insert into round_promotion (round_id, automatic) values (:r, :a)")
			.param("r", this.round)
			.param("a", automatic)
			.update();
	}

	void told() {
		this.clock.setInstant(NOTIFICATION.plusSeconds(3600));
		while (this.notifier.notifyDue() > 0) {
			// Everyone.
		}
	}

	String status(int applicant) {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", this.ids.get(applicant))
			.query(String.class)
			.single();
	}

	long offerOf(int applicant) {
		return this.offers.of(UUID.fromString(this.ids.get(applicant))).get(0).id();
	}

	long applicantId(int applicant) {
		return this.jdbc.sql("select applicant_id from application where id = cast(:id as uuid)")
			.param("id", this.ids.get(applicant))
			.query(Long.class)
			.single();
	}

	String programmePage() {
		return "/admin/applications/dashboard/programme?round=" + this.round + "&programme=" + this.ml;
	}

	@Test
	void twoDeclinesAtTheSameMomentFillTwoPlacesAndNeverAThird() throws Exception {
		places(2, true);
		decided("ADMITTED", "ADMITTED", "RESERVE", "RESERVE", "RESERVE");
		told();

		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Offers.Reply>> declines = new ArrayList<>();
		for (int applicant = 0; applicant < 2; applicant++) {
			int who = applicant;
			declines.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.offers.decline(UUID.fromString(this.ids.get(who)), applicantId(who), offerOf(who));
			}));
		}
		start.countDown();
		for (CompletableFuture<Offers.Reply> decline : declines) {
			assertThat(decline.get(20, TimeUnit.SECONDS)).isEqualTo(Offers.Reply.DONE);
		}
		assertThat(List.of(status(2), status(3), status(4))).containsExactly("ADMITTED", "ADMITTED", "RESERVE");
		assertThat(this.jdbc.sql("select count(*) from offer where state in ('OPEN', 'ACCEPTED')")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from offer where promoted and reply_by_at is not null")
			.query(Long.class)
			.single()).as("each promoted offer with a reply window of its own").isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where subject = 'A place has become free for you'")
			.query(Long.class)
			.single()).isEqualTo(2);

		// Full again: no officer can offer the third a place.
		this.clock.setInstant(NOTIFICATION.minusSeconds(3600));
		this.jdbc.sql("update application set decision_notified_at = null where id = cast(:id as uuid)")
			.param("id", this.ids.get(4))
			.update();
		MvcTestResult refused = this.deciding.move(this.ids.get(4), "ADMITTED", "programme", Long.toString(this.ml),
				"reason", "A place came free.");
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select(".invalid-feedback, [role=alert]").text())
			.contains("Every place on this programme is held");
		assertThat(status(4)).isEqualTo("RESERVE");
	}

	@Test
	void anOfficerOrdersTheReserveListAndConfirmsThePromotionOfAFreedPlace() {
		places(1, false);
		decided("ADMITTED", "RESERVE", "RESERVE");
		Document page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("#figures dd").eachText()).startsWith("1", "0", "1", "1");
		assertThat(page.select("tbody tr td:nth-child(2)").eachText()).containsExactly("Ada Lovelace, " + reference(1),
				"Ada Lovelace, " + reference(2));

		String action = "/admin/applications/dashboard/programme/reserve";
		assertThat(this.deciding.post(action, "round", Long.toString(this.round), "programme", Long.toString(this.ml),
				"application", this.ids.get(2), "direction", "up"))
			.hasRedirectedUrl(programmePage());
		told();
		assertThat(applicantPage(2)).contains("You are number 1 on the reserve list.");
		assertThat(applicantPage(1)).contains("You are number 2 on the reserve list.");

		assertThat(this.offers.decline(UUID.fromString(this.ids.get(0)), applicantId(0), offerOf(0)))
			.isEqualTo(Offers.Reply.DONE);
		assertThat(status(2)).as("waits for an officer").isEqualTo("RESERVE");
		page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("form[action$=/promote] button").text()).isEqualTo("Offer a place to " + reference(2));
		assertThat(this.deciding.post("/admin/applications/dashboard/programme/promote", "round",
				Long.toString(this.round), "programme", Long.toString(this.ml)))
			.hasRedirectedUrl(programmePage());
		assertThat(status(2)).isEqualTo("ADMITTED");
		assertThat(this.jdbc.sql("select reply_by_at from offer where promoted")
			.query(Timestamp.class)
			.single()
			.toInstant())
			.as("the end of the day in Stockholm a week after the promotion, made at 00:59:59 on 30 January")
			.isEqualTo(Instant.parse("2027-02-06T22:59:59Z"));
		assertThat(applicantPage(2)).contains("Your offer", "Accept this offer");
		assertThat(this.deciding.post("/admin/applications/dashboard/programme/promote", "round",
				Long.toString(this.round), "programme", Long.toString(this.ml)))
			.as("no second promotion into one freed place")
			.hasStatus(409);
		assertThat(status(1)).isEqualTo("RESERVE");

		MvcTestResult typo = this.deciding.post("/admin/applications/dashboard/programme/places", "round",
				Long.toString(this.round), "programme", Long.toString(this.ml), "shown", "1", "places", "ten");
		assertThat(typo).hasStatus(422);
		assertThat(page(typo).select("#places-error").text()).contains("whole number");
		assertThat(page(typo).select("#places").val()).isEqualTo("ten");
		assertThat(this.deciding.post("/admin/applications/dashboard/programme/places", "round",
				Long.toString(this.round), "programme", Long.toString(this.ml), "shown", "5", "places", "3"))
			.as("a number changed since the page was shown")
			.hasStatus(409);
	}

	@Test
	void anOfficerOrdersTheReserveListByReviewScoreAndMayStillMoveAnyone() {
		decided("RESERVE", "RESERVE", "RESERVE", "RESERVE");
		scored(0, "5.00");
		scored(2, "8.50");
		scored(3, "5");
		Document page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("tbody tr td:nth-child(3)").eachText()).containsExactly("5.00 / 10", "not scored",
				"8.50 / 10", "5.00 / 10");
		var request = this.mvc.post()
			.uri("/admin/applications/dashboard/programme/reserve/score")
			.session(signedIn())
			.with(csrf());
		for (Element field : page.select("#rank-by-score input[name]")) {
			request = request.param(field.attr("name"), field.attr("value"));
		}
		assertThat(request.exchange()).hasRedirectedUrl(programmePage());

		// Highest first, the unscored last, the two fives in the order they had.
		page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("tbody tr td:nth-child(2)").eachText()).containsExactly(entry(2), entry(0), entry(3),
				entry(1));
		assertThat(this.jdbc.sql("""
				select a.reference || ' ' || c.before_value || '>' || c.after_value from audit_event e
				join audit_change c on c.event_id = e.id join application a on a.id = e.entity_uuid
				where e.summary like '%ordered by review score' and c.field = 'reservePosition' order by e.id""")
			.query(String.class)
			.list()).containsExactlyInAnyOrder(reference(2) + " 3>1", reference(0) + " 1>2", reference(3) + " 4>3",
					reference(1) + " 2>4");

		// The officer adjusts it as before.
		assertThat(this.deciding.post("/admin/applications/dashboard/programme/reserve", "round",
				Long.toString(this.round), "programme", Long.toString(this.ml), "application", this.ids.get(1),
				"direction", "up"))
			.hasRedirectedUrl(programmePage());
		page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("tbody tr td:nth-child(2)").eachText()).containsExactly(entry(2), entry(0), entry(1),
				entry(3));

		// The list the page showed before the move is stale now: nothing is reordered.
		assertThat(request.exchange()).hasStatus(409);
		page = page(this.mvc.get().uri(programmePage()).session(signedIn()).exchange());
		assertThat(page.select("tbody tr td:nth-child(2)").eachText()).containsExactly(entry(2), entry(0), entry(1),
				entry(3));
	}

	void scored(int applicant, String score) {
		this.jdbc.sql("update application set review_score = cast(:score as numeric) where id = cast(:id as uuid)")
			.param("score", score)
			.param("id", this.ids.get(applicant))
			.update();
	}

	String entry(int applicant) {
		return "Ada Lovelace, " + reference(applicant);
	}

	MockHttpSession signedIn() {
		return this.staff.signIn("officer@uni.example");
	}

	String reference(int applicant) {
		return this.jdbc.sql("select reference from application where id = cast(:id as uuid)")
			.param("id", this.ids.get(applicant))
			.query(String.class)
			.single();
	}

	String applicantPage(int applicant) {
		MvcTestResult result = this.mvc.get()
			.uri("/applications/{id}", this.ids.get(applicant))
			.session(this.applicants.get(applicant))
			.exchange();
		assertThat(result).hasStatusOk();
		return page(result).select("main").text();
	}

}
