package org.prospectus.applications;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An applicant's pages in Swedish (issue 29): every page of the application has a Swedish
 * address that says the same thing in Swedish, and an application submitted there is
 * confirmed by a Swedish e-mail with Swedish links.
 */
@PortalIntegrationTest
class ApplyingInSwedishTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	Applying applying;

	Applying.Catalogue catalogue;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.applying = new Applying(this.mvc, this.jdbc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	MvcTestResult get(MockHttpSession session, String uri) {
		return this.mvc.get().uri(uri).session(session).exchange();
	}

	@Test
	void everyApplicantPageHasASwedishAddressInSwedish() {
		MockHttpSession session = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(session);
		this.applying.fillEverything(session, id, "SE", this.catalogue.ml(), this.catalogue.applied());
		List<String> pages = new ArrayList<>(List.of("/account", "/applications/new?round=autumn-2027",
				"/applications/" + id, "/applications/" + id + "/review", "/applications/" + id + "/documents",
				"/account/data", "/account/close"));
		for (Step step : Step.values()) {
			pages.add("/applications/" + id + "/steps/" + step.slug());
		}
		for (String path : pages) {
			MvcTestResult english = get(session, path);
			MvcTestResult swedish = get(session, "/sv" + path);
			assertThat(swedish.getResponse().getStatus()).as("/sv" + path).isEqualTo(english.getResponse().getStatus());
			if (english.getResponse().getStatus() != 200) {
				continue;
			}
			Document sv = page(swedish);
			assertThat(sv.selectFirst("html").attr("lang")).as(path).isEqualTo("sv");
			assertThat(sv.select("h1").text()).as("the heading of /sv" + path)
				.isNotEqualTo(page(english).select("h1").text());
			assertThat(sv.select("main a[href^=/], main form[action^=/]"))
				.allSatisfy((link) -> assertThat(link.hasAttr("href") ? link.attr("href") : link.attr("action"))
					.as("a link on /sv" + path)
					.matches("/sv/.*|/static/.*|/webjars/.*|/applications/.*/documents/.*"));
		}
	}

	@Test
	void anApplicationSubmittedInSwedishIsConfirmedInSwedish() {
		MockHttpSession session = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(session);
		this.applying.fillEverything(session, id, "SE", this.catalogue.ml(), this.catalogue.applied());
		Document review = page(get(session, "/sv/applications/" + id + "/review"));
		MvcTestResult submitted = this.mvc.post()
			.uri("/sv/applications/{id}/submit", id)
			.param("submitKey", review.select("input[name=submitKey]").val())
			.param("declaration", "yes")
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(submitted.getResponse().getRedirectedUrl()).startsWith("/sv/applications/" + id);
		String body = this.jdbc
			.sql("select text_body from mail_outbox where subject <> :verify order by id desc limit 1")
			.param("verify", "Confirm your e-mail address for Prospectus")
			.query(String.class)
			.single();
		assertThat(body).contains("Hej Ada Lovelace", "/sv/applications/" + id);
	}

}
