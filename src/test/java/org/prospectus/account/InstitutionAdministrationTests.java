package org.prospectus.account;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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
	void theMembershipFormOpensOnTheRolesHeldAndAddingOneKeepsTheOthers() {
		this.jdbc
			.sql("insert into staff_membership (staff_user_id, institution_id, role) values (:id, :kth, 'ADMISSIONS')")
			.param("id", this.kthEditor)
			.param("kth", this.kth)
			.update();
		Document person = page(
				this.mvc.get().uri("/admin/staff/{id}", this.kthEditor).session(this.kthAdmin).exchange());
		String form = "form.membership-" + this.kth;
		assertThat(person.select(form + " input[name=roles][checked]").eachAttr("value"))
			.as("the form shows what the person holds there")
			.containsExactlyInAnyOrder("EDITOR", "ADMISSIONS");
		MultiValueMap<String, String> fields = fields(person, form);
		fields.add("roles", "ADMIN");
		assertThat(post(this.kthEditor, fields, this.kthAdmin)).hasRedirectedUrl("/admin/staff/" + this.kthEditor);
		assertThat(rolesAt(this.kthEditor, this.kth)).containsExactlyInAnyOrder("EDITOR", "ADMISSIONS", "ADMIN");

		MockHttpSession portal = this.staff.signIn("portal@uni.example");
		Document portalView = page(this.mvc.get().uri("/admin/staff/{id}", this.kthEditor).session(portal).exchange());
		assertThat(portalView.select("form.membership-new select[name=institution] option").eachText())
			.as("another institution is added with a form of its own")
			.containsExactly("University soton");
		MultiValueMap<String, String> added = fields(portalView, "form.membership-new");
		added.add("roles", "EDITOR");
		assertThat(post(this.kthEditor, added, portal)).hasRedirectedUrl("/admin/staff/" + this.kthEditor);
		assertThat(rolesAt(this.kthEditor, this.soton)).containsExactly("EDITOR");
		assertThat(rolesAt(this.kthEditor, this.kth)).containsExactlyInAnyOrder("EDITOR", "ADMISSIONS", "ADMIN");
	}

	@Test
	void aMembershipFormShownBeforeSomeoneElseChangedTheRolesThereIsRefusedNotApplied() {
		Document first = page(
				this.mvc.get().uri("/admin/staff/{id}", this.kthEditor).session(this.kthAdmin).exchange());
		Document second = page(
				this.mvc.get().uri("/admin/staff/{id}", this.kthEditor).session(this.kthAdmin).exchange());
		String form = "form.membership-" + this.kth;
		MultiValueMap<String, String> addsAdmissions = fields(first, form);
		addsAdmissions.add("roles", "ADMISSIONS");
		assertThat(post(this.kthEditor, addsAdmissions, this.kthAdmin))
			.hasRedirectedUrl("/admin/staff/" + this.kthEditor);
		MultiValueMap<String, String> addsAdmin = fields(second, form);
		addsAdmin.add("roles", "ADMIN");
		MvcTestResult stale = post(this.kthEditor, addsAdmin, this.kthAdmin);
		assertThat(stale).hasStatus(409);
		assertThat(page(stale).text()).contains("Someone else saved", "Admissions officer");
		assertThat(rolesAt(this.kthEditor, this.kth)).as("nothing removed, nothing overwritten")
			.containsExactlyInAnyOrder("EDITOR", "ADMISSIONS");
	}

	@Test
	void theStaffListAndTheDashboardNameEachRoleWithItsInstitution() {
		Document list = page(this.mvc.get().uri("/admin/staff").session(this.kthAdmin).exchange());
		assertThat(list.select("tbody tr:has(td:containsOwn(editor@kth.example)) td:nth-child(3)").text())
			.isEqualTo("Catalogue editor at University kth");
		MockHttpSession editor = this.staff.signIn("editor@kth.example");
		Document dashboard = page(this.mvc.get().uri("/admin").session(editor).exchange());
		assertThat(dashboard.select("ul.your-roles li").eachText())
			.containsExactly("Catalogue editor at University kth");
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

	/**
	 * Saves roles at an institution from a form that showed what the person holds there
	 * now.
	 */
	MvcTestResult memberships(long id, long institution, String... roles) {
		var request = this.mvc.post()
			.uri("/admin/staff/{id}/memberships", id)
			.param("institution", Long.toString(institution))
			.param("shown", rolesAt(id, institution).toArray(String[]::new))
			.param("roles", roles)
			.session(this.kthAdmin)
			.with(csrf());
		return request.exchange();
	}

	MvcTestResult post(long id, MultiValueMap<String, String> fields, MockHttpSession session) {
		return this.mvc.post()
			.uri("/admin/staff/{id}/memberships", id)
			.params(fields)
			.session(session)
			.with(csrf())
			.exchange();
	}

	List<String> rolesAt(long id, long institution) {
		return this.jdbc.sql("select role from staff_membership where staff_user_id = :id and institution_id = :at")
			.param("id", id)
			.param("at", institution)
			.query(String.class)
			.list();
	}

	/** A form's fields as a browser sends them, every ticked box of a name among them. */
	static MultiValueMap<String, String> fields(Document page, String formSelector) {
		assertThat(page.select(formSelector)).as(formSelector).hasSize(1);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (Element field : page.select(formSelector + " input[name], " + formSelector + " select[name]")) {
			if (field.attr("name").equals("_csrf")
					|| (field.attr("type").equals("checkbox") && !field.hasAttr("checked"))) {
				continue;
			}
			Element option = field.selectFirst("option[selected]");
			values.add(field.attr("name"), !field.tagName().equals("select") ? field.attr("value")
					: ((option != null) ? option : field.child(0)).attr("value"));
		}
		return values;
	}

	long epoch(long id) {
		return this.jdbc.sql("select access_epoch from staff_user where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
