package org.prospectus.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
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
 * Rolling rounds over to the next cycle: the wall-clock rule in the institution's zone to
 * the second, the two clicks, one copy however often it is asked for, a draft that no
 * public page shows, and another institution's editor refused.
 */
@PortalIntegrationTest
class RoundRolloverTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Institution kth;

	Programme ml;

	ApplicationRound round;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.ml = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		// Opens 15 October 2026 00:00, deadline 15 January 2027 23:59:59, Stockholm time.
		this.round = this.fixtures.round(this.kth, "autumn-2027", Instant.parse("2026-10-14T22:00:00Z"),
				Instant.parse("2027-01-15T22:59:59Z"), this.ml);
		this.jdbc.sql("insert into programme_places (round_id, programme_id, places) values (?, ?, 30)")
			.params(this.round.getId(), this.ml.getId())
			.update();
		this.jdbc.sql("update programme set entry_year = 2027").update();
		// One reference, but two for Machine Learning.
		this.jdbc
			.sql("update application_round set references_required = 1,"
					+ " programme_references = jsonb_build_object(cast(? as text), 2)")
			.param(this.ml.getId())
			.update();
		this.staff.createAt("editor@kth.example", "KTH editor", this.kth.getId(), StaffRole.EDITOR);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyMilestoneKeepsItsWallClockTimeOneYearOnAcrossSummerTimeToTheSecond() {
		// 23:59:59 CET stays 23:59:59 CET.
		assertThat(RoundRollover.nextYear(Instant.parse("2027-01-15T22:59:59Z"), STOCKHOLM))
			.isEqualTo(Instant.parse("2028-01-15T22:59:59Z"));
		// 27 March is winter time in 2027 and summer time in 2028: noon stays noon, an
		// hour earlier in UTC. Adding 366 days would have made it 13:00.
		assertThat(RoundRollover.nextYear(Instant.parse("2027-03-27T11:00:00Z"), STOCKHOLM))
			.isEqualTo(Instant.parse("2028-03-27T10:00:00Z"));
		// 30 October is summer time in 2027 and winter time in 2028.
		assertThat(RoundRollover.nextYear(Instant.parse("2027-10-30T10:00:00Z"), STOCKHOLM))
			.isEqualTo(Instant.parse("2028-10-30T11:00:00Z"));
		// 02:30 on 29 March 2026 does not exist in Stockholm: the copy moves past the gap
		// and the preview says so.
		Instant gap = RoundRollover.nextYear(Instant.parse("2025-03-29T01:30:00Z"), STOCKHOLM);
		assertThat(gap).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(gap.atZone(STOCKHOLM).toLocalTime()).hasToString("03:30");
		assertThat(RoundRollover.DateChange
			.of(MilestoneKind.OPENS, Instant.parse("2025-03-29T01:30:00Z"), gap, STOCKHOLM, false)
			.adjusted()).isTrue();
		// 29 February becomes 28 February, marked too; a Saturday is marked as a weekend.
		Instant leap = Instant.parse("2028-02-29T11:00:00Z");
		RoundRollover.DateChange leapChange = RoundRollover.DateChange.of(MilestoneKind.DEADLINE, leap,
				RoundRollover.nextYear(leap, STOCKHOLM), STOCKHOLM, false);
		assertThat(leapChange.after()).isEqualTo(Instant.parse("2029-02-28T11:00:00Z"));
		assertThat(leapChange.adjusted()).isTrue();
		RoundRollover.DateChange saturday = RoundRollover.DateChange.of(MilestoneKind.DEADLINE,
				Instant.parse("2027-01-15T22:59:59Z"), Instant.parse("2028-01-15T22:59:59Z"), STOCKHOLM, false);
		assertThat(saturday.weekend()).isTrue();
		assertThat(saturday.adjusted()).isFalse();
		assertThat(RoundRollover.nextName("Autumn 2027", 2028, " ")).isEqualTo("Autumn 2028");
		assertThat(RoundRollover.nextName("kth-masters", 2028, "-")).isEqualTo("kth-masters-2028");
	}

	@Test
	void anEditorRollsARoundOverInTwoClicksAndGetsOneDraftCopyHoweverOftenAsked() throws Exception {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		Document review = page(this.mvc.get().uri(reviewUrl(this.round.getId())).session(session).exchange());
		String link = review.select("a[href$=/rollover]").attr("href");
		assertThat(link).isEqualTo(reviewUrl(this.round.getId()) + "/rollover");

		Document preview = page(this.mvc.get().uri(link).session(session).exchange());
		assertThat(preview.select("h2").text()).isEqualTo("Round autumn-2027 becomes Round autumn-2028");
		assertThat(preview.select("code").text()).isEqualTo("autumn-2028");
		assertThat(preview.select("tr:has(th:contains(Application deadline))").text())
			.contains("15 January 2027, 23:59 CET", "15 January 2028, 23:59 CET", "Falls on a weekend.");
		assertThat(preview.select("li").eachText()).contains("Machine Learning");
		assertThat(preview.select("h3").eachText()).contains("2028 entry");

		// Two editors press "Create the draft" at once, and once more later.
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<MvcTestResult>> presses = List.of(1, 2)
			.stream()
			.map((n) -> CompletableFuture.supplyAsync(() -> {
				awaitQuietly(start);
				return rollOver(session);
			}))
			.toList();
		start.countDown();
		List<MvcTestResult> results = new ArrayList<>();
		for (CompletableFuture<MvcTestResult> press : presses) {
			results.add(press.get(30, TimeUnit.SECONDS));
		}
		long copyId = this.jdbc.sql("select id from application_round where rolled_from_id = ?")
			.param(this.round.getId())
			.query(Long.class)
			.single();
		results.forEach((result) -> assertThat(result).hasRedirectedUrl(reviewUrl(copyId)));
		assertThat(rollOver(session)).hasRedirectedUrl(reviewUrl(copyId));
		assertThat(this.jdbc.sql("select count(*) from application_round").query(Long.class).single()).isEqualTo(2);

		// The copy: a draft, a year on, the same programme (staged) and places.
		assertThat(this.jdbc.sql("select deadline_at from application_round where id = ?")
			.param(copyId)
			.query(Instant.class)
			.single()).isEqualTo(Instant.parse("2028-01-15T22:59:59Z"));
		assertThat(this.jdbc
			.sql("select references_required || ' ' || programme_references from application_round where id = ?")
			.param(copyId)
			.query(String.class)
			.single()).isEqualTo("1 {\"" + this.ml.getId() + "\": 2}");
		assertThat(this.jdbc.sql("select ever_published from application_round where id = ?")
			.param(copyId)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from round_programme where round_id = ?")
			.param(copyId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select places from programme_places where round_id = ?")
			.param(copyId)
			.query(Integer.class)
			.single()).isEqualTo(30);
		assertThat(this.jdbc.sql("select summary from audit_event where entity_id = ? and action = 'CREATE'")
			.param(copyId)
			.query(String.class)
			.list())
			.containsExactly("Rolled the round Round autumn-2027 of University kth over to Round autumn-2028, a draft");
		// The programme's 2028 entry is prepared as a draft copy of 2027's, once.
		assertThat(
				this.jdbc.sql("select entry_year || ' ' || published from programme_year").query(String.class).list())
			.containsExactly("2028 false");
		Document copy = page(this.mvc.get().uri(reviewUrl(copyId)).session(session).exchange());
		assertThat(copy.text()).contains("This round has never been published", "Machine Learning");
		assertThat(page(this.mvc.get().uri(reviewUrl(this.round.getId())).session(session).exchange())
			.select("#rollover-heading + p a")
			.attr("href")).isEqualTo(reviewUrl(copyId));
		// Nothing public shows the draft.
		assertThat(page(this.mvc.get().uri("/deadlines").exchange()).text()).doesNotContain("autumn-2028");
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).text()).doesNotContain("autumn-2028");
	}

	@Test
	void anotherInstitutionsEditorCanNeitherPreviewNorRollOver() {
		Institution other = this.fixtures.institution("other", "Europe/London");
		this.staff.createAt("editor@other.example", "Other editor", other.getId(), StaffRole.EDITOR);
		MockHttpSession session = this.staff.signIn("editor@other.example");
		assertThat(this.mvc.get().uri(reviewUrl(this.round.getId()) + "/rollover").session(session).exchange())
			.hasStatus(404);
		assertThat(rollOver(session)).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/catalogue/rounds/rollover")
			.param("institution", Long.toString(this.kth.getId()))
			.session(session)
			.with(csrf())
			.exchange()).hasStatus(404);
		assertThat(this.jdbc.sql("select count(*) from application_round").query(Long.class).single()).isOne();
	}

	@Test
	void rollingOverAnInstitutionCopiesItsCurrentRoundsOnceAndSkipsPastCycles() {
		// A round of 2024, whose copy would have opened in 2025: a past cycle, left
		// alone.
		this.fixtures.round(this.kth, "autumn-2025", Instant.parse("2024-10-14T22:00:00Z"),
				Instant.parse("2025-01-15T22:59:59Z"), this.ml);
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		Document preview = page(this.mvc.get()
			.uri("/admin/catalogue/rounds/rollover?institution={id}", this.kth.getId())
			.session(session)
			.exchange());
		assertThat(preview.select("h2").eachText()).containsExactly("Round autumn-2027 becomes Round autumn-2028");
		assertThat(preview.select("form[action*=/rounds/rollover] button").text()).isEqualTo("Create 1 draft round");
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/admin/catalogue/rounds/rollover")
				.param("institution", Long.toString(this.kth.getId()))
				.session(session)
				.with(csrf())
				.exchange()).hasRedirectedUrl("/admin/catalogue/rounds");
		}
		assertThat(this.jdbc.sql("select slug from application_round where rolled_from_id is not null")
			.query(String.class)
			.list()).containsExactly("autumn-2028");
	}

	MvcTestResult rollOver(MockHttpSession session) {
		return this.mvc.post()
			.uri(reviewUrl(this.round.getId()) + "/rollover")
			.session(session)
			.with(csrf())
			.exchange();
	}

	static String reviewUrl(long id) {
		return "/admin/catalogue/rounds/" + id;
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
