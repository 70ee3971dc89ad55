package org.prospectus.browser;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A catalogue editor moves an application deadline, meets the validation beside the field
 * on the way, and the public programme page shows the new date in the institution's zone.
 * Axe checks every staff page on the way; an administrator then finds the change in the
 * audit log.
 */
class EditorBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "lantern marmalade orbit cello";

	@Autowired
	StaffAccounts accounts;

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	/**
	 * Sets a datetime-local field with seconds, which Playwright's fill() does not
	 * accept; the browser then submits it as if it had been picked.
	 */
	static void setValue(Locator input, String value) {
		input.evaluate("(element, value) => { element.value = value; }", value);
	}

	void signIn(Page page, String email) {
		page.navigate("/login");
		field(page, "E-mail address").fill(email);
		field(page, "Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff area"))).isVisible();
	}

	@Test
	void editorMovesTheDeadlineAndThePublicPageShowsIt() {
		this.accounts.replacePassword(
				this.accounts.findOrCreate("editor@uni.example", "Eddie Editor", EnumSet.of(StaffRole.EDITOR)),
				PASSWORD);
		this.accounts.replacePassword(
				this.accounts.findOrCreate("admin@uni.example", "Ada Admin", EnumSet.of(StaffRole.ADMIN)), PASSWORD);
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		signIn(page, "editor@uni.example");
		assertAccessible(page, "staff area");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Application rounds")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText(BrowserCatalogue.ROUND_NAME);
		assertAccessible(page, "rounds list");
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Edit " + BrowserCatalogue.ROUND_NAME + " of University kth"))
			.click();
		assertAccessible(page, "round edit form");

		// A deadline before the opening is refused beside the field, and the typed value
		// stays.
		Locator deadline = field(page, "Application deadline");
		LocalDateTime was = LocalDateTime.parse(deadline.inputValue());
		setValue(deadline, "2020-01-01T12:00:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#deadline-error"))
			.hasText("The application deadline must come after applications open.");
		assertThat(field(page, "Application deadline"))
			.hasValue(java.util.regex.Pattern.compile("2020-01-01T12:00(:00)?"));
		this.browser.screenshot(page, "round-edit-error");
		assertAccessible(page, "round edit form with an error");

		LocalDateTime moved = was.plusDays(3);
		setValue(field(page, "Application deadline"), moved.toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Saved the round " + BrowserCatalogue.ROUND_NAME);

		page.navigate("/programmes/" + BrowserCatalogue.PROGRAMME);
		String expected = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH).format(moved);
		assertThat(page.locator(".round-status")).containsText(expected);
		assertThat(page.locator(".round-timeline")).containsText(BrowserCatalogue.ZONE);

		// The staff preview of a programme is the public template with the editor's
		// actions on top.
		page.navigate("/admin/catalogue/programmes?q=" + BrowserCatalogue.PROGRAMME_TITLE.replace(' ', '+'));
		assertAccessible(page, "programmes list");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Preview " + BrowserCatalogue.PROGRAMME_TITLE + " of University kth")).click();
		assertThat(page.locator("#preview-heading")).containsText("Published");
		assertThat(page.locator(".round-status")).containsText(expected);
		this.browser.screenshot(page, "programme-preview");
		assertAccessible(page, "programme preview");

		page.navigate("/admin/catalogue/institutions/new");
		assertAccessible(page, "new institution form");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#name-error")).hasText("Enter the institution's name.");
		this.browser.screenshot(page, "institution-form-errors");
		assertAccessible(page, "institution form with errors");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		signIn(page, "admin@uni.example");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff accounts")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Eddie Editor");
		assertAccessible(page, "staff accounts");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eddie Editor")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("editor@uni.example");
		assertAccessible(page, "a staff account");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff area").setExact(true)).first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
		assertThat(page.locator(".audit-table")).containsText("editor@uni.example");
		assertThat(page.locator(".audit-table")).containsText("Application deadline");
		this.browser.screenshot(page, "audit-log");
		assertAccessible(page, "audit log");
		org.assertj.core.api.Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
