package org.prospectus.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.applications.UploadFiles;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.PdfText;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admissions officer filters the queue to a submitted application, opens it, verifies
 * a document, meets the reason rule beside its field, and makes a conditional offer of
 * the first choice; the applicant sees "under review" until the round's notification date
 * and the offer from then on (the clock is moved), and accepts it through the
 * confirmation page; the officer records the condition met, and the applicant downloads
 * the letter, which says the offer is now unconditional. Axe checks every page on the
 * way.
 */
class ReviewBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "lantern marmalade orbit cello";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Locator field(Locator scope, String label) {
		return scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
	}

	static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	static void press(Page page, String button) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
	}

	long programme(String slug) {
		return this.jdbc.sql("select id from programme where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	/**
	 * Each member of staff is shown only what they may do, checked with axe: in KTH's
	 * round made joint with Southampton, Southampton's officer sees no document verdicts;
	 * KTH's officer checks the fee receipt, which makes the fee paid; the portal
	 * administrator opens the officer's roles at Southampton as held and adds one without
	 * losing the other.
	 */
	@Test
	void eachMemberOfStaffIsShownOnlyWhatTheyMayDo() {
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		Programme sotonMl = this.fixtures.programme(soton, "soton-ml", "Machine Learning");
		this.jdbc.sql("""
				insert into round_programme (round_id, programme_id)
				select r.id, :programme from application_round r where r.slug = :round""")
			.param("programme", sotonMl.getId())
			.param("round", BrowserCatalogue.ROUND)
			.update();
		this.jdbc.sql("""
				update institution set fee_exempt_countries = '{SE}', application_fee_amount = 900,
				application_fee_currency = 'SEK', payment_instructions = 'Pay by bank giro 123-4567.'
				where slug = 'kth'""").update();
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession ada = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(ada, BrowserCatalogue.ROUND);
		applying.fillEverything(ada, id, "IN", sotonMl.getId(), programme(BrowserCatalogue.PROGRAMME));
		applying.upload(ada, id, "FEE_RECEIPT", "receipt.pdf", UploadFiles.pdf("Paid: SEK 900"));
		Assertions.assertThat(applying.submit(ada, id).getResponse().getRedirectedUrl())
			.isEqualTo("/applications/" + id);
		long sotonOfficer = this.staff.createAt("officer.soton@uni.example", "Sam Soton", soton.getId(),
				StaffRole.ADMISSIONS);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.staff.create("admin@uni.example", "Ada Admin", StaffRole.ADMIN);

		Page partner = signedIn("officer.soton@uni.example");
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(partner);
		partner.navigate("/admin/applications/" + id);
		assertThat(partner.locator("#partner-note")).containsText("University kth coordinates this round");
		assertThat(partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the verdict")))
			.hasCount(0);
		assertAccessible(partner, "a joint round's application, to its partner");

		Page coordinator = signedIn("officer@uni.example");
		coordinator.navigate("/admin/applications/fee-receipts");
		assertAccessible(coordinator, "fee receipts to check");
		field(coordinator, "Verified").check();
		press(coordinator, "Record the verdict");
		assertThat(coordinator.getByRole(AriaRole.STATUS)).isVisible();
		Assertions.assertThat(this.jdbc.sql("select fee_status from application").query(String.class).single())
			.isEqualTo("PAID");

		Page admin = signedIn("admin@uni.example");
		admin.navigate("/admin/staff/" + sotonOfficer);
		Locator atSoton = admin.locator(".membership-" + soton.getId());
		assertThat(field(atSoton, "Admissions officer")).isChecked();
		assertAccessible(admin, "a member of staff's roles");
		field(atSoton, "Catalogue editor").check();
		atSoton.getByRole(AriaRole.BUTTON).click();
		Assertions
			.assertThat(this.jdbc.sql("select role from staff_membership where staff_user_id = :id order by role")
				.param("id", sotonOfficer)
				.query(String.class)
				.list())
			.containsExactly("ADMISSIONS", "EDITOR");
		assertThat(field(admin.locator(".membership-" + soton.getId()), "Admissions officer")).isChecked();
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

	@Test
	void anOfficerAdmitsAnApplicantWhoSeesTheOfferFromTheNotificationDate() {
		this.jdbc.sql("update institution set fee_exempt_countries = '{SE}', offer_conditions = '{\"Degree awarded\"}'")
			.update();
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession ada = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(ada, BrowserCatalogue.ROUND);
		applying.fillEverything(ada, id, "SE", programme(BrowserCatalogue.PROGRAMME),
				programme(BrowserCatalogue.OTHER_PROGRAMME));
		Assertions.assertThat(applying.submit(ada, id).getResponse().getRedirectedUrl())
			.isEqualTo("/applications/" + id);
		this.accounts.replacePassword(
				this.accounts.findOrCreate("officer@uni.example", "Olivia Officer", EnumSet.of(StaffRole.ADMISSIONS)),
				PASSWORD);

		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/login");
		field(page, "E-mail address").fill("officer@uni.example");
		field(page, "Password").fill(PASSWORD);
		press(page, "Sign in");
		page.navigate("/admin/applications");
		field(page, "Status").selectOption("SUBMITTED");
		field(page, "Name, e-mail address or reference").fill("lovelace");
		press(page, "Show");
		assertAccessible(page, "the filtered queue");
		String reference = this.jdbc.sql("select reference from application").query(String.class).single();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference).setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("Ada Lovelace");
		assertAccessible(page, "application detail");

		Locator transcript = page.locator("#check-transcript");
		field(transcript, "Verified").check();
		transcript.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the verdict")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("The verdict is recorded.");
		assertThat(page.locator("#check-transcript .badge")).hasText("Verified");

		field(page, "New status").selectOption("NOT_ADMITTED");
		press(page, "Save the status");
		assertThat(page.locator("#reason-error")).hasText("Give the reason.");
		assertAccessible(page, "a status change without its reason");

		for (String status : new String[] { "ELIGIBILITY_CHECKED", "UNDER_REVIEW" }) {
			field(page, "New status").selectOption(status);
			press(page, "Save the status");
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("The status is saved.");
		}
		field(page, "New status").selectOption("ADMITTED");
		// Each choice names its institution: a joint round's programmes may share a
		// title.
		field(page, "Programme").selectOption(new SelectOption()
			.setLabel(BrowserCatalogue.PROGRAMME_TITLE + ", University " + BrowserCatalogue.INSTITUTION));
		field(page, "Degree awarded").check();
		press(page, "Save the status");
		assertThat(page.locator("#summary .badge")).hasText("Admitted");
		assertThat(page.locator("#summary"))
			.containsText("Not yet: the decision is e-mailed from the notification date");
		this.browser.screenshot(page, "application-detail-admitted");
		assertAccessible(page, "an admitted application");
		Assertions.assertThat(cspErrors.messages()).isEmpty();

		BrowserContext applicantContext = this.browser.newContext("http://localhost:" + this.port);
		try {
			Page mine = applicantContext.newPage();
			mine.navigate("/account/sign-in");
			field(mine, "E-mail address").fill("ada@example.org");
			field(mine, "Password").fill(Applying.PASSWORD);
			press(mine, "Sign in");
			mine.navigate("/applications/" + id);
			assertThat(mine.getByRole(AriaRole.MAIN)).containsText("Under review");
			assertThat(mine.getByRole(AriaRole.MAIN)).not().containsText("offered a place");

			Instant notification = this.jdbc.sql("select notification_at from application_round where slug = :slug")
				.param("slug", BrowserCatalogue.ROUND)
				.query(Timestamp.class)
				.single()
				.toInstant();
			this.clock.setInstant(notification);
			mine.reload();
			assertThat(mine.getByRole(AriaRole.MAIN))
				.containsText("You are offered a place on " + BrowserCatalogue.PROGRAMME_TITLE + ".");
			assertThat(mine.locator("#offers")).containsText("Degree awarded: not yet checked");
			this.browser.screenshot(mine, "applicant-offer");
			assertAccessible(mine, "the applicant's offer");

			mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accept this offer")).click();
			assertThat(mine.getByRole(AriaRole.MAIN)).containsText("You can accept one offer in this round.");
			assertAccessible(mine, "accepting the offer");
			press(mine, "Yes, accept the offer");
			assertThat(mine.getByRole(AriaRole.STATUS)).containsText("You have accepted the offer.");
			assertThat(mine.locator("#offers")).containsText("Accepted");

			page.reload();
			page.locator("#offers")
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Met").setExact(true))
				.click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("The condition is recorded.");
			assertThat(page.locator("#offers")).containsText("Unconditional");
			assertAccessible(page, "the offer with its condition met");

			mine.reload();
			assertThat(mine.locator("#offers")).containsText("Unconditional");
			Download letter = mine.waitForDownload(() -> mine
				.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download your decision letter (PDF)"))
				.click());
			Assertions.assertThat(letter.suggestedFilename()).isEqualTo("decision-" + reference + ".pdf");
			try (InputStream in = letter.createReadStream()) {
				Assertions.assertThat(PdfText.of(in.readAllBytes()))
					.contains("Offer of a place", "The offer is unconditional.", "You accepted the offer on");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Assertions.assertThat(cspErrors.messages()).isEmpty();
		}
		finally {
			applicantContext.close();
		}
	}

}
