package org.prospectus.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;

/**
 * One address per language (ADR 0035): English unprefixed, Swedish under {@code /sv}, the
 * language decided by the address alone, links and redirects keeping it, and search
 * engines told of both.
 */
@PortalIntegrationTest
class LanguagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	Programme ml;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.ml = this.fixtures.programme(kth, "ml", "Machine Learning");
		Instant deadline = Instant.parse("2027-01-15T22:59:00Z");
		this.fixtures.round(kth, "kth-2027", Instant.now().minus(Duration.ofDays(1)), deadline, this.ml);
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB").exchange();
	}

	@Test
	void theSwedishPageIsSwedishWhateverTheBrowserSaysAndLinksStayInSwedish() throws Exception {
		MvcTestResult result = get("/sv/deadlines");
		assertThat(result).hasStatusOk();
		Document page = page(result);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sista ansökningsdagar");
		assertThat(page.select("main").text()).contains("15 januari 2027 kl. 23.59 CET");
		assertThat(page.select("header nav a").eachAttr("href")).contains("/sv/programmes", "/sv/deadlines");
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
			.allSatisfy((href) -> assertThat(href).matches("/(static|webjars)/.+"));
		assertThat(result.getResponse().getHeaders(HttpHeaders.VARY)).noneMatch((vary) -> vary.contains("Language"));

		// The calendar feed follows its address's language too.
		String feed = get("/sv/deadlines.ics").getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(feed).contains(this.messages.getMessage("calendar.name.all", null, Locale.forLanguageTag("sv")),
				"http://localhost/sv/programmes/ml");

		Document english = page(get("/deadlines"));
		assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(english.select("main").text()).contains("15 January 2027, 23:59 CET");
	}

	@Test
	void everyPageNamesBothLanguagesAndTheSwitchLeadsToTheSamePage() {
		Document page = page(get("/sv/programmes/ml?tab=1"));
		assertThat(alternates(page)).containsExactly("en http://localhost/programmes/ml",
				"sv http://localhost/sv/programmes/ml", "x-default http://localhost/programmes/ml");
		assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/sv/programmes/ml");
		Element english = page.selectFirst(".language-switch a[hreflang=en]");
		assertThat(english.text()).isEqualTo("English");
		assertThat(english.attr("lang")).isEqualTo("en");
		assertThat(english.attr("href")).isEqualTo("/programmes/ml?tab=1");
		assertThat(english.attr("rel")).isEqualTo("nofollow");
		assertThat(page.select(".language-switch [aria-current]").text()).isEqualTo("Svenska");

		Element swedish = page(get("/programmes/ml")).selectFirst(".language-switch a[hreflang=sv]");
		assertThat(swedish.text()).isEqualTo("Svenska");
		assertThat(swedish.attr("href")).isEqualTo("/sv/programmes/ml");
	}

	/** Through the server, whose error pages are rendered on a dispatch of their own. */
	@Test
	void anAddressInALanguageNotOfferedIsTheSites404() throws Exception {
		for (String uri : List.of("/de/programmes", "/en/programmes", "/sv-SE/programmes", "/SV/programmes")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", uri);
			assertThat(response.status()).as(uri).isEqualTo(404);
			assertThat(Jsoup.parse(response.body()).selectFirst("html").attr("lang")).as(uri).isEqualTo("en");
		}
		RawHttp.Response missing = RawHttp.send(this.port, "GET", "/sv/programmes/no-such-programme");
		assertThat(missing.status()).isEqualTo(404);
		Document page = Jsoup.parse(missing.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("sv");
		assertThat(page.selectFirst("h1").text())
			.isEqualTo(this.messages.getMessage("error.404.heading", null, Locale.forLanguageTag("sv")));
		assertThat(page.select("header nav a").eachAttr("href")).contains("/sv/programmes");
	}

	@Test
	void aRedirectKeepsTheLanguage() {
		MvcTestResult result = get("/sv/account");
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getRedirectedUrl()).contains("/sv/account/sign-in");
	}

	@Test
	void theSitemapListsEveryPageInEveryLanguageWithItsAlternates() throws Exception {
		Document sitemap = org.jsoup.Jsoup.parse(get("/sitemap.xml").getResponse().getContentAsString(),
				org.jsoup.parser.Parser.xmlParser());
		List<String> locations = sitemap.select("url > loc").eachText();
		assertThat(locations).contains("http://localhost/programmes/ml", "http://localhost/sv/programmes/ml");
		Element swedish = sitemap.select("url")
			.stream()
			.filter((url) -> url.selectFirst("loc").text().equals("http://localhost/sv/programmes/ml"))
			.findFirst()
			.orElseThrow();
		assertThat(swedish.select("xhtml|link")).extracting((link) -> link.attr("hreflang") + " " + link.attr("href"))
			.containsExactly("en http://localhost/programmes/ml", "sv http://localhost/sv/programmes/ml");
		String robots = get("/robots.txt").getResponse().getContentAsString();
		assertThat(robots.lines()).contains("Disallow: /admin", "Disallow: /sv/admin", "Disallow: /sv/account");
	}

	/**
	 * A catalogue text is shown in the language it is written in, marked with it so that
	 * screen readers switch voice, and the page says it is not translated.
	 */
	@Test
	void catalogueTextsInAnotherLanguageThanThePageAreMarkedAndSaidToBeUntranslated() {
		this.jdbc.sql("update programme set summary = 'Learn how machines learn.' where slug = 'ml'").update();
		Document swedish = page(get("/sv/programmes/ml"));
		assertThat(swedish.selectFirst("h1").attr("lang")).isEqualTo("en");
		assertThat(swedish.selectFirst("p.lead").attr("lang")).isEqualTo("en");
		assertThat(swedish.select(".untranslated").text()).isEqualTo(this.messages.getMessage("texts.untranslated",
				new Object[] { "engelska" }, Locale.forLanguageTag("sv")));
		assertThat(swedish.select("main nav[aria-label] a").first().hasAttr("lang")).isFalse();

		Document english = page(get("/programmes/ml"));
		assertThat(english.select("main [lang]")).isEmpty();
		assertThat(english.select(".untranslated")).isEmpty();

		this.jdbc.sql("update institution set main_language = 'sv' where slug = 'kth'").update();
		Document written = page(get("/programmes/ml"));
		assertThat(written.selectFirst("h1").attr("lang")).isEqualTo("sv");
		assertThat(written.select(".untranslated").text()).contains("Swedish");
		assertThat(page(get("/sv/programmes/ml")).select("main [lang], .untranslated")).isEmpty();
		assertThat(page(get("/sv/deadlines")).select("main [lang]")).isEmpty();
		assertThat(page(get("/deadlines")).select("main a[lang=sv]").eachText()).contains("Machine Learning");
	}

	/**
	 * An institution's own texts are shown in the page's language where translated, and
	 * in its main language, marked, where not (issue 29).
	 */
	@Test
	void anInstitutionsTextsAreInThePagesLanguageWhereTranslatedAndMarkedWhereNot() {
		this.jdbc.sql("""
				update institution set awarding_body = 'University kth', regulator_note = 'Reviewed by the authority.',
				    translations = '{"sv": {"name": "Universitetet kth", "regulatorNote": "Granskas av myndigheten."}}'
				where slug = 'kth'""").update();
		Document swedish = page(get("/sv/programmes/ml"));
		assertThat(swedish.selectFirst("header p.fs-5").text()).startsWith("Universitetet kth");
		assertThat(swedish.selectFirst("header p.fs-5").hasAttr("lang")).isFalse();
		assertThat(swedish.selectFirst("p.small:containsOwn(Granskas av myndigheten.)").hasAttr("lang")).isFalse();
		assertThat(swedish.selectFirst("dd:containsOwn(University kth)").attr("lang")).isEqualTo("en");
		assertThat(swedish.select("script[type=application/ld+json]").html()).contains("Universitetet kth");

		Document english = page(get("/programmes/ml"));
		assertThat(english.select("main").text()).contains("University kth", "Reviewed by the authority.")
			.doesNotContain("Granskas", "Universitetet");
		assertThat(english.select("main [lang]")).isEmpty();
	}

	static List<String> alternates(Document page) {
		return page.select("head link[rel=alternate][hreflang]")
			.stream()
			.map((link) -> link.attr("hreflang") + " " + link.attr("href"))
			.toList();
	}

}
