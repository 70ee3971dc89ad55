package org.prospectus.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.prospectus.browser.ReviewBrowserTests.field;
import static org.prospectus.browser.ReviewBrowserTests.press;

/**
 * Selective review in a browser (issue 30), axe on every page: an officer saves a blind
 * two-read plan with a rubric and spreads the round's application over two readers after
 * a preview; each reader scores it in a browser of their own, the second seeing the
 * first's score only after submitting; their totals differ by more than the plan allows,
 * so a third read goes to the third reader; the officer sees the score and makes an
 * offer.
 */
class ReadingBrowserTests extends BrowserTestBase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void twoBlindReadsThatDisagreeCallForAThirdAndTheOfficerOffersAPlace() {
		this.jdbc.sql("update institution set fee_exempt_countries = '{SE}'").update();
		long programme = this.jdbc.sql("select id from programme where slug = :slug")
			.param("slug", BrowserCatalogue.PROGRAMME)
			.query(Long.class)
			.single();
		long other = this.jdbc.sql("select id from programme where slug = :slug")
			.param("slug", BrowserCatalogue.OTHER_PROGRAMME)
			.query(Long.class)
			.single();
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession ada = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(ada, BrowserCatalogue.ROUND);
		applying.fillEverything(ada, id, "SE", programme, other);
		applying.submit(ada, id);
		long kth = this.jdbc.sql("select id from institution where slug = :slug")
			.param("slug", BrowserCatalogue.INSTITUTION)
			.query(Long.class)
			.single();
		this.staff.createAt("officer@uni.example", "Olivia Officer", kth, StaffRole.ADMISSIONS);
		this.staff.createAt("rut@uni.example", "Rut Reader", kth, StaffRole.READER);
		this.staff.createAt("sven@uni.example", "Sven Reader", kth, StaffRole.READER);
		this.staff.createAt("tilde@uni.example", "Tilde Reader", kth, StaffRole.READER);

		Page officer = signedIn("officer@uni.example");
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(officer);
		officer.navigate("/admin");
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review plans")).click();
		assertAccessible(officer, "the review plans");
		officer
			.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName(BrowserCatalogue.PROGRAMME_TITLE).setExact(true))
			.click();
		field(officer, "Reads per application").selectOption("2");
		field(officer, "Blind reads").check();
		field(officer, "Difference that calls for one more read").fill("two");
		field(officer, "Criterion 1").fill("Academic record");
		field(officer, "Scale of criterion 1").fill("5");
		field(officer, "Weight of criterion 1").fill("2");
		field(officer, "Criterion 2").fill("Motivation");
		field(officer, "Scale of criterion 2").fill("5");
		field(officer, "Weight of criterion 2").fill("1");
		press(officer, "Save the plan");
		assertThat(officer.locator("#disagreement-error")).containsText("points");
		assertThat(field(officer, "Criterion 2")).hasValue("Motivation");
		assertAccessible(officer, "a review plan refused beside its field");
		field(officer, "Difference that calls for one more read").fill("2");
		press(officer, "Save the plan");
		assertThat(officer.getByRole(AriaRole.STATUS)).containsText("The review plan is saved.");
		field(officer, "Tilde Reader (0 open)").uncheck();
		press(officer, "Preview the assignment");
		assertThat(officer.locator("#preview tbody tr")).hasCount(2);
		assertAccessible(officer, "a bulk assignment's preview");
		press(officer, "Assign 2 reads");
		assertThat(officer.getByRole(AriaRole.STATUS)).containsText("2 reads assigned.");

		read("rut@uni.example", "5", "5", "A first-class record and a clear plan.", true);
		read("sven@uni.example", "1", "2", "The statement is thin.", false);
		// 10 and 2.67 out of 10 differ by more than 2 points: Tilde reads it too.
		read("tilde@uni.example", "4", "4", "Good, not outstanding.", false);

		// The queue, highest score first, shows the score and the disagreement in words.
		officer.navigate("/admin/applications");
		field(officer, "Order").selectOption("score");
		press(officer, "Show");
		assertThat(officer.getByRole(AriaRole.MAIN)).containsText("6.89 / 10");
		assertThat(officer.getByRole(AriaRole.MAIN)).containsText("reads disagree");
		assertAccessible(officer, "the queue by review score");
		String reference = this.jdbc.sql("select reference from application").query(String.class).single();
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference).setExact(true)).click();
		assertThat(officer.locator("#score")).hasText("Score: 6.89 / 10");
		assertThat(officer.locator("#read-list tbody tr")).hasCount(3);
		assertAccessible(officer, "an application's reads and scores");
		for (String status : new String[] { "ELIGIBILITY_CHECKED", "UNDER_REVIEW" }) {
			field(officer, "New status").selectOption(status);
			press(officer, "Save the status");
			assertThat(officer.getByRole(AriaRole.STATUS)).containsText("The status is saved.");
		}
		field(officer, "New status").selectOption("ADMITTED");
		field(officer, "Programme").selectOption(new SelectOption()
			.setLabel(BrowserCatalogue.PROGRAMME_TITLE + ", University " + BrowserCatalogue.INSTITUTION));
		press(officer, "Save the status");
		assertThat(officer.locator("#summary .badge")).hasText("Admitted");
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

	/**
	 * One reader's read in a browser of their own: the desk, the read beside the
	 * application, blind until submitted.
	 * @param first whether no other read is submitted yet
	 */
	private void read(String email, String academic, String motivation, String comment, boolean first) {
		Page page = signedIn(email);
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		page.navigate("/admin");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your reads")).click();
		assertAccessible(page, "a reader's desk");
		page.locator("#to-read tbody a").first().click();
		assertThat(page.locator("#others-hidden")).isVisible();
		page.locator("fieldset:has(legend:has-text('Academic record'))")
			.getByLabel(academic, new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		field(page, "Comment").fill(comment);
		press(page, "Save draft");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your draft is saved.");
		assertAccessible(page, "a read with its draft");
		press(page, "Submit the read");
		assertThat(page.locator("[id^='scores'][id$='-error']")).containsText("Give a score");
		assertThat(field(page, "Comment")).hasValue(comment);
		page.locator("fieldset:has(legend:has-text('Motivation'))")
			.getByLabel(motivation, new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		press(page, "Submit the read");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your read is submitted.");
		page.locator("#main a:has-text('Ada Lovelace'), ul a:has-text('Ada Lovelace')").first().click();
		if (first) {
			assertThat(page.locator("#others")).containsText("No other read is submitted yet.");
		}
		else {
			assertThat(page.locator("#others")).containsText("Rut Reader: 10.00 / 10");
		}
		Assertions.assertThat(cspErrors.messages()).isEmpty();
		page.context().close();
	}

}
