package org.prospectus.account;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
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
 * An institution's administrator manages that institution's staff and reads its audit
 * log, and nobody else's (ADR 0018): the portal's staff, another institution's, and what
 * happened there stay out of sight, and answer 404 where an address names them.
 */
@PortalIntegrationTest
class InstitutionAdministrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	long kth;

	long soton;

	long kthEditor;

	long sotonEditor;

	long portalEditor;

	MockHttpSession kthAdmin;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm").getId();
		this.soton = this.fixtures.institution("soton", "Europe/London").getId();
		this.staff.create("portal@uni.example", "Pia Portal", StaffRole.ADMIN);
		this.staff.createAt("admin@kth.example", "Agnes Admin", this.kth, StaffRole.ADMIN);
		this.kthEditor = this.staff.createAt("editor@kth.example", "Kalle Editor", this.kth, StaffRole.EDITOR);
		this.sotonEditor = this.staff.createAt("editor@soton.example", "Sam Editor", this.soton, StaffRole.EDITOR);
		this.portalEditor = this.staff.create("editor@uni.example", "Eddie Editor", StaffRole.EDITOR);
		this.kthAdmin = this.staff.signIn("admin@kth.example");
	}

	@Test
	void theListAndEveryPersonsPageShowOnlyTheInstitutionsOwnStaff() {
		Document list = page(this.mvc.get().uri("/admin/staff").session(this.kthAdmin).exchange());
		assertThat(list.select("tbody td:nth-child(2)").eachText()).containsExactlyInAnyOrder("admin@kth.example",
				"editor@kth.example");
		assertThat(list.select("#institution option").eachText()).containsExactly("University kth");
		for (long other : new long[] { this.sotonEditor, this.portalEditor }) {
			assertThat(this.mvc.get().uri("/admin/staff/{id}", other).session(this.kthAdmin).exchange()).hasStatus(404);
			assertThat(this.mvc.post()
				.uri("/admin/staff/{id}/disable", other)
				.session(this.kthAdmin)
				.with(csrf())
				.exchange()).hasStatus(404);
		}
		Document person = page(
				this.mvc.get().uri("/admin/staff/{id}", this.kthEditor).session(this.kthAdmin).exchange());
		assertThat(person.select("form[action$=/roles]")).as("portal-wide roles are the portal's to give").isEmpty();
		assertThat(person.text()).contains("University kth: Catalogue editor");
	}

	@Test
	void anInstitutionsAdministratorInvitesAndChangesRolesAtTheirInstitutionOnly() {
		assertThat(invite("new@kth.example", this.kth)).hasRedirectedUrl("/admin/staff");
		assertThat(this.jdbc.sql("""
				select m.role from staff_membership m join staff_user u on u.id = m.staff_user_id
				where u.email = 'new@kth.example' and m.institution_id = :kth""")
			.param("kth", this.kth)
			.query(String.class)
			.list()).containsExactly("ADMISSIONS");
		assertThat(this.jdbc
			.sql("select count(*) from staff_role r join staff_user u on u.id = r.staff_user_id "
					+ "where u.email = 'new@kth.example'")
			.query(Long.class)
			.single()).isZero();
		for (String institution : new String[] { Long.toString(this.soton), "" }) {
			MvcTestResult refused = invite("other@kth.example",
					institution.isEmpty() ? null : Long.parseLong(institution));
			assertThat(refused).hasStatusOk();
			assertThat(page(refused).select("#institution-error").text())
				.isEqualTo("Choose one of the institutions you administer.");
		}

		long before = epoch(this.kthEditor);
		assertThat(memberships(this.kthEditor, this.kth, "EDITOR", "ADMISSIONS"))
			.hasRedirectedUrl("/admin/staff/" + this.kthEditor);
		assertThat(epoch(this.kthEditor)).as("the editor's sessions end").isGreaterThan(before);
		assertThat(memberships(this.kthEditor, this.soton, "EDITOR")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/roles", this.kthEditor)
			.param("version", "0")
			.param("roles", "ADMIN")
			.session(this.kthAdmin)
			.with(csrf())
			.exchange()).hasStatus(403);
		long self = this.jdbc.sql("select id from staff_user where email = 'admin@kth.example'")
			.query(Long.class)
			.single();
		assertThat(page(memberships(self, this.kth, "EDITOR")).text())
			.contains("You cannot remove your own administration of an institution.");
	}

	@Test
	void theAuditLogOfAnInstitutionsAdministratorHoldsTheirInstitutionsEventsAndNoOthers() {
		memberships(this.kthEditor, this.kth, "EDITOR", "ADMISSIONS");
		MockHttpSession portal = this.staff.signIn("portal@uni.example");
		assertThat(this.mvc.post()
			.uri("/admin/staff/invite")
			.param("email", "new@soton.example")
			.param("displayName", "Nell Soton")
			.param("roles", "EDITOR")
			.param("institution", Long.toString(this.soton))
			.session(portal)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/admin/staff");

		Document kthLog = page(this.mvc.get().uri("/admin/audit").session(this.kthAdmin).exchange());
		assertThat(kthLog.text()).contains("Changed the roles of editor@kth.example at University kth")
			.doesNotContain("new@soton.example", "Signed in from");
		Document portalLog = page(this.mvc.get().uri("/admin/audit").session(portal).exchange());
		assertThat(portalLog.text()).contains("Invited new@soton.example to University soton",
				"Changed the roles of editor@kth.example at University kth", "Signed in from");
	}

	MvcTestResult invite(String email, Long institution) {
		var request = this.mvc.post()
			.uri("/admin/staff/invite")
			.param("email", email)
			.param("displayName", "New Person")
			.param("roles", "ADMISSIONS")
			.session(this.kthAdmin)
			.with(csrf());
		if (institution != null) {
			request = request.param("institution", institution.toString());
		}
		return request.exchange();
	}

	MvcTestResult memberships(long id, long institution, String... roles) {
		long version = this.jdbc.sql("select version from staff_user where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		var request = this.mvc.post()
			.uri("/admin/staff/{id}/memberships", id)
			.param("version", Long.toString(version))
			.param("institution", Long.toString(institution))
			.param("roles", roles)
			.session(this.kthAdmin)
			.with(csrf());
		return request.exchange();
	}

	long epoch(long id) {
		return this.jdbc.sql("select access_epoch from staff_user where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
