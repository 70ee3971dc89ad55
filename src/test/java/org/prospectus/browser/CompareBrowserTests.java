package org.prospectus.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant picks two machine-learning masters from the search with "Add to
 * comparison" and reads their deadlines side by side, without JavaScript doing any of it.
 */
class CompareBrowserTests extends BrowserTestBase {

	@Test
	void picksTwoProgrammesFromTheSearchAndComparesTheirDeadlines() {
		Page page = this.context.newPage();
		page.navigate("/programmes?q=machine+learning");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("2 programmes found");

		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions()
					.setName(Pattern.compile("^Add to comparison\\W+" + BrowserCatalogue.OTHER_PROGRAMME_TITLE + ",")))
			.click();
		page.waitForURL("**/compare?p=" + BrowserCatalogue.OTHER_PROGRAMME);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add another programme")).click();
		page.waitForURL("**/programmes?compare=" + BrowserCatalogue.OTHER_PROGRAMME);
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions()
					.setName(Pattern.compile("^Add to comparison\\W+" + BrowserCatalogue.PROGRAMME_TITLE + ",")))
			.click();
		page.waitForURL("**/compare?p=" + BrowserCatalogue.OTHER_PROGRAMME + "&p=" + BrowserCatalogue.PROGRAMME);
		this.browser.screenshot(page, "compare-two");

		Locator headings = page.locator("table.compare-table thead th[scope=col]");
		assertThat(headings)
			.hasText(new String[] { BrowserCatalogue.OTHER_PROGRAMME_TITLE, BrowserCatalogue.PROGRAMME_TITLE });
		Locator deadline = page.locator("table.compare-table tr[data-row=DEADLINE] td");
		assertThat(deadline).hasCount(2);
		for (String cell : deadline.allInnerTexts()) {
			assertThat(cell).contains("23:59")
				.contains("(" + BrowserCatalogue.ZONE + ")")
				.contains("closes in 30 days");
		}
		assertThat(page.locator("table.compare-table tr[data-row=CAREERS] td a"))
			.hasText(new String[] { "Data scientist", "Data scientist" });
		BrowserTestBase.assertAccessible(page, "comparison of two programmes");
	}

	@Test
	void onAPhoneEveryRowBecomesACardThatNamesEachProgramme() {
		Page page = this.context.newPage();
		page.setViewportSize(375, 800);
		page.navigate("/compare?p=" + BrowserCatalogue.PROGRAMME + "&p=" + BrowserCatalogue.OTHER_PROGRAMME);
		this.browser.screenshot(page, "compare-phone");
		Locator row = page.locator("table.compare-table tr[data-row=DURATION]");
		assertThat(row.evaluate("(e) => getComputedStyle(e).display")).isEqualTo("block");
		Object labels = row.locator("td")
			.evaluateAll("(cells) => cells.map((c) => getComputedStyle(c, '::before').content)");
		assertThat(labels.toString()).contains(BrowserCatalogue.PROGRAMME_TITLE)
			.contains(BrowserCatalogue.OTHER_PROGRAMME_TITLE);
		assertThat(page.locator("body").evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
			.isEqualTo(true);
		BrowserTestBase.assertAccessible(page, "comparison on a phone");
	}

}
