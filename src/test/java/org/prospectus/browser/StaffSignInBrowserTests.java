package org.prospectus.browser;

import java.util.EnumSet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffUser;
import org.prospectus.account.TokenPurpose;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The first administrator's way in, as a person takes it: the single-use link, a refused
 * weak password with its message beside the field, a good one, signing in, the staff area
 * and signing out, with axe on every page on the way.
 */
class StaffSignInBrowserTests extends BrowserTestBase {

	@Autowired
	StaffAccounts accounts;

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	@Test
	void firstAdministratorSetsAPasswordSignsInAndSignsOut() {
		StaffUser admin = this.accounts.findOrCreate("first.admin@uni.example", "Frida First",
				EnumSet.of(StaffRole.ADMIN));
		String token = this.accounts.issueToken(admin, TokenPurpose.BOOTSTRAP);
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);

		page.navigate("/staff/set-password?token=" + token);
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Choose a password for Frida First");
		assertAccessible(page, "set-password");

		field(page, "New password").fill("password1234");
		field(page, "Type the new password again").fill("password1234");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
		assertThat(page.locator("#password-error"))
			.hasText("This password is too common or too easy to guess. " + "Try a few unrelated words.");
		assertThat(field(page, "New password")).hasValue("");
		this.browser.screenshot(page, "set-password-error");
		assertAccessible(page, "set-password with an error");

		field(page, "New password").fill("ribbon tundra falcon 1987");
		field(page, "Type the new password again").fill("ribbon tundra falcon 1987");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your password is set.");

		field(page, "E-mail address").fill("first.admin@uni.example");
		field(page, "Password").fill("ribbon tundra falcon 1987");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff area"))).isVisible();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Administrator");
		this.browser.screenshot(page, "staff-area");
		assertAccessible(page, "staff area");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("You are signed out.");
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
