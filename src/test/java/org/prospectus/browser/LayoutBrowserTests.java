package org.prospectus.browser;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as people see them at a laptop's width (1280 px) and a phone's (390 px), with
 * axe at both: a joint round whose two programmes are both called "Machine Learning",
 * named apart and dated in the round's zone everywhere; every answer typed shown back to
 * the applicant and to staff; a header on one row when signed in; the phone's search
 * results before the filters and a programme's essentials before its prose; a progress
 * timeline whose colours say done, now and to come; an audit log that fits the page and
 * names its fields; course-plan selects wide enough for their choices.
 */
class LayoutBrowserTests extends BrowserTestBase {

	static final String PASSWORD = "harbour violin tundra 88";

	static final List<int[]> WIDTHS = List.of(new int[] { 1280, 900 }, new int[] { 390, 844 });

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	/** The spread of the vertical centres of the header's visible parts: 0 on one row. */
	static double headerRowSpread(Page page) {
		return ((Number) page.evaluate("""
				() => {
				  const centres = [...document.querySelector('header .container').children]
				    .filter((e) => e.offsetParent !== null)
				    .map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
				  return Math.max(...centres) - Math.min(...centres);
				}""")).doubleValue();
	}

	/** The ids of visible selects whose longest choice is wider than the box shows. */
	@SuppressWarnings("unchecked")
	static List<String> cutSelects(Page page, String selector) {
		return (List<String>) page.evaluate("""
				(selector) => {
				  const context = document.createElement('canvas').getContext('2d');
				  return [...document.querySelectorAll(selector)].filter((s) => s.offsetParent !== null).filter((s) => {
				    const style = getComputedStyle(s);
				    context.font = style.font;
				    const longest = Math.max(...[...s.options].map((o) => context.measureText(o.text).width));
				    return longest + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) > s.clientWidth + 1;
				  }).map((s) => s.id);
				}""", selector);
	}

	static String beforeColour(Locator item) {
		return (String) item.evaluate("(e) => getComputedStyle(e, '::before').backgroundColor");
	}

	Programme jointRound() {
		Institution kth = this.fixtures.find(Institution.class,
				this.jdbc.sql("select id from institution where slug = :slug")
					.param("slug", BrowserCatalogue.INSTITUTION)
					.query(Long.class)
					.single());
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		Programme partner = this.fixtures.programme(soton, "soton-ml", BrowserCatalogue.PROGRAMME_TITLE);
		Programme ml = this.fixtures.find(Programme.class, programme(BrowserCatalogue.PROGRAMME));
		ZoneId stockholm = ZoneId.of(BrowserCatalogue.ZONE);
		Instant deadline = LocalDate.ofInstant(this.clock.instant(), stockholm)
			.plusDays(20)
			.atTime(LocalTime.of(23, 59, 59))
			.atZone(stockholm)
			.toInstant();
		this.fixtures.round(kth, "joint", this.clock.instant().minusSeconds(86400), deadline, ml, partner);
		return partner;
	}

	long programme(String slug) {
		return this.jdbc.sql("select id from programme where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	String deadlineOfJointRound() {
		Instant at = this.jdbc.sql("select deadline_at from application_round where slug = 'joint'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		return DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH)
			.format(at.atZone(ZoneId.of(BrowserCatalogue.ZONE)));
	}

	@Test
	void publicPagesAtALaptopAndAPhone() {
		jointRound();
		String deadline = deadlineOfJointRound();
		assertThat(deadline).endsWith("23:59 CET");
		for (int[] size : WIDTHS) {
			boolean phone = size[0] < 600;
			Page page = this.context.newPage();
			page.setViewportSize(size[0], size[1]);
			String at = " at " + size[0] + " px";

			// Search: on a phone the filters fold and the first result is on the first
			// screen.
			page.navigate("/programmes?q=machine");
			Locator cards = page.locator(".result-card").filter(new Locator.FilterOptions().setHasText("soton"));
			assertThat(cards).hasCount(1);
			assertThat(cards).containsText(deadline);
			assertThat(cards).not().containsText("GMT");
			if (phone) {
				assertThat(page.getByLabel("Institution", new Page.GetByLabelOptions().setExact(true))).isHidden();
				assertThat(page.locator(".result-card").first().boundingBox().y).as("first result" + at)
					.isLessThan(size[1]);
				page.getByText("More filters").click();
				assertThat(page.getByLabel("Institution", new Page.GetByLabelOptions().setExact(true))).isVisible();
			}
			else {
				assertThat(page.getByLabel("Institution", new Page.GetByLabelOptions().setExact(true))).isVisible();
			}
			this.browser.screenshot(page, "search-" + size[0]);
			assertAccessible(page, "search" + at);

			// The partner's programme page: the round's zone, named by its place; on a
			// phone
			// the essentials first.
			page.navigate("/programmes/soton-ml");
			Locator round = page.getByRole(AriaRole.REGION,
					new Page.GetByRoleOptions().setName("Applications for Round joint"));
			assertThat(round).containsText(deadline);
			assertThat(round).containsText("All times are Stockholm time (Europe/Stockholm).");
			Locator glance = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("At a glance"));
			if (phone) {
				assertThat(glance).isVisible();
				assertThat(glance).containsText(deadline);
				assertThat(glance.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Apply now")))
					.isVisible();
				assertThat(glance.boundingBox().y + glance.boundingBox().height).as("at a glance" + at)
					.isLessThan(size[1] * 1.2);
			}
			else {
				assertThat(glance).isHidden();
				assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Key facts")))
					.isVisible();
			}
			this.browser.screenshot(page, "programme-" + size[0]);
			assertAccessible(page, "programme page" + at);

			// The deadlines page names the partner's programme with its institution.
			page.navigate("/deadlines");
			Locator joint = page.locator(".round-card").filter(new Locator.FilterOptions().setHasText("Round joint"));
			assertThat(joint.locator(".inline-list a").allTextContents()).containsExactlyInAnyOrder(
					BrowserCatalogue.PROGRAMME_TITLE, BrowserCatalogue.PROGRAMME_TITLE + ", University soton");
			assertThat(joint).containsText(deadline);
			assertAccessible(page, "deadlines" + at);
			page.close();
		}
	}

	@Test
	void signedInPagesAtALaptopAndAPhone() {
		Programme partner = jointRound();
		this.jdbc.sql("update institution set fee_exempt_countries = '{SE}'").update();
		Applying applying = new Applying(this.mvc, this.jdbc);
		var session = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(session, "joint");
		applying.fillEverything(session, id, "SE", programme(BrowserCatalogue.PROGRAMME), partner.getId());
		assertThat(applying.submit(session, id).getResponse().getRedirectedUrl()).isEqualTo("/applications/" + id);
		this.accounts.replacePassword(this.accounts.findOrCreate("staff@uni.example", "Sam Staff",
				EnumSet.of(StaffRole.ADMIN, StaffRole.EDITOR, StaffRole.ADMISSIONS)), PASSWORD);
		String[] typed = { "Flat 2B", "111 51", "Norway" };

		BrowserContext applicant = this.browser.newContext("http://localhost:" + this.port);
		try {
			Page mine = applicant.newPage();
			mine.navigate("/account/sign-in");
			mine.getByLabel("E-mail address", new Page.GetByLabelOptions().setExact(true)).fill("ada@example.org");
			mine.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Applying.PASSWORD);
			mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			mine.waitForURL("**/account");
			for (int[] size : WIDTHS) {
				String at = " at " + size[0] + " px";
				mine.setViewportSize(size[0], size[1]);
				mine.navigate("/applications/" + id);
				if (size[0] > 1000) {
					assertThat(headerRowSpread(mine)).as("applicant's header" + at).isLessThan(4);
				}
				// Done in green, the step now in blue, what is to come hollow.
				Locator steps = mine.locator("ol.progress-steps > li");
				assertThat(steps).hasCount(4);
				assertThat(beforeColour(steps.nth(0))).isEqualTo("rgb(25, 135, 84)");
				assertThat(beforeColour(steps.nth(1))).isEqualTo("rgb(25, 135, 84)");
				assertThat(steps.nth(2)).hasAttribute("aria-current", "step");
				assertThat(beforeColour(steps.nth(2))).isEqualTo("rgb(11, 92, 173)");
				assertThat(beforeColour(steps.nth(3))).isEqualTo("rgb(255, 255, 255)");
				assertThat(steps.nth(3)).containsText("(to come)");
				this.browser.screenshot(mine, "applicant-status-" + size[0]);
				assertAccessible(mine, "application status" + at);
				mine.navigate("/applications/" + id + "/review");
				for (String answer : typed) {
					assertThat(mine.getByRole(AriaRole.MAIN)).containsText(answer);
				}
				assertAccessible(mine, "answers as submitted" + at);
			}
		}
		finally {
			applicant.close();
		}

		Page page = this.context.newPage();
		page.navigate("/login");
		page.getByLabel("E-mail address", new Page.GetByLabelOptions().setExact(true)).fill("staff@uni.example");
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL("**/admin");
		String kth = BrowserCatalogue.PROGRAMME_TITLE + ", University " + BrowserCatalogue.INSTITUTION;
		String soton = BrowserCatalogue.PROGRAMME_TITLE + ", University soton";
		for (int[] size : WIDTHS) {
			String at = " at " + size[0] + " px";
			page.setViewportSize(size[0], size[1]);
			page.navigate("/admin/applications/" + id);
			if (size[0] > 1000) {
				assertThat(headerRowSpread(page)).as("staff header" + at).isLessThan(4);
			}
			Locator main = page.getByRole(AriaRole.MAIN);
			assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Ranked programmes"))
				.locator("li")).hasText(new String[] { kth, soton });
			for (String answer : typed) {
				assertThat(main).containsText(answer);
			}
			// A wide table scrolls in its own box; the page is never wider than the
			// screen.
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
				.as("application detail" + at)
				.isLessThanOrEqualTo(size[0]);
			assertAccessible(page, "application detail" + at);
			page.navigate("/admin/applications");
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).as("queue" + at)
				.isLessThanOrEqualTo(size[0]);
			page.navigate("/admin/applications/" + id);
		}
		page.setViewportSize(1280, 900);
		for (String status : new String[] { "ELIGIBILITY_CHECKED", "UNDER_REVIEW" }) {
			page.getByLabel("New status", new Page.GetByLabelOptions().setExact(true)).selectOption(status);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the status")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("The status is saved.");
		}
		page.getByLabel("New status", new Page.GetByLabelOptions().setExact(true)).selectOption("ADMITTED");
		assertThat(page.getByLabel("Programme", new Page.GetByLabelOptions().setExact(true)).locator("option"))
			.containsText(new String[] { kth, soton });

		for (int[] size : WIDTHS) {
			String at = " at " + size[0] + " px";
			page.setViewportSize(size[0], size[1]);
			// The audit log fits the page and spells out fields and statuses.
			page.navigate("/admin/audit");
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).as("audit" + at)
				.isLessThanOrEqualTo(size[0]);
			Locator change = page.locator(".audit-changes tbody tr").first();
			assertThat(change.locator("td")).hasText(new String[] { "Status", "Eligibility checked", "Under review" });
			assertAccessible(page, "audit log" + at);

			// Every choice of the course plan fits its select.
			page.navigate("/admin/catalogue/programmes/" + programme(BrowserCatalogue.PROGRAMME) + "/edit");
			assertThat(cutSelects(page, "select[id^='plan[']")).as("cut plan selects" + at).isEmpty();
			assertThat(page.locator("select[id^='plan[']").count()).isGreaterThan(2);
		}
	}

}
