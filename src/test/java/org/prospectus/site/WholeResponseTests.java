package org.prospectus.site;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.PasswordHashingBusyException;
import org.prospectus.applications.Applying;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StatementCounter;
import org.prospectus.web.SecurityHeaders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No response is ever cut off (issue 26): over real HTTP, a failure after the page was
 * rendered (the session store gone as it saves) gives the site's error page, and many
 * requests at once past the admission limit all get their whole page, in turn.
 */
@PortalIntegrationTest
class WholeResponseTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	StatementCounter statements;

	@Autowired
	WaitingRoom room;

	@BeforeEach
	void catalogue() {
		Applying.catalogue(this.fixtures, this.jdbc, this.clock);
	}

	@AfterEach
	void reset() {
		this.statements.reset();
		this.clock.reset();
	}

	SharedSessionTests.Browser signedIn(String email) throws Exception {
		new Applying(this.mvc, this.jdbc).applicant(email, "Whole Page");
		SharedSessionTests.Browser browser = new SharedSessionTests.Browser();
		Document signIn = browser.page(this.port, "/account/sign-in");
		HttpResponse<String> signedIn = browser.post(this.port, "/account/sign-in", Map.of("username", email,
				"password", Applying.PASSWORD, "_csrf", signIn.select("input[name=_csrf]").val()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	static void assertWhole(HttpResponse<String> response) {
		assertThat(response.body().strip()).endsWith("</html>");
		response.headers()
			.firstValueAsLong("Content-Length")
			.ifPresent((length) -> assertThat(response.body().getBytes(StandardCharsets.UTF_8)).hasSize((int) length));
	}

	@Test
	void aSessionThatCannotBeSavedAfterThePageWasRenderedGivesTheErrorPageNotHalfAPage() throws Exception {
		SharedSessionTests.Browser ada = signedIn("whole@example.org");
		String id = new Applying(this.mvc, this.jdbc)
			.start(new Applying(this.mvc, this.jdbc).signIn("whole@example.org"), "autumn-2027");
		String step = "/applications/" + id + "/steps/education";
		// The first page with a form after signing in keeps a new CSRF token in the
		// session: its save, after the page is rendered, finds the database gone. The
		// page is larger than the container's buffer, so before it was held whole its
		// start had been sent by then.
		this.statements.failNext((sql) -> {
			String statement = sql.strip().toUpperCase(Locale.ROOT);
			return statement.contains("SPRING_SESSION") && !statement.startsWith("SELECT");
		});
		HttpResponse<String> page = ada.get(this.port, step);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("The portal is briefly unavailable").doesNotContain("Education");
		assertWhole(page);
		HttpResponse<String> again = ada.get(this.port, step);
		assertThat(again.statusCode()).as("and the next try works").isEqualTo(200);
		assertThat(again.body().length()).as("larger than the container's buffer").isGreaterThan(16 * 1024);
		assertWhole(again);
	}

	@Test
	void manyRequestsAtOnceWaitTheirTurnAndEachGetsItsWholePage() throws Exception {
		SharedSessionTests.Browser ada = signedIn("many@example.org");
		String id = new Applying(this.mvc, this.jdbc)
			.start(new Applying(this.mvc, this.jdbc).signIn("many@example.org"), "autumn-2027");
		List<String> paths = List.of("/account", "/applications/" + id + "/steps/personal", "/programmes/ml",
				"/static/css/prospectus.css");
		ExecutorService crowd = Executors.newFixedThreadPool(48);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 192; i++) {
				String path = paths.get(i % paths.size());
				answers.add(crowd.submit(() -> ada.client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString())));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(200);
				if (!response.uri().getPath().endsWith(".css")) {
					assertWhole(response);
				}
			}
		}
		finally {
			crowd.shutdownNow();
		}
	}

	@Test
	void theWaitingPageIsWholeWithItsTextsAndNeedsNoScript() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account/sign-in");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.room.answer(request, response, this.room.issue(System.currentTimeMillis() - 180_000), 12,
				AdmissionControl.REFRESH);
		String page = response.getContentAsString();
		assertThat(page)
			.contains("About 12 people are ahead of you.", "You have waited 3 minutes.",
					"checks your place every 5 seconds", "href=\"/account/sign-in?refresh=off\"")
			.containsPattern("href=\"/static/css/prospectus-[0-9a-f]{32}\\.css\"")
			.doesNotContain("??", "<script")
			.endsWith("</html>\n");
		assertThat(response.getHeader("Refresh")).isEqualTo("5");
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(this.room.signed("ticket", response.getCookie(WaitingRoom.TICKET).getValue())).isNotNull();
	}

	@Test
	void aFiveOhThreeSaysWhetherTheDatabaseIsAwayOrThePortalBusy() {
		assertThat(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new PasswordHashingBusyException("full"))
			.accept(MediaType.TEXT_HTML)).hasStatus(503)
			.bodyText()
			.contains("Many people are using the portal at this moment")
			.doesNotContain("database");
		assertThat(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new CannotGetJdbcConnectionException("pool empty"))
			.accept(MediaType.TEXT_HTML)).hasStatus(503)
			.bodyText()
			.contains("We cannot reach our database for a moment");
	}

}
