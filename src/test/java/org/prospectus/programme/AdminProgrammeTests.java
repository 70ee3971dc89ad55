package org.prospectus.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
import org.prospectus.institution.Institution;
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

@PortalIntegrationTest
class AdminProgrammeTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Programme draft;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.fixtures.programme(kth, "ml", "Machine Learning");
		this.draft = this.fixtures.programme(kth, "quantum-ml", "Quantum Machine Learning", (p) -> {
		});
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'quantum-ml'").update();
		this.fixtures.round(kth, "closing-soon", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(12)));
		this.fixtures.round(kth, "far-away", NOW.plus(Duration.ofDays(90)), NOW.plus(Duration.ofDays(120)));
		for (StaffRole role : StaffRole.values()) {
			String email = role.name().toLowerCase() + "@uni.example";
			this.accounts.replacePassword(this.accounts.findOrCreate(email, role.name(), EnumSet.of(role)),
					StaffSessions.PASSWORD);
		}
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	long version() {
		return this.jdbc.sql("select version from programme where slug = 'quantum-ml'").query(Long.class).single();
	}

	@Test
	void aDraftIsPreviewedThroughThePublicTemplateAndPublished() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(this.mvc.get().uri("/programmes/quantum-ml")).hasStatus(404);
		Document preview = page(this.mvc.get()
			.uri("/admin/catalogue/programmes/{id}/preview", this.draft.getId())
			.session(editor)
			.exchange());
		assertThat(preview.select("#preview-heading").text()).isEqualTo("Preview for staff: this programme is Draft");
		assertThat(preview.select("h1").text()).isEqualTo("Quantum Machine Learning");
		assertThat(preview.select("dl.facts").text()).contains("120 ECTS credits");

		assertThat(this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/publish", this.draft.getId())
			.param("version", Long.toString(version()))
			.session(editor)
			.with(csrf())).hasRedirectedUrl("/admin/catalogue/programmes");
		assertThat(this.mvc.get().uri("/programmes/quantum-ml")).hasStatusOk();
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.PUBLISH, null, null, null), 5))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("editor@uni.example");
				assertThat(entry.changes()).singleElement()
					.satisfies((change) -> assertThat(change.before() + " -> " + change.after())
						.isEqualTo("DRAFT -> PUBLISHED"));
			});
	}

	@Test
	void aRetiredProgrammeLeavesSearchButKeepsItsPage() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		long id = this.jdbc.sql("select id from programme where slug = 'ml'").query(Long.class).single();
		long version = this.jdbc.sql("select version from programme where slug = 'ml'").query(Long.class).single();
		assertThat(this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/retire", id)
			.param("version", Long.toString(version))
			.session(editor)
			.with(csrf())).hasRedirectedUrl("/admin/catalogue/programmes");
		assertThat(this.mvc.get().uri("/programmes/ml")).hasStatusOk()
			.bodyText()
			.contains("This programme is no longer offered");
		assertThat(page(this.mvc.get().uri("/programmes").param("q", "machine").exchange()).select(".result-card"))
			.isEmpty();
	}

	@Test
	void publishingFromAStalePageGetsTheConflictPage() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		long stale = version();
		this.jdbc
			.sql("update programme set version = version + 1, title = 'Renamed meanwhile' where slug = 'quantum-ml'")
			.update();
		MvcTestResult result = this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/publish", this.draft.getId())
			.param("version", Long.toString(stale))
			.session(editor)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus(409);
		assertThat(page(result).select("h1").text()).isEqualTo("Someone else saved Renamed meanwhile first");
		assertThat(this.mvc.get().uri("/programmes/quantum-ml")).hasStatus(404);
	}

	@Test
	void theDashboardShowsDraftsAndRoundsOpeningOrClosingWithin30Days() {
		Document dashboard = page(
				this.mvc.get().uri("/admin").session(this.staff.signIn("editor@uni.example")).exchange());
		assertThat(dashboard.select("section[aria-labelledby=drafts] li").text()).contains("Quantum Machine Learning");
		assertThat(dashboard.select("section[aria-labelledby=coming] li").text()).contains("Round closing-soon")
			.doesNotContain("far-away");
	}

	@Test
	void admissionsOfficersSeeNeitherDraftsNorCatalogueTools() {
		MockHttpSession officer = this.staff.signIn("admissions@uni.example");
		assertThat(page(this.mvc.get().uri("/admin").session(officer).exchange())
			.select("section[aria-labelledby=drafts]")).isEmpty();
		assertThat(this.mvc.get().uri("/admin/catalogue/programmes").session(officer)).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/catalogue/programmes/{id}/preview", this.draft.getId()).session(officer))
			.hasStatus(403);
	}

	@Test
	void theStaffListSearchesAndFiltersByState() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Document drafts = page(
				this.mvc.get().uri("/admin/catalogue/programmes").param("state", "DRAFT").session(editor).exchange());
		assertThat(drafts.select("tbody tr")).hasSize(1);
		assertThat(drafts.select("tbody tr").text()).contains("Quantum Machine Learning", "Draft");
		Document search = page(
				this.mvc.get().uri("/admin/catalogue/programmes").param("q", "ML").session(editor).exchange());
		assertThat(search.select("tbody tr")).hasSize(2);
	}

}
