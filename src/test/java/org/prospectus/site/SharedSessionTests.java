package org.prospectus.site;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database (ADR 0020): this test's application and a second one
 * started beside it, each on its own port, as a load balancer would spread a browser's
 * requests. A person signs in on one and goes on on the other, with the session cookie
 * the real servers send: staff and applicants, a CSRF token made by one instance and
 * checked by the other, and a step typed on one and opened on the other.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	OtherInstance other;

	int otherPort;

	@BeforeAll
	void startASecondInstance() {
		this.other = new OtherInstance(this.database.getJdbcUrl(), this.database);
		this.otherPort = this.other.port();
	}

	@AfterAll
	void stopIt() {
		if (this.other != null) {
			this.other.close();
		}
	}

	@Test
	void staffSignInOnOneInstanceAndGoOnOnTheOtherWithItsCsrfToken() throws Exception {
		this.staff.create("officer@uni.example", "Olle Officer", StaffRole.ADMISSIONS);
		Browser browser = new Browser();
		Document login = browser.page(this.port, "/login");
		HttpResponse<String> signedIn = browser.post(this.port, "/login", Map.of("username", "officer@uni.example",
				"password", StaffSessions.PASSWORD, "_csrf", login.select("input[name=_csrf]").val()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/admin");
		assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));

		Document there = browser.page(this.otherPort, "/admin");
		assertThat(there.select("h1").text()).isEqualTo("Staff area");
		// The sign-out form's token was made here, on the first instance, and is checked
		// there.
		String token = browser.page(this.port, "/admin").select("form[action=/logout] input[name=_csrf]").val();
		HttpResponse<String> out = browser.post(this.otherPort, "/logout", Map.of("_csrf", token));
		assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?signedOut");
		assertThat(browser.get(this.port, "/admin").statusCode()).as("signed out everywhere").isEqualTo(302);
	}

	@Test
	void anApplicantTypesAStepOnOneInstanceAndFindsItOnTheOther() throws Exception {
		Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.clock.reset();
		new Applying(this.mvc, this.jdbc).applicant("ada@example.org", "Ada Lovelace");
		Browser browser = new Browser();
		Document signIn = browser.page(this.otherPort, "/account/sign-in");
		assertThat(browser.post(this.otherPort, "/account/sign-in",
				Map.of("username", "ada@example.org", "password", Applying.PASSWORD, "_csrf",
						signIn.select("input[name=_csrf]").val()))
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/account"));

		Document start = browser.page(this.port, "/applications/new?round=autumn-2027");
		HttpResponse<String> started = browser.post(this.port, "/applications", Map.of("round", "autumn-2027", "_csrf",
				start.select("form[action=/applications] input[name=_csrf]").val()));
		String application = started.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/applications/([^/]+).*", "$1");
		Document step = browser.page(this.otherPort, "/applications/" + application + "/steps/personal");
		HttpResponse<String> saved = browser.post(this.port, "/applications/" + application + "/steps/personal",
				Map.of("givenNames", "Ada", "familyName", "Lovelace", "dateOfBirth", "not a date yet", "_csrf",
						step.select("form input[name=_csrf]").val()));
		assertThat(saved.statusCode()).isIn(200, 302);
		Document again = browser.page(this.otherPort, "/applications/" + application + "/steps/personal");
		assertThat(again.select("#familyName").val()).isEqualTo("Lovelace");
		assertThat(again.select("#dateOfBirth").val()).as("kept as typed").isEqualTo("not a date yet");
	}

	@Autowired
	SessionCleanup cleanup;

	@Autowired
	DataSource dataSource;

	@Test
	void expiredSessionsAreDeletedByOneInstanceAtATime() throws Exception {
		this.jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				  max_inactive_interval, expiry_time)
				values ('00000000-0000-0000-0000-0000000000aa', '00000000-0000-0000-0000-0000000000bb', 0, 0, 60, 1)""")
			.update();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (var lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, SessionCleanup.LOCK);
				lock.execute();
			}
			this.cleanup.deleteExpired();
			assertThat(expired()).as("another instance is cleaning").isOne();
			holder.rollback();
		}
		this.cleanup.deleteExpired();
		assertThat(expired()).isZero();
	}

	long expired() {
		return this.jdbc.sql("select count(*) from spring_session where expiry_time = 1").query(Long.class).single();
	}

	/** A browser: one cookie jar for both instances, which share a host name. */
	static final class Browser {

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		Document page(int port, String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(port, path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body());
		}

		HttpResponse<String> post(int port, String path, Map<String, String> form)
				throws IOException, InterruptedException {
			String body = new LinkedHashMap<>(form).entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
