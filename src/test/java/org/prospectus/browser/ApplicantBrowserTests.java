package org.prospectus.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person registers, meets the password rules beside the field, confirms the address
 * with the e-mailed link and signs in; axe checks every page on the way.
 */
class ApplicantBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "quartz meadow lantern 2027";

	static final Pattern VERIFY = Pattern.compile("https?://[^/\\s]+(/account/verify\\?token=[\\w-]+)");

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	@Test
	void aPersonRegistersConfirmsTheAddressAndSignsIn() {
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/account/sign-in");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No account yet? Create one")).click();

		field(page, "Full name").fill("Grace Hopper");
		field(page, "E-mail address").fill("grace@example.org");
		field(page, "Password").fill("password123");
		field(page, "Type the new password again").fill("password123");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account")).click();
		assertThat(page.locator("#password-error")).hasText("Use at least 12 characters.");
		assertThat(field(page, "Full name")).hasValue("Grace Hopper");
		assertAccessible(page, "registration with an error");

		field(page, "Password").fill(PASSWORD);
		field(page, "Type the new password again").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
			.isVisible();

		String body = this.jdbc.sql("select text_body from mail_outbox where recipient = 'grace@example.org'")
			.query(String.class)
			.single();
		Matcher link = VERIFY.matcher(body);
		org.assertj.core.api.Assertions.assertThat(link.find()).as("verification link in " + body).isTrue();
		page.navigate(link.group(1));
		assertAccessible(page, "confirm the address");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my address")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your address is confirmed");

		field(page, "E-mail address").fill("grace@example.org");
		field(page, "Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Grace Hopper")))
			.isVisible();
		this.browser.screenshot(page, "applicant-account");
		assertAccessible(page, "applicant account");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("You are signed out.");
		org.assertj.core.api.Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
