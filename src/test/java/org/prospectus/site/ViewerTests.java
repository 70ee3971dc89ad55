package org.prospectus.site;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The layout's header and footer follow who is signed in: staff, an applicant, or nobody.
 */
@PortalIntegrationTest
class ViewerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	Document privacyPageAs(RequestPostProcessor who) {
		var result = this.mvc.get().uri("/privacy").with(who).exchange();
		assertThat(result).hasStatusOk();
		return StaffSessions.page(result);
	}

	@Test
	void nobodySignedInIsOfferedBothSignIns() {
		Document page = privacyPageAs(anonymous());

		assertThat(page.select("footer a[href=/account/sign-in], footer a[href=/login]")).hasSize(2);
		assertThat(page.select("header a[href=/admin], header a[href=/account], header form[method=post]")).isEmpty();
	}

	@Test
	void anApplicantSeesTheirAccountAndSignOut() {
		Document page = privacyPageAs(user("applicant@example.org").roles("APPLICANT"));

		assertThat(page.select("header a[href=/account]")).hasSize(1);
		assertThat(page.select("header form[action=/account/sign-out]")).hasSize(1);
		assertThat(page.select("header a[href=/admin], header form[action=/logout], footer a[href=/login]")).isEmpty();
	}

	@Test
	void anApplicantSignedInThroughTheirOwnSignInSeesTheirAccountOnPublicPagesToo() {
		DatabaseCleaner.clean(this.jdbc);
		MockHttpSession ada = new Applying(this.mvc, this.jdbc).applicant("ada@example.org", "Ada Lovelace");
		var result = this.mvc.get().uri("/privacy").session(ada).exchange();
		assertThat(result).hasStatusOk();
		Document page = StaffSessions.page(result);

		assertThat(page.select("header a[href=/account]")).hasSize(1);
		assertThat(page.select("header form[action=/account/sign-out] input[name=_csrf]")).hasSize(1);
		assertThat(page.select("header a[href=/admin], header form[action=/logout], footer a[href=/login]")).isEmpty();
	}

	@Test
	void everyStaffRoleSeesTheStaffAreaAndSignOut() {
		for (String role : new String[] { "ADMIN", "EDITOR", "ADMISSIONS" }) {
			Document page = privacyPageAs(user("staff@example.org").roles(role));

			assertThat(page.select("header a[href=/admin]")).as(role).hasSize(1);
			assertThat(page.select("header form[action=/logout]")).as(role).hasSize(1);
			assertThat(page
				.select("header a[href=/account], header form[action=/account/sign-out], footer a[href=/login]"))
				.as(role)
				.isEmpty();
		}
	}

}
