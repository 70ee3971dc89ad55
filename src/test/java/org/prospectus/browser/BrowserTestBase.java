package org.prospectus.browser;

import java.time.LocalDate;

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

}
