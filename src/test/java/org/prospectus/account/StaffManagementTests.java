package org.prospectus.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditEntry;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
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
class StaffManagementTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long adminId;

	long editorId;

	@BeforeEach
	void staff() {
		DatabaseCleaner.clean(this.jdbc);
		StaffUser admin = this.accounts.findOrCreate("admin@uni.example", "Ada Admin", EnumSet.of(StaffRole.ADMIN));
		this.accounts.replacePassword(admin, StaffSessions.PASSWORD);
		this.adminId = admin.getId();
		StaffUser editor = this.accounts.findOrCreate("editor@uni.example", "Eddie Editor",
				EnumSet.of(StaffRole.EDITOR));
		this.accounts.replacePassword(editor, StaffSessions.PASSWORD);
		this.editorId = editor.getId();
	}

	long version(long staffUserId) {
		return this.jdbc.sql("select version from staff_user where id = ?")
			.param(staffUserId)
			.query(Long.class)
			.single();
	}

	/** The roles form sent as the administrator saw it, at {@code version}. */
	MockMvcTester.MockMvcRequestBuilder changeRoles(MockHttpSession admin, long staffUserId, long version,
			String... roles) {
		return this.mvc.post()
			.uri("/admin/staff/{id}/roles", staffUserId)
			.param("version", Long.toString(version))
			.param("roles", roles)
			.session(admin)
			.with(csrf());
	}

	MvcTestResult follow(MvcTestResult redirect, MockHttpSession session) {
		return this.mvc.get()
			.uri(redirect.getResponse().getRedirectedUrl())
			.session(session)
			.flashAttrs(redirect.getMvcResult().getFlashMap())
			.exchange();
	}

	/**
	 * The administrator invites Nora as an admissions officer, her address typed in
	 * capitals.
	 */
	MvcTestResult inviteNora(MockHttpSession admin) {
		return this.mvc.post()
			.uri("/admin/staff/invite")
			.param("email", "New.Officer@Uni.Example")
			.param("displayName", "Nora Officer")
			.param("roles", "ADMISSIONS")
			.session(admin)
			.with(csrf())
			.exchange();
	}

	@Test
	void anInvitedPersonSetsAPasswordWithTheShownLinkAndSignsInWithTheirRole() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		MvcTestResult invited = inviteNora(admin);
		assertThat(invited).hasRedirectedUrl("/admin/staff");
		String link = page(follow(invited, admin)).select("code.link-to-send").text();
		// The address the request came to: MockMvc's is http://localhost.
		assertThat(link).startsWith("http://localhost/staff/set-password?token=");
		String token = link.substring(link.indexOf("token=") + 6);
		assertThat(this.mvc.post()
			.uri("/staff/set-password")
			.param("token", token)
			.param("password", "ribbon tundra falcon 1987")
			.param("confirmation", "ribbon tundra falcon 1987")
			.with(csrf())).hasRedirectedUrl("/login?passwordSet");
		MockHttpSession officer = this.staff.signIn("new.officer@uni.example", "ribbon tundra falcon 1987");
		assertThat(this.mvc.get().uri("/admin").session(officer)).bodyText().contains("Admissions officer");
		assertThat(this.mvc.get().uri("/admin/staff").session(officer)).hasStatus(403);
		AuditEntry created = this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, null, null, null), 5)
			.get(0);
		assertThat(created.actor()).isEqualTo("admin@uni.example");
		assertThat(created.summary()).isEqualTo("Invited new.officer@uni.example");
	}

	@Test
	void anInvitationIsEmailedWithALinkThatWorksForDaysWhileAResetLinkStaysShort() {
		this.clock.setInstant(Instant.parse("2026-11-23T09:00:00Z"));
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		MvcTestResult invited = inviteNora(admin);
		Document shown = page(follow(invited, admin));
		String link = shown.select("code.link-to-send").text();
		assertThat(shown.select(".alert-success").text()).contains("e-mailed to new.officer@uni.example",
				"30 November 2026, 09:00 UTC");
		String mail = this.jdbc.sql("select subject || '\n' || text_body from mail_outbox where recipient = :to")
			.param("to", "new.officer@uni.example")
			.query(String.class)
			.single();
		assertThat(mail).contains("Nora Officer", link, "30 November 2026, 09:00 UTC");

		this.clock.advance(Duration.ofDays(6));
		assertThat(this.mvc.get().uri(link.substring(link.indexOf("/staff/")))).bodyText()
			.doesNotContain("This link has expired");
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.mvc.get().uri(link.substring(link.indexOf("/staff/")))).bodyText()
			.contains("This link has expired");

		// Someone who has a password and lost it gets a link as short-lived as any reset.
		MockHttpSession again = this.staff.signIn("admin@uni.example");
		page(follow(this.mvc.post().uri("/admin/staff/{id}/link", this.editorId).session(again).with(csrf()).exchange(),
				again));
		String reset = this.jdbc.sql("select text_body from mail_outbox where recipient = :to")
			.param("to", "editor@uni.example")
			.query(String.class)
			.single();
		Matcher token = Pattern.compile("/staff/set-password\\?token=[A-Za-z0-9_-]+").matcher(reset);
		assertThat(token.find()).isTrue();
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.mvc.get().uri(token.group())).bodyText().contains("This link has expired");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aSecondInvitationForTheSameAddressIsRefusedBesideTheFieldKeepingWhatWasTyped() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		MvcTestResult result = this.mvc.post()
			.uri("/admin/staff/invite")
			.param("email", "EDITOR@uni.example")
			.param("displayName", "Somebody Else")
			.param("roles", "EDITOR")
			.session(admin)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk();
		Document page = page(result);
		assertThat(page.select("#email-error").text()).isEqualTo("This e-mail address already has an account.");
		assertThat(page.select("#displayName").val()).isEqualTo("Somebody Else");
	}

	@Test
	void anInvitationNeedsAValidAddressAndARole() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		Document page = page(this.mvc.post()
			.uri("/admin/staff/invite")
			.param("email", "not an address")
			.param("displayName", "Nora")
			.session(admin)
			.with(csrf())
			.exchange());
		assertThat(page.select("#email-error").text())
			.isEqualTo("Enter an e-mail address like name@university.example.");
		assertThat(page.text()).contains("Choose at least one role.");
		assertThat(page.select("#email").val()).isEqualTo("not an address");
	}

	@Test
	void disablingSomeoneEndsTheirSessionAtOnceAndIsAudited() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(this.mvc.get().uri("/admin").session(editor)).hasStatusOk();
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		assertThat(this.mvc.post().uri("/admin/staff/{id}/disable", this.editorId).session(admin).with(csrf()))
			.hasRedirectedUrl("/admin/staff/" + this.editorId);
		assertThat(this.mvc.get().uri("/admin").session(editor)).hasStatus3xxRedirection()
			.hasRedirectedUrl("/login?sessionEnded");
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", "editor@uni.example")
			.param("password", StaffSessions.PASSWORD)
			.with(csrf())).hasRedirectedUrl("/login?error");
		AuditEntry entry = this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, "staff-user", null, null), 5)
			.get(0);
		assertThat(entry.summary()).isEqualTo("Disabled editor@uni.example");
	}

	/**
	 * Another instance cannot expire this instance's sessions, so it only writes the
	 * account; the session must still end here on its next request.
	 */
	@Test
	void aChangeWrittenByAnotherInstanceEndsTheSessionHereToo() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		assertThat(this.mvc.get().uri("/admin").session(editor)).hasStatusOk();

		// Unrelated changes leave the session alone.
		this.jdbc.sql("update staff_user set display_name = 'Eddie E.' where id = :id")
			.param("id", this.editorId)
			.update();
		assertThat(this.mvc.get().uri("/admin").session(editor)).hasStatusOk();

		// As StaffUser.disable() writes it on another instance.
		this.jdbc.sql("update staff_user set enabled = false, access_epoch = access_epoch + 1 where id = :id")
			.param("id", this.editorId)
			.update();
		assertThat(this.mvc.get().uri("/admin/catalogue/programmes").session(editor))
			.hasRedirectedUrl("/login?sessionEnded");
		assertThat(editor.isInvalid()).isTrue();
		assertThat(this.mvc.get().uri("/admin").session(admin)).hasStatusOk();
	}

	@Test
	void rolesOrAPasswordChangedElsewhereEndTheSessionsStartedBefore() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		StaffUser user = this.accounts.findOrCreate("editor@uni.example", "Eddie Editor", EnumSet.of(StaffRole.EDITOR));
		long before = this.jdbc.sql("select access_epoch from staff_user where id = :id")
			.param("id", this.editorId)
			.query(Long.class)
			.single();
		this.accounts.grant(user, StaffRole.ADMISSIONS);
		assertThat(this.jdbc.sql("select access_epoch from staff_user where id = :id")
			.param("id", this.editorId)
			.query(Long.class)
			.single()).isGreaterThan(before);
		assertThat(this.mvc.get().uri("/admin").session(editor)).hasRedirectedUrl("/login?sessionEnded");

		MockHttpSession again = this.staff.signIn("editor@uni.example");
		assertThat(this.mvc.get().uri("/admin").session(again)).hasStatusOk();
		this.accounts.replacePassword(user, "another long passphrase 2027");
		assertThat(this.mvc.get().uri("/admin").session(again)).hasRedirectedUrl("/login?sessionEnded");
	}

	@Test
	void anAdministratorCannotDisableThemselvesOrRemoveTheLastAdministrator() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		assertThat(this.mvc.post().uri("/admin/staff/{id}/disable", this.adminId).session(admin).with(csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("You cannot disable your own account.");
		long version = version(this.adminId);
		assertThat(changeRoles(admin, this.adminId, version, "EDITOR")).hasStatusOk()
			.bodyText()
			.contains("This is the last administrator who can sign in.");
		assertThat(this.jdbc.sql("select role from staff_role where staff_user_id = ?")
			.param(this.adminId)
			.query(String.class)
			.list()).containsExactly("ADMIN");
	}

	@Test
	void theMemberSigningInWhileTheirRolesAreOpenForEditingIsNoConflict() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		long version = version(this.editorId);
		// The editor signs in while the administrator has their roles open: the sign-in
		// time is the account's bookkeeping, not an edit the form could overwrite.
		this.staff.signIn("editor@uni.example");
		assertThat(this.jdbc.sql("select last_sign_in_at is not null from staff_user where id = ?")
			.param(this.editorId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(changeRoles(admin, this.editorId, version, "EDITOR", "ADMISSIONS"))
			.hasRedirectedUrl("/admin/staff/" + this.editorId);
	}

	@Test
	void changingRolesIsAuditedAndAStaleEditGetsTheConflictPage() {
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		long version = version(this.editorId);
		assertThat(changeRoles(admin, this.editorId, version, "EDITOR", "ADMISSIONS"))
			.hasRedirectedUrl("/admin/staff/" + this.editorId);
		AuditEntry entry = this.auditLog.search(new AuditFilter(null, AuditAction.ROLE_CHANGE, null, null, null), 5)
			.get(0);
		assertThat(entry.changes()).singleElement()
			.satisfies((change) -> assertThat(change.before() + " -> " + change.after())
				.isEqualTo("EDITOR -> ADMISSIONS, EDITOR"));
		MvcTestResult stale = this.mvc.post()
			.uri("/admin/staff/{id}/roles", this.editorId)
			.param("version", Long.toString(version))
			.param("roles", "ADMIN")
			.session(admin)
			.with(csrf())
			.exchange();
		assertThat(stale).hasStatus(409);
		assertThat(page(stale).select("tr.table-warning").text()).contains("ADMISSIONS, EDITOR", "ADMIN");
		assertThat(this.jdbc.sql("select role from staff_role where staff_user_id = ? order by role")
			.param(this.editorId)
			.query(String.class)
			.list()).containsExactly("ADMISSIONS", "EDITOR");
	}

	@Test
	void onlyAdministratorsManageStaff() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(this.mvc.get().uri("/admin/staff").session(editor)).hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/staff/{id}/disable", this.adminId).session(editor).with(csrf()))
			.hasStatus(403);
	}

}
