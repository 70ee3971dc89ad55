package org.prospectus.browser;

import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page, rendered by a real browser with our CSS, passes axe's WCAG 2.2 A and
 * AA rules and breaks no Content Security Policy rule. Each page is its own test, so a
 * report names the page and lists every violation with the elements to fix.
 */
class AccessibilityBrowserTests extends BrowserTestBase {

	/** Name, path, status and a text that proves the page shows what it should. */
	static Stream<Arguments> publicPages() {
		String filters = "q=learning&institution=" + BrowserCatalogue.INSTITUTION
				+ "&level=MASTER&mode=CAMPUS&pace=FULL_TIME&language=en&duration=UP_TO_TWO_YEARS&topic="
				+ BrowserCatalogue.TOPIC.replace(' ', '+') + "&open=true";
		return Stream
			.of(Arguments.of("home", "/", 200, "Open and upcoming application rounds"),
					Arguments.of("search", "/programmes", 200, "2 programmes found"),
					Arguments.of("search-query", "/programmes?q=machine+learning", 200, "2 programmes found"),
					Arguments.of("search-filters", "/programmes?" + filters, 200, "2 programmes found"),
					Arguments.of("search-no-results", "/programmes?q=astrophysics", 200, "No programmes found"),
					Arguments.of("programme", "/programmes/" + BrowserCatalogue.PROGRAMME, 200, "closes in"),
					Arguments.of("programme-past-year",
							"/programmes/" + BrowserCatalogue.PROGRAMME + "/entry/" + BrowserCatalogue.PAST_ENTRY_YEAR,
							200, "which has closed"),
					Arguments.of("programme-retired", "/programmes/" + BrowserCatalogue.RETIRED_PROGRAMME, 200,
							"This programme is no longer offered"),
					Arguments.of("course", "/courses/" + BrowserCatalogue.COURSE, 200, "Examination modules"),
					Arguments.of("course-past-syllabus",
							"/courses/" + BrowserCatalogue.COURSE + "/syllabus/"
									+ BrowserCatalogue.PAST_SYLLABUS.slug(),
							200, "Every version of this syllabus"),
					Arguments.of("deadlines", "/deadlines", 200, BrowserCatalogue.ROUND_NAME),
					Arguments.of("compare",
							"/compare?p=" + BrowserCatalogue.PROGRAMME + "&p=" + BrowserCatalogue.OTHER_PROGRAMME
									+ "&p=no-such-programme",
							200, "closes in"),
					Arguments.of("compare-empty", "/compare", 200, "You have not picked any programmes"),
					Arguments.of("careers", "/careers", 200, "Programmes that lead here"),
					Arguments.of("guide", "/guide", 200, "Questions people ask"),
					Arguments.of("finder", "/finder", 200, "When would you like to start?"),
					Arguments.of("search-budget-start",
							"/programmes?maxTuition=400000&currency=SEK&compare=" + BrowserCatalogue.PROGRAMME, 200,
							"1 programme found"),
					Arguments.of("not-found", "/programmes/no-such-thing", 404, "We cannot find that page"),
					Arguments.of("sign-in", "/login", 200, "Staff sign-in"),
					Arguments.of("sign-in-failed", "/login?error", 200, "Sign-in did not work"),
					Arguments.of("set-password-unusable-link", "/staff/set-password?token=nope", 200,
							"This link has expired or has been used already."),
					Arguments.of("applicant-register", "/account/register", 200, "Create an account to apply"),
					Arguments.of("applicant-check-email", "/account/register/check-email", 200, "Check your e-mail"),
					Arguments.of("applicant-verify-unusable", "/account/verify?token=nope", 200,
							"This link does not work"),
					Arguments.of("applicant-sign-in", "/account/sign-in?error", 200, "Sign-in did not work"),
					Arguments.of("applicant-forgot-password", "/account/forgot-password?sent", 200,
							"a link to choose a new password is on its way"),
					Arguments.of("applicant-reset-unusable", "/account/reset-password?token=nope", 200,
							"This link does not work"),
					Arguments.of("privacy", "/privacy", 200, "Cookies"),
					Arguments.of("privacy-institution", "/privacy/" + BrowserCatalogue.INSTITUTION, 200,
							"How long it is kept"),
					Arguments.of("accessibility", "/accessibility", 200, "Enforcement procedure"),
					Arguments.of("contact", "/contact", 200, "Contact an admissions office"),
					Arguments.of("contact-institution", "/contact/" + BrowserCatalogue.INSTITUTION, 200,
							"Contact the admissions office of"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("publicPages")
	void pageMeetsWcagAndContentSecurityPolicy(String name, String path, int status, String expectedText) {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		Response response = page.navigate(path);
		this.browser.screenshot(page, name);
		assertThat(response.status()).as("status of %s", path).isEqualTo(status);
		// A page that failed to render, or shows the wrong state, proves nothing.
		assertThat(page.getByRole(AriaRole.MAIN)).containsText(expectedText);

		assertAccessible(page, path);
		assertThat(cspErrors.messages()).as("Content Security Policy errors on %s", path).isEmpty();
	}

	/**
	 * The same pages in Swedish (ADR 0035): longer words, another language's name on the
	 * switch, and catalogue texts that may be in another language than the page.
	 */
	@ParameterizedTest(name = "{0}: /sv{1}")
	@MethodSource("publicPages")
	void swedishPageMeetsWcagAndContentSecurityPolicy(String name, String path, int status, String expectedText) {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		String swedish = "/sv" + path;
		Response response = page.navigate(swedish);
		this.browser.screenshot(page, name + "-sv");
		assertThat(response.status()).as("status of %s", swedish).isEqualTo(status);
		assertThat(page.locator("html")).hasAttribute("lang", "sv");

		assertAccessible(page, swedish);
		assertThat(cspErrors.messages()).as("Content Security Policy errors on %s", swedish).isEmpty();
	}

}
