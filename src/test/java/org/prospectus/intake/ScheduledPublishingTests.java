package org.prospectus.intake;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffMemberships;
import org.prospectus.account.StaffRole;
import org.prospectus.course.Course;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staged changes published at a time typed in the institution's zone: nothing moves
 * before that second (not the round, not the catalogue's version that the page cache and
 * the ETags follow), the change goes live once when two instances' jobs run at the same
 * moment, bad times are refused beside the field, and a schedule whose editor lost the
 * institution publishes nothing and says why.
 */
@PortalIntegrationTest
class ScheduledPublishingTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	StaffMemberships memberships;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	ScheduledPublications publications;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ApplicationRound round;

	long editorId;

	Institution kth;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Programme ml = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		this.round = this.fixtures.round(this.kth, "autumn-2027", Instant.parse("2026-10-14T22:00:00Z"),
				Instant.parse("2027-01-15T22:59:59Z"), ml);
		this.editorId = this.staff.createAt("editor@kth.example", "KTH editor", this.kth.getId(), StaffRole.EDITOR);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void scheduledChangesGoLiveAtTheirSecondAndOnceWithTwoInstancesRunning() throws Exception {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		stageNewName(session, "Autumn 2027 (renamed)");
		// 15:00 in Stockholm on 21 November is 14:00 UTC.
		assertThat(schedule(session, "2026-11-21T15:00")).hasRedirectedUrl(reviewUrl());
		Document review = page(this.mvc.get().uri(reviewUrl()).session(session).exchange());
		assertThat(review.select("#schedule-heading + .alert").text())
			.contains("These changes go live on 21 November 2026, 15:00 CET, as scheduled by editor@kth.example");
		assertThat(review.select("form[action$=/schedule]")).isEmpty();

		// A second schedule, posted from an older page, is refused beside the field.
		MvcTestResult second = schedule(session, "2026-11-22T09:00");
		assertThat(second).hasStatus(422);
		assertThat(page(second).select("#publishAt-error").text()).contains("already scheduled");

		long version = catalogueVersion();
		this.clock.setInstant(Instant.parse("2026-11-21T13:59:59Z"));
		assertThat(this.publications.publishDue()).isZero();
		assertThat(roundName()).isEqualTo("Round autumn-2027");
		assertThat(catalogueVersion()).isEqualTo(version);

		// At the second: two instances' jobs run at once; one publishes. The other
		// instance keeps real time, later than the schedule: due there too.
		this.clock.setInstant(Instant.parse("2026-11-21T14:00:00Z"));
		int taken;
		try (OtherInstance other = new OtherInstance(this.database.getJdbcUrl(), this.database)) {
			ScheduledPublications theirs = other.bean(ScheduledPublications.class);
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<Integer> there = CompletableFuture.supplyAsync(() -> {
				RoundRolloverTests.awaitQuietly(start);
				return theirs.publishDue();
			});
			start.countDown();
			taken = this.publications.publishDue() + there.get(60, TimeUnit.SECONDS);
		}
		assertThat(taken).isOne();
		assertThat(roundName()).isEqualTo("Autumn 2027 (renamed)");
		assertThat(catalogueVersion()).isGreaterThan(version);
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'PUBLISH'").query(String.class).list())
			.containsExactly("editor@kth.example");
		assertThat(this.jdbc.sql("select count(*) from scheduled_publication").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single()).isZero();
		assertThat(this.publications.publishDue()).isZero();
	}

	@Test
	void aTimeThatHasPassedOrThatTheClocksSkipIsRefusedBesideTheFieldAndKept() {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		MvcTestResult none = schedule(session, "2026-12-01T09:00");
		assertThat(none).hasStatus(422);
		assertThat(page(none).select("#publishAt-error").text())
			.isEqualTo("There are no unpublished changes to schedule.");

		stageNewName(session, "Autumn 2027 (renamed)");
		MvcTestResult past = schedule(session, "2026-11-21T12:59");
		assertThat(past).hasStatus(422);
		Document page = page(past);
		assertThat(page.select("#publishAt-error").text()).isEqualTo("Enter a time that is still to come.");
		assertThat(page.select("#publishAt").val()).isEqualTo("2026-11-21T12:59");
		assertThat(page.select("#publishAt").attr("aria-describedby")).contains("publishAt-error");
		// Summer time starts at 02:00 on 28 March 2027: 02:30 does not exist.
		assertThat(page(schedule(session, "2027-03-28T02:30")).select("#publishAt-error").text())
			.contains("There is no 2027-03-28T02:30 in Europe/Stockholm");
		assertThat(page(schedule(session, "next tuesday")).select("#publishAt-error").text()).isNotBlank();
		assertThat(this.jdbc.sql("select count(*) from scheduled_publication").query(Long.class).single()).isZero();
	}

	@Test
	void aScheduleWhoseEditorLostTheInstitutionPublishesNothingAndSaysWhy() {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		stageNewName(session, "Autumn 2027 (renamed)");
		assertThat(schedule(session, "2026-11-21T15:00")).hasRedirectedUrl(reviewUrl());
		this.memberships.replace(this.editorId, this.kth.getId(), Set.of());

		this.clock.setInstant(Instant.parse("2026-11-21T14:00:01Z"));
		assertThat(this.publications.publishDue()).isOne();
		assertThat(roundName()).isEqualTo("Round autumn-2027");
		assertThat(this.jdbc.sql("select failure from scheduled_publication").query(String.class).single())
			.isEqualTo("schedule.failure.not-permitted");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'SCHEDULE_FAILED'")
			.query(Long.class)
			.single()).isOne();
		// A failed schedule is not tried again every second.
		assertThat(this.publications.publishDue()).isZero();

		this.staff.createAt("other@kth.example", "Other KTH editor", this.kth.getId(), StaffRole.EDITOR);
		Document review = page(
				this.mvc.get().uri(reviewUrl()).session(this.staff.signIn("other@kth.example")).exchange());
		assertThat(review.select("#schedule-heading + .alert").text())
			.contains("was not carried out: the person who scheduled it no longer edits this institution's catalogue.");
	}

	@Test
	void publishingByHandCancelsTheSchedule() {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		stageNewName(session, "Autumn 2027 (renamed)");
		assertThat(schedule(session, "2026-11-21T15:00")).hasRedirectedUrl(reviewUrl());
		Document review = page(this.mvc.get().uri(reviewUrl()).session(session).exchange());
		MockHttpServletRequestBuilder publish = MockMvcRequestBuilders.post(reviewUrl() + "/publish")
			.session(session)
			.with(csrf());
		review.select("form[action$=/publish] input[type=hidden]").forEach((input) -> {
			if (!input.attr("name").equals("_csrf")) {
				publish.param(input.attr("name"), input.val());
			}
		});
		assertThat(this.mvc.perform(publish)).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(this.jdbc.sql("select count(*) from scheduled_publication").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select summary from audit_event where action = 'UNSCHEDULE'")
			.query(String.class)
			.single()).endsWith("published before its time");
	}

	@Test
	void aDraftProgrammeScheduledFromItsPreviewGoesPublicAtItsSecond() {
		Programme draft = this.fixtures.programme(this.kth, "robotics", "Robotics");
		this.jdbc.sql("update programme set state = 'DRAFT' where id = ?").param(draft.getId()).update();
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		String preview = "/admin/catalogue/programmes/" + draft.getId();
		assertThat(this.mvc.post()
			.uri(preview + "/schedule")
			.param("publishAt", "2026-11-21T13:30")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl(preview + "/preview");
		assertThat(page(this.mvc.get().uri(preview + "/preview").session(session).exchange())
			.select("#schedule-heading + .alert")
			.text()).contains("go live on 21 November 2026, 13:30 CET");

		this.clock.setInstant(Instant.parse("2026-11-21T12:29:59Z"));
		assertThat(this.publications.publishDue()).isZero();
		assertThat(this.mvc.get().uri("/programmes/robotics").exchange()).hasStatus(404);
		this.clock.setInstant(Instant.parse("2026-11-21T12:30:00Z"));
		assertThat(this.publications.publishDue()).isOne();
		assertThat(this.mvc.get().uri("/programmes/robotics").exchange()).hasStatusOk();
	}

	@Test
	void aDraftCourseScheduledFromItsPreviewGoesPublicAtItsSecond() {
		Course course = this.fixtures.course(this.kth, "DD2424", "Deep Learning in Data Science", (c) -> {
		});
		this.jdbc.sql("update course set state = 'DRAFT' where id = ?").param(course.getId()).update();
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		String base = "/admin/catalogue/courses/" + course.getId();
		assertThat(this.mvc.post()
			.uri(base + "/schedule")
			.param("publishAt", "2026-11-21T13:30")
			.session(session)
			.with(csrf())
			.exchange()).hasRedirectedUrl(base + "/preview");
		assertThat(page(this.mvc.get().uri(base + "/preview").session(session).exchange())
			.select("#schedule-heading + .alert")
			.text()).contains("go live on 21 November 2026, 13:30 CET");
		this.clock.setInstant(Instant.parse("2026-11-21T12:29:59Z"));
		assertThat(this.publications.publishDue()).isZero();
		assertThat(this.mvc.get().uri("/courses/DD2424").exchange()).hasStatus(404);
		this.clock.setInstant(Instant.parse("2026-11-21T12:30:00Z"));
		assertThat(this.publications.publishDue()).isOne();
		assertThat(this.mvc.get().uri("/courses/DD2424").exchange()).hasStatusOk();
	}

	void stageNewName(MockHttpSession session, String name) {
		var values = StaffSessions.formFields(
				page(this.mvc.get().uri(reviewUrl() + "/edit").session(session).exchange()), "form[method=post]");
		values.put("name", name);
		MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(reviewUrl()).session(session).with(csrf());
		values.forEach(post::param);
		assertThat(this.mvc.perform(post)).hasRedirectedUrl(reviewUrl());
	}

	MvcTestResult schedule(MockHttpSession session, String publishAt) {
		return this.mvc.post()
			.uri(reviewUrl() + "/schedule")
			.param("publishAt", publishAt)
			.session(session)
			.with(csrf())
			.exchange();
	}

	String reviewUrl() {
		return RoundRolloverTests.reviewUrl(this.round.getId());
	}

	String roundName() {
		return this.jdbc.sql("select name from application_round").query(String.class).single();
	}

	long catalogueVersion() {
		return this.jdbc.sql("select version from catalogue_version").query(Long.class).single();
	}

}
