package org.prospectus.browser;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Term;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a prospective student does: searches from the home page, opens a programme, reads
 * when applications close, follows a course from the programme's plan and gets its
 * syllabus as a PDF. Runs in a real Chromium against the running portal, so it also
 * proves that the pages work under the production Content Security Policy.
 */
class PublicJourneyBrowserTests extends BrowserTestBase {

	@Test
	void visitorSearchesFindsProgrammeFollowsCourseAndGetsSyllabusPdf() {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);

		page.navigate("/");
		this.browser.screenshot(page, "1-home");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Find your programme")))
			.isVisible();

		// The home page's own search box, not the one in the header.
		Locator search = page.getByRole(AriaRole.MAIN).getByLabel("Search programmes");
		search.fill("machine learning");
		search.press("Enter");
		page.waitForURL("**/programmes?q=machine+learning");
		this.browser.screenshot(page, "2-search-results");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 programmes found");

		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName(BrowserCatalogue.PROGRAMME_TITLE).setExact(true))
			.click();
		page.waitForURL("**/programmes/" + BrowserCatalogue.PROGRAMME);
		this.browser.screenshot(page, "3-programme");
		Locator round = page.getByRole(AriaRole.REGION,
				new Page.GetByRoleOptions().setName("Applications for " + BrowserCatalogue.ROUND_NAME));
		assertThat(round).containsText("Open for applications");
		assertThat(round).containsText("closes in");
		// Every time is given in the institution's named zone, not the visitor's.
		assertThat(round).containsText(BrowserCatalogue.ZONE);
		// Opens, deadline, documents, results and start: no separate fee deadline.
		assertThat(round.locator("time")).hasCount(5);

		page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Year 1, Spring term"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(BrowserCatalogue.COURSE))
			.click();
		page.waitForURL("**/courses/" + BrowserCatalogue.COURSE);
		this.browser.screenshot(page, "4-course");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(BrowserCatalogue.COURSE + " " + BrowserCatalogue.COURSE_TITLE);
		Locator modules = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Examination modules"));
		Locator moduleRows = modules.locator("tbody tr");
		assertThat(moduleRows).hasCount(2);
		assertThat(moduleRows.nth(0).locator("td"))
			.hasText(new String[] { "TEN1", "Examination", "3.0", "A, B, C, D, E, FX, F" });
		assertThat(moduleRows.nth(1).locator("td")).hasText(new String[] { "LAB2", "Laboratory work", "4.5", "P, F" });
		Locator offerings = page.getByRole(AriaRole.REGION,
				new Page.GetByRoleOptions().setName("Current and upcoming offerings"));
		assertThat(offerings.getByRole(AriaRole.ARTICLE)).hasCount(1);
		Term term = Term.containing(this.offeringStart);
		String season = term.season().name().charAt(0) + term.season().name().substring(1).toLowerCase(Locale.ROOT);
		// Years are labels, not quantities: "Spring 2027", never "Spring 2,027".
		assertThat(offerings.getByRole(AriaRole.ARTICLE).getByRole(AriaRole.HEADING)).hasText(season + " " + term.year()
				+ ", starts " + DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(this.offeringStart));
		assertThat(offerings).containsText(season + " " + term.year() + ": P3 (7.5 credits)");
		assertThat(offerings).containsText(BrowserCatalogue.APPLICATION_CODE);

		// Chromium shows the inline PDF in its viewer, which keeps the bytes to itself:
		// the response tells what was served, and the same URL fetched through the
		// page's own request context gives the bytes.
		Locator pdfLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Course syllabus as PDF"));
		Response served = page.waitForResponse((response) -> response.url().endsWith("/syllabus.pdf"), pdfLink::click);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.headers()).containsEntry("content-type", "application/pdf");
		assertThat(served.headers().get("content-disposition")).startsWith("inline");
		APIResponse pdf = page.request().get(served.url());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers()).containsEntry("content-type", "application/pdf");
		assertThat(new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII)).isEqualTo("%PDF");

		// The version picker: the past syllabus version has its own page and PDF.
		page.navigate("/courses/" + BrowserCatalogue.COURSE);
		Locator versions = page.getByRole(AriaRole.NAVIGATION,
				new Page.GetByRoleOptions().setName("Every version of this syllabus"));
		assertThat(versions.getByRole(AriaRole.LISTITEM)).hasCount(2);
		Locator past = versions.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("(past)"));
		past.getByRole(AriaRole.LINK).click();
		String slug = BrowserCatalogue.PAST_SYLLABUS.slug();
		page.waitForURL("**/courses/" + BrowserCatalogue.COURSE + "/syllabus/" + slug);
		assertThat(versions.locator("[aria-current=page]")).hasCount(1);
		assertThat(versions.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("(past)")))
			.containsText("(shown below)");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Neural networks for images.");
		assertAccessible(page, "past syllabus version");
		Response versionPdf = page.waitForResponse((response) -> response.url().endsWith("/" + slug + ".pdf"),
				page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Course syllabus as PDF"))::click);
		assertThat(versionPdf.status()).isEqualTo(200);
		assertThat(versionPdf.headers()).containsEntry("content-type", "application/pdf");

		assertThat(cspErrors.messages()).isEmpty();
	}

	/**
	 * A person half way through a form switches to Swedish and back: each time the page
	 * is in the other language with what they typed still there (issue 29), the password
	 * never kept.
	 */
	@Test
	void switchingLanguageKeepsWhatWasTyped() {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/account/register");
		page.locator("#fullName").fill("Ada Lovelace");
		page.locator("#email").fill("ada@example.org");
		page.locator("#password").fill("a long and secret passphrase");

		page.locator(".language-switch a[hreflang=sv]").click();
		page.waitForURL("**/sv/account/register");
		assertThat(page.locator("html")).hasAttribute("lang", "sv");
		assertThat(page.locator("#fullName")).hasValue("Ada Lovelace");
		assertThat(page.locator("#email")).hasValue("ada@example.org");
		assertThat(page.locator("#password")).hasValue("");
		this.browser.screenshot(page, "register-sv");

		page.locator("#fullName").fill("Ada King");
		page.locator(".language-switch a[hreflang=en]").click();
		page.waitForURL("**/account/register");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("#fullName")).hasValue("Ada King");
		page.reload();
		// Kept once, for the switch only.
		assertThat(page.locator("#fullName")).hasValue("");
		assertThat(cspErrors.messages()).isEmpty();
	}

}
