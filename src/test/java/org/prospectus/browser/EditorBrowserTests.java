package org.prospectus.browser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.staging.ScheduledPublications;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A catalogue editor moves an application deadline, reviews and previews it and publishes
 * it, and the public programme page shows the new date in the institution's zone; then
 * changes a programme fact and a course's syllabus the same way, meeting the validation
 * beside the field on the way. Axe checks every staff page visited; an administrator then
 * finds the changes in the audit log.
 */
class EditorBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "lantern marmalade orbit cello";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	ScheduledPublications publications;

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
	void anEditorChangesSeedFactsThroughReviewPreviewAndPublish() {
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
		assertThat(field(page, "Application deadline")).hasValue(Pattern.compile("2020-01-01T12:00(:00)?"));
		this.browser.screenshot(page, "round-edit-error");
		assertAccessible(page, "round edit form with an error");

		LocalDateTime moved = was.plusDays(3);
		String before = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH).format(was);
		String expected = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH).format(moved);
		setValue(field(page, "Application deadline"), moved.toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and review")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Saved your changes to " + BrowserCatalogue.ROUND_NAME);
		assertThat(page.locator("tr.table-warning")).containsText("Application deadline");
		this.browser.screenshot(page, "round-review");
		assertAccessible(page, "round review");
		String review = page.url();

		// Saved but not published: visitors still see the old deadline.
		page.navigate("/programmes/" + BrowserCatalogue.PROGRAMME);
		assertThat(page.locator(".round-status")).containsText(before);

		// The preview of a programme in the round shows the moved deadline.
		page.navigate(review);
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Preview " + BrowserCatalogue.PROGRAMME_TITLE).setExact(true))
			.click();
		assertThat(page.locator(".round-status")).containsText(expected);
		assertAccessible(page, "programme preview with a moved deadline");

		page.navigate(review);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish these changes")).click();
		assertThat(page.getByRole(AriaRole.MAIN))
			.containsText("Published the changes to " + BrowserCatalogue.ROUND_NAME);
		page.navigate("/programmes/" + BrowserCatalogue.PROGRAMME);
		assertThat(page.locator(".round-status")).containsText(expected);
		assertThat(page.locator(".round-timeline")).containsText(BrowserCatalogue.ZONE);

		// A programme fact: edited, previewed through the public template, then
		// published.
		page.navigate("/admin/catalogue/programmes?q=" + BrowserCatalogue.PROGRAMME_TITLE.replace(' ', '+'));
		assertAccessible(page, "programmes list");
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Edit " + BrowserCatalogue.PROGRAMME_TITLE + " of University kth"))
			.click();
		assertAccessible(page, "programme edit form");
		// Bootstrap animates every scroll: on this long form the submit button moved
		// under
		// the pointer for over two seconds after a field was typed in, before a click
		// landed.
		Assertions.assertThat(page.evaluate("getComputedStyle(document.documentElement).scrollBehavior"))
			.isEqualTo("auto");
		field(page, "Duration in months").fill("many");
		field(page, "Summary").fill("Learn to build and question machine learning systems, now with a lab year.");
		// The careers the programme leads to are the editor's to choose, ticked as held.
		assertThat(field(page, "Data scientist")).isChecked();
		field(page, "Data scientist").uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and preview")).click();
		assertThat(page.locator("#durationMonths-error")).hasText("Enter a whole number from 1 to 120.");
		assertThat(field(page, "Summary"))
			.hasValue("Learn to build and question machine learning systems, now with a lab year.");
		assertThat(field(page, "Data scientist")).not().isChecked();
		assertAccessible(page, "programme edit form with an error");
		field(page, "Duration in months").fill("24");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and preview")).click();
		assertThat(page.locator("#preview-heading")).containsText("Published");
		assertThat(page.locator(".preview-banner")).containsText("Unpublished changes saved by editor@uni.example");
		// What publishing will change, the summary word by word.
		assertThat(page.locator("#pending-changes")).hasText("What publishing will change");
		assertThat(page.locator("section[aria-labelledby=pending-changes] .word-diff ins").last())
			.containsText("now with a lab year.");
		assertThat(page.locator("p.lead"))
			.hasText("Learn to build and question machine learning systems, now with a lab year.");
		this.browser.screenshot(page, "programme-preview");
		assertAccessible(page, "programme preview");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish these changes")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Published " + BrowserCatalogue.PROGRAMME_TITLE);
		page.navigate("/programmes/" + BrowserCatalogue.PROGRAMME);
		assertThat(page.locator("a[href='/careers#" + BrowserCatalogue.CAREER + "']")).hasCount(0);
		assertThat(page.locator("p.lead"))
			.hasText("Learn to build and question machine learning systems, now with a lab year.");

		// Next year's fee, prepared beside this year's.
		page.navigate("/admin/catalogue/programmes?q=" + BrowserCatalogue.PROGRAMME_TITLE.replace(' ', '+'));
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Edit " + BrowserCatalogue.PROGRAMME_TITLE + " of University kth"))
			.click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Years of entry")).click();
		assertAccessible(page, "years of entry");
		page.locator("form[action$='/years'] button").click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("as a draft copy of the year before");
		assertAccessible(page, "a year of entry");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit this year")).click();
		field(page, "Tuition").fill("160000");
		assertAccessible(page, "a year of entry's form");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and review")).click();
		assertThat(page.locator("tr.table-warning")).containsText("160000");

		// A course fact: a syllabus module renamed, with the credits check on the way.
		page.navigate("/admin/catalogue/courses?q=" + BrowserCatalogue.COURSE);
		assertAccessible(page, "courses list");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Open " + BrowserCatalogue.COURSE + " " + BrowserCatalogue.COURSE_TITLE)).click();
		assertAccessible(page, "course staff page");
		// The current version, listed after the course's past one.
		page.locator("a[href*='/syllabuses/'][href$='/edit']").last().click();
		assertAccessible(page, "syllabus form");
		page.locator("[id='modules[1].credits']").fill("5");
		page.locator("[id='modules[1].name']").fill("Laboratory assignments");
		page.locator("form[method=post] button[type=submit].btn-primary").click();
		assertThat(page.locator("#modules-error"))
			.containsText("The modules add up to 8.0 credits, but the course has 7.5 credits");
		assertThat(page.locator("[id='modules[1].name']")).hasValue("Laboratory assignments");
		assertAccessible(page, "syllabus form with an error");
		page.locator("[id='modules[1].credits']").fill("4.5");
		page.locator("form[method=post] button[type=submit].btn-primary").click();
		// Saving goes on to the preview; wait for it rather than race the save.
		page.waitForURL("**/admin/catalogue/courses/*/preview");
		assertThat(page.locator("#preview-heading")).containsText("Published");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Laboratory assignments");
		assertAccessible(page, "course preview");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish these changes")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Published " + BrowserCatalogue.COURSE);
		page.navigate("/courses/" + BrowserCatalogue.COURSE);
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Laboratory assignments");

		// Every other catalogue form passes axe too.
		page.navigate("/admin/catalogue/courses?q=" + BrowserCatalogue.COURSE);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Open " + BrowserCatalogue.COURSE + " " + BrowserCatalogue.COURSE_TITLE)).click();
		String coursePage = page.url();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the course")).click();
		assertAccessible(page, "course edit form");
		page.navigate(coursePage);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an offering")).click();
		assertAccessible(page, "new offering form");
		page.locator("form[method=post] button[type=submit].btn-primary").click();
		assertAccessible(page, "new offering form with errors");
		page.navigate("/admin/catalogue/courses/new");
		assertAccessible(page, "new course form");
		page.navigate("/admin/catalogue/institutions");
		assertAccessible(page, "institutions list");
		page.navigate("/admin/catalogue/programmes?q=" + BrowserCatalogue.PROGRAMME_TITLE.replace(' ', '+'));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Preview " + BrowserCatalogue.PROGRAMME_TITLE + " of University kth")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Course description document")).click();
		assertAccessible(page, "course description upload");

		page.navigate("/admin/catalogue/programmes/new");
		assertAccessible(page, "new programme form");
		page.navigate("/admin/catalogue/rounds/new");
		assertAccessible(page, "new round: choose the institution");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and review")).click();
		assertThat(page.locator("#slug-error")).hasText("Enter an address name, such as kth-autumn-2027.");
		assertAccessible(page, "new round form with errors");

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
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

	/**
	 * The issue's journey: an editor rolls the round over in two clicks, checks the
	 * preview, schedules the draft to go live a minute from now, and it goes live when
	 * the job runs at that minute (the tests run the job themselves, with the clock set).
	 */
	@Test
	void anEditorRollsARoundOverAndSchedulesTheCopyToGoLiveOnItsOwn() {
		this.accounts.replacePassword(
				this.accounts.findOrCreate("editor@uni.example", "Eddie Editor", EnumSet.of(StaffRole.EDITOR)),
				PASSWORD);
		long roundId = this.jdbc.sql("select id from application_round where slug = ?")
			.param(BrowserCatalogue.ROUND)
			.query(Long.class)
			.single();
		Page page = this.context.newPage();
		BrowserSupport.CspErrors cspErrors = BrowserSupport.CspErrors.watch(page);
		signIn(page, "editor@uni.example");
		page.navigate("/admin/catalogue/rounds/" + roundId);
		try {
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roll over to next year")).click();
			assertThat(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Roll " + BrowserCatalogue.ROUND_NAME + " over to next year")))
				.isVisible();
			assertThat(page.locator("table caption")).containsText(BrowserCatalogue.ZONE);
			assertAccessible(page, "rollover preview");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the draft")).click();
			assertThat(page.getByRole(AriaRole.MAIN)).containsText("Created the draft round");
			assertThat(page.getByRole(AriaRole.MAIN)).containsText("This round has never been published");
			String copy = page.locator("h1").textContent();

			// The clock stands still from here, so that "a minute from now" is still to
			// come however long the browser takes.
			this.clock.setInstant(this.clock.instant());
			ZoneId zone = ZoneId.of(BrowserCatalogue.ZONE);
			LocalDateTime at = LocalDateTime.ofInstant(this.clock.instant(), zone)
				.plusMinutes(1)
				.truncatedTo(ChronoUnit.MINUTES);
			setValue(field(page, "Time to go live, Stockholm time (Europe/Stockholm)"), at.toString());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule publication")).click();
			assertThat(page.getByRole(AriaRole.MAIN)).containsText("These changes go live on");
			assertAccessible(page, "round review with a schedule");

			Assertions.assertThat(this.publications.publishDue()).isZero();
			this.clock.setInstant(at.atZone(zone).toInstant());
			Assertions.assertThat(this.publications.publishDue()).isOne();
			page.reload();
			assertThat(page.getByRole(AriaRole.MAIN)).containsText("This round has no unpublished changes");
			Assertions.assertThat(copy).contains(BrowserCatalogue.ROUND_NAME + " 20");
		}
		finally {
			this.clock.reset();
		}
		Assertions.assertThat(cspErrors.messages()).isEmpty();
	}

}
