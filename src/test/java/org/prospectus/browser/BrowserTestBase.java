package org.prospectus.browser;

import java.time.LocalDate;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test class shares: one Chromium per class, a fresh browser context
 * per test, and the catalogue of {@link BrowserCatalogue} in a clean database.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	MutableClock clock;

	BrowserSupport browser;

	BrowserContext context;

	/** The start date of the upcoming offering the catalogue has. */
	LocalDate offeringStart;

	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	/** Runs axe with the WCAG 2.0 to 2.2 A and AA rules and fails on any violation. */
	static void assertAccessible(Page page, String what) {
		// Legacy mode runs axe in the page itself. The default mode opens an extra page
		// to merge results across frames: a second per page, and our pages have none.
		AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
		assertThat(results.isErrored())
			.withFailMessage(() -> "axe failed on " + what + ": " + results.getErrorMessage())
			.isFalse();
		assertThat(results.getViolations()).withFailMessage(() -> describe(what, results.getViolations())).isEmpty();
	}

	static String describe(String path, List<Rule> violations) {
		StringBuilder report = new StringBuilder();
		report.append(violations.size()).append(" accessibility violation(s) on ").append(path).append(':');
		for (Rule rule : violations) {
			report.append("\n- ")
				.append(rule.getId())
				.append(" (")
				.append(rule.getImpact())
				.append("): ")
				.append(rule.getHelp())
				.append(" <")
				.append(rule.getHelpUrl())
				.append('>');
			for (CheckedNode node : rule.getNodes()) {
				report.append("\n    ").append(node.getTarget());
				if (node.getFailureSummary() != null) {
					report.append(": ").append(node.getFailureSummary().replace('\n', ' '));
				}
			}
		}
		return report.toString();
	}

	@BeforeAll
	void launchBrowser() {
		this.browser = BrowserSupport.launch(getClass());
	}

	@AfterAll
	void closeBrowser() {
		// Null when the launch failed: @AfterAll runs regardless.
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@BeforeEach
	void createCatalogue() {
		// First, so that a test skipped for want of Chromium leaves the database alone.
		this.context = this.browser.newContext("http://localhost:" + this.port);
		DatabaseCleaner.clean(this.jdbc);
		this.offeringStart = new BrowserCatalogue(this.fixtures, this.clock).create();
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/** A page of its own for one member of staff, signed in. */
	Page signedIn(String email) {
		BrowserContext own = this.browser.newContext("http://localhost:" + this.port);
		Page page = own.newPage();
		page.navigate("/login");
		ReviewBrowserTests.field(page, "E-mail address").fill(email);
		ReviewBrowserTests.field(page, "Password").fill(org.prospectus.support.StaffSessions.PASSWORD);
		ReviewBrowserTests.press(page, "Sign in");
		return page;
	}

}
