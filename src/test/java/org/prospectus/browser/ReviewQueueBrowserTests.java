package org.prospectus.browser;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.review.ReviewData;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admissions officer opens the queue from the staff area, filters it, ticks an
 * application, previews a status change and confirms it, then opens the dashboard. Axe
 * checks every review page on the way, and no page breaks the Content Security Policy.
 */
class ReviewQueueBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "lantern marmalade orbit cello";

	@Autowired
	StaffAccounts accounts;

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	@Test
	void anOfficerFiltersTheQueueAndChangesAStatusAfterAPreview() {
		this.accounts.replacePassword(
				this.accounts.findOrCreate("officer@uni.example", "Olive Officer", EnumSet.of(StaffRole.ADMISSIONS)),
				PASSWORD);
		long round = this.jdbc.sql("select id from application_round where slug = :slug")
			.param("slug", BrowserCatalogue.ROUND)
			.query(Long.class)
			.single();
		List<Long> programmes = this.jdbc.sql("select id from programme where slug in (:slugs) order by slug desc")
			.param("slugs", List.of(BrowserCatalogue.PROGRAMME, BrowserCatalogue.OTHER_PROGRAMME))
			.query(Long.class)
			.list();
		ReviewData data = new ReviewData(this.jdbc);
		String[][] people = { { "QUEUE001", "Ada Lovelace" }, { "QUEUE002", "Grace Hopper" },
				{ "QUEUE003", "Alan Turing" } };
		for (int i = 0; i < people.length; i++) {
			ReviewData.Spec spec = new ReviewData.Spec(people[i][0], round);
			spec.name = people[i][1];
			spec.choices = programmes;
			spec.submittedAt = Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z");
			spec.status = (i == 2) ? ApplicationStatus.UNDER_REVIEW : ApplicationStatus.SUBMITTED;
			spec.missingDocuments = i == 1;
			data.submitted(spec);
		}

		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/login");
		field(page, "E-mail address").fill("officer@uni.example");
		field(page, "Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Applications").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Applications"))).isVisible();
		assertThat(page.locator("table.queue-table tbody tr")).hasCount(3);
		assertAccessible(page, "applications queue");

		field(page, "Status").selectOption("SUBMITTED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		assertThat(page.locator("table.queue-table tbody tr")).hasCount(2);
		assertThat(page).hasURL(Pattern.compile(".*status=SUBMITTED.*"));
		this.browser.screenshot(page, "review-queue-filtered");
		assertAccessible(page, "filtered applications queue");

		page.getByLabel("Select QUEUE002").check();
		field(page, "New status").selectOption("ELIGIBILITY_CHECKED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the change")).click();
		assertThat(page.locator("#changes tbody tr")).hasCount(1);
		assertThat(page.locator("#changes")).containsText("Grace Hopper");
		this.browser.screenshot(page, "review-bulk-preview");
		assertAccessible(page, "bulk status change preview");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change 1 application")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("1 application changed to Eligibility checked");
		assertAccessible(page, "bulk status change result");

		// The whole view, previewed: one can move to not admitted only with a reason.
		page.navigate("/admin/applications");
		page.getByLabel("All 3 applications in this view").check();
		field(page, "New status").selectOption("NOT_ADMITTED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the change")).click();
		assertThat(page.locator("#refused tbody tr")).hasCount(3);
		assertAccessible(page, "bulk preview where nothing can change");

		page.navigate("/admin/applications/dashboard");
		assertThat(page.locator("#by-programme")).containsText(BrowserCatalogue.PROGRAMME_TITLE);
		assertThat(page.locator("#per-day tbody tr")).hasCount(3);
		this.browser.screenshot(page, "review-dashboard");
		assertAccessible(page, "applications dashboard");
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
