package org.prospectus.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The page cache and conditional requests (ADR 0023), over real HTTP: a kept page is sent
 * without a statement to the database, ends to the second when the clock passes a
 * milestone, ends on every instance when the catalogue changes on one, and a matching
 * {@code If-None-Match} gets 304 without rendering, with the cache on or off.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTests {

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	/** Applications open at noon, Stockholm time. */
	static final Instant NOON = LocalDateTime.parse("2027-03-01T12:00:00").atZone(STOCKHOLM).toInstant();

	@LocalServerPort
	int port;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StatementCounter statements;

	@Autowired
	PageCache cache;

	@Autowired
	CatalogueVersion catalogue;

	@Autowired
	MeterRegistry meters;

	OtherInstance other;

	long programmeId;

	@BeforeAll
	void startASecondInstanceWithItsCacheOn() {
		this.other = new OtherInstance(this.database.getJdbcUrl(), this.database, "prospectus.page-cache.enabled=true");
	}

	@AfterAll
	void stopIt() {
		if (this.other != null) {
			this.other.close();
		}
	}

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.programmeId = this.fixtures.programme(kth, "ml", "Machine Learning").getId();
		this.fixtures.round(kth, "autumn", NOON, NOON.plus(Duration.ofDays(30)),
				this.fixtures.find(Programme.class, this.programmeId));
		this.staff.createAt("editor@uni.example", "Eddie Editor", kth.getId(), StaffRole.EDITOR);
		awaitHeard(this.catalogue);
		awaitHeard(this.other.bean(CatalogueVersion.class));
	}

	@AfterEach
	void cacheOffAndClockBack() {
		this.cache.setEnabled(false);
		this.clock.reset();
	}

	@Test
	void aRoundThatOpensAtNoonShowsOpenOnAKeptPageOneSecondAfter() throws Exception {
		this.cache.setEnabled(true);
		this.clock.setInstant(NOON.minusSeconds(1));
		assertThat(get(this.port, "/programmes/ml").body()).contains("Opens soon").doesNotContain("Apply now");
		this.statements.reset();
		HttpResponse<String> kept = get(this.port, "/programmes/ml");
		assertThat(kept.body()).contains("Opens soon");
		assertThat(this.statements.count()).as("sent from the cache, without the database").isZero();

		this.clock.setInstant(NOON.plusSeconds(1));
		assertThat(get(this.port, "/programmes/ml").body()).contains("Apply now").doesNotContain("Opens soon");
		assertThat(get(this.port, "/deadlines").body()).contains("Open for applications");
	}

	@Test
	void aRetireOnOneInstanceShowsOnTheOtherAtOnce() throws Exception {
		int otherPort = this.other.port();
		assertThat(get(otherPort, "/programmes/ml").body()).doesNotContain("no longer offered");
		double hits = hits(this.other.bean(MeterRegistry.class));
		assertThat(get(otherPort, "/programmes/ml").body()).doesNotContain("no longer offered");
		assertThat(hits(this.other.bean(MeterRegistry.class))).as("the other instance keeps the page")
			.isEqualTo(hits + 1);

		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		long version = this.jdbc.sql("select version from programme where id = ?")
			.param(this.programmeId)
			.query(Long.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/retire", this.programmeId)
			.param("version", Long.toString(version))
			.session(editor)
			.with(csrf())).hasRedirectedUrl("/admin/catalogue/programmes");

		// The notification comes as the retire commits; the page is gone from the other
		// instance's cache within its delivery, which this allows a second for.
		long start = System.nanoTime();
		String page = get(otherPort, "/programmes/ml").body();
		while (!page.contains("no longer offered") && System.nanoTime() - start < 1_000_000_000L) {
			Thread.sleep(5);
			page = get(otherPort, "/programmes/ml").body();
		}
		assertThat(page).contains("This programme is no longer offered");
	}

	@Test
	void aChangeMadeWhileTheListenerWasCutOffIsShownOnceItListensAgain() throws Exception {
		this.cache.setEnabled(true);
		assertThat(get(this.port, "/programmes/ml").body()).contains("Machine Learning");
		this.statements.reset();
		get(this.port, "/programmes/ml");
		assertThat(this.statements.count()).as("kept").isZero();

		// PostgreSQL ends the listening connections, and the catalogue changes before
		// anyone listens again: that notification is never delivered.
		assertThat(this.jdbc.sql("""
				select count(pg_terminate_backend(pid)) from pg_stat_activity
				where application_name = 'prospectus catalogue listener'""").query(Long.class).single()).isPositive();
		this.jdbc.sql("update programme set title = 'Learning Machines' where id = ?").param(this.programmeId).update();

		long start = System.nanoTime();
		String page = get(this.port, "/programmes/ml").body();
		while (!page.contains("Learning Machines") && System.nanoTime() - start < 5_000_000_000L) {
			Thread.sleep(20);
			page = get(this.port, "/programmes/ml").body();
		}
		assertThat(page).as("read afresh on reconnecting").contains("Learning Machines");
		awaitHeard(this.catalogue);
		awaitHeard(this.other.bean(CatalogueVersion.class));
	}

	@Test
	void aMatchingConditionalGetIsAnswered304WithoutRendering() throws Exception {
		HttpResponse<String> first = get(this.port, "/programmes/ml");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("W/\"");
		assertThat(get(this.other.port(), "/programmes/ml").headers().firstValue("ETag"))
			.as("every instance tags the same page alike")
			.hasValue(etag);

		this.statements.reset();
		HttpResponse<String> notModified = send(this.port, "/programmes/ml", "If-None-Match", etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
		assertThat(notModified.headers().firstValue("Cache-Control")).hasValue(PublicPageCaching.PUBLIC);
		assertThat(this.statements.count()).as("answered before anything is rendered").isZero();

		// Someone signed in gets their own page, never a 304 meant for the public.
		assertThat(send(this.port, "/programmes/ml", "If-None-Match", etag, "Cookie", "SESSION=abc").statusCode())
			.isEqualTo(200);

		this.jdbc.sql("update programme set title = 'Machine Learning and AI' where id = ?")
			.param(this.programmeId)
			.update();
		awaitHeard(this.catalogue);
		HttpResponse<String> changed = send(this.port, "/programmes/ml", "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("Machine Learning and AI");
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

		this.clock.setInstant(NOON.plusSeconds(1));
		String afterOpening = get(this.port, "/programmes/ml").headers().firstValue("ETag").orElseThrow();
		assertThat(afterOpening).as("a milestone passed").isNotEqualTo(changed.headers().firstValue("ETag").get());
	}

	@Test
	void aKeptPageIsTheRenderedPageWithItsHeadersGzippedOnce() throws Exception {
		this.cache.setEnabled(true);
		HttpResponse<byte[]> rendered = gzipped("/programmes/ml");
		HttpResponse<byte[]> kept = gzipped("/programmes/ml");
		for (HttpResponse<byte[]> response : List.of(rendered, kept)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(gunzip(kept.body())).isEqualTo(gunzip(rendered.body()));
		for (String header : List.of("Content-Type", "Cache-Control", "Content-Security-Policy",
				"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "ETag")) {
			assertThat(kept.headers().allValues(header)).as(header).isEqualTo(rendered.headers().allValues(header));
		}
		assertThat(String.join(",", kept.headers().allValues("Vary")).toLowerCase()).contains("cookie")
			.contains("accept-encoding");
		assertThat(kept.headers().firstValue("X-Request-Id")).isPresent()
			.get()
			.isNotEqualTo(rendered.headers().firstValue("X-Request-Id").orElse(""));
		HttpResponse<String> plain = get(this.port, "/programmes/ml");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(plain.body()).isEqualTo(gunzip(rendered.body()));
	}

	@Test
	void signedInVisitorsGetTheKeptPageWithOnlyTheirOwnHeaderRenderedForThem() throws Exception {
		this.cache.setEnabled(true);
		MeterRegistry meters = this.meters;
		new Applying(this.mvc, this.jdbc).applicant("ada@example.org", "Ada Lovelace");
		SharedSessionTests.Browser ada = signedIn("/account/sign-in", "ada@example.org", Applying.PASSWORD);
		SharedSessionTests.Browser eddie = signedIn("/login", "editor@uni.example", StaffSessions.PASSWORD);
		String anonymousBody = get(this.port, "/programmes/ml").body();
		Document anonymous = Jsoup.parse(anonymousBody);

		double hits = hits(meters);
		this.statements.reset();
		HttpResponse<String> adasResponse = ada.get(this.port, "/programmes/ml");
		assertThat(hits(meters)).as("Ada's page came from the cache").isEqualTo(hits + 1);
		assertThat(this.statements.count()).as("nothing rendered from the database for Ada").isZero();
		this.statements.reset();
		HttpResponse<String> eddiesResponse = eddie.get(this.port, "/programmes/ml");
		assertThat(hits(meters)).as("Eddie's page came from the cache").isEqualTo(hits + 2);
		assertThat(this.statements.count()).as("only the staff access check").isLessThanOrEqualTo(1);

		for (HttpResponse<String> own : List.of(adasResponse, eddiesResponse)) {
			assertThat(own.statusCode()).isEqualTo(200);
			assertThat(own.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((caching) -> assertThat(caching).contains("no-store").doesNotContain("public"));
			assertThat(own.headers().firstValue("ETag")).isEmpty();
			assertThat(own.headers().allValues("Content-Security-Policy")).hasSize(1);
			assertThat(Jsoup.parse(own.body()).select("main").outerHtml())
				.isEqualTo(anonymous.select("main").outerHtml());
			assertThat(own.body()).doesNotContain("kept-mark");
		}
		Document adas = Jsoup.parse(adasResponse.body());
		assertThat(adas.select("header a[href=/account]")).hasSize(1);
		assertThat(adas.select("header form[action=/account/sign-out] input[name=_csrf]")).hasSize(1);
		assertThat(adas.select("header a[href=/admin], header form[action=/logout], footer a[href=/login]")).isEmpty();
		Document eddies = Jsoup.parse(eddiesResponse.body());
		assertThat(eddies.select("header a[href=/admin]")).hasSize(1);
		assertThat(eddies.select("header form[action=/logout] input[name=_csrf]")).hasSize(1);
		assertThat(
				eddies.select("header a[href=/account], header form[action=/account/sign-out], footer a[href=/login]"))
			.as("nothing of Ada's in Eddie's page")
			.isEmpty();

		HttpResponse<byte[]> adasGzipped = ada.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/programmes/ml"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(adasGzipped.headers().firstValue("Content-Encoding")).as("the container compresses it")
			.hasValue("gzip");
		assertThat(gunzip(adasGzipped.body())).contains("action=\"/account/sign-out\"");

		String afterBody = get(this.port, "/programmes/ml").body();
		assertThat(afterBody).as("the kept page, unchanged by anyone's view").isEqualTo(anonymousBody);
		Document after = Jsoup.parse(afterBody);
		assertThat(after.select("form[method=post], input[name=_csrf]")).as("no one's form or token").isEmpty();
		assertThat(after.select("footer a[href=/account/sign-in], footer a[href=/login]")).hasSize(2);
		assertThat(afterBody).doesNotContain("kept-mark").doesNotContain("<!--");

		// Each sign-out form carries its own session's token: Ada's does not sign Eddie
		// out, his own does; Ada's signs her out.
		String adasToken = adas.select("header form[action=/account/sign-out] input[name=_csrf]").val();
		String eddiesToken = eddies.select("header form[action=/logout] input[name=_csrf]").val();
		assertThat(eddie.post(this.port, "/logout", Map.of("_csrf", adasToken)).statusCode()).isEqualTo(403);
		assertThat(eddie.post(this.port, "/logout", Map.of("_csrf", eddiesToken)).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?signedOut"));
		assertThat(
				ada.post(this.port, "/account/sign-out", Map.of("_csrf", adasToken)).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/sign-in?signedOut"));
	}

	@Test
	void aCatalogueChangeEndsTheKeptPageForSignedInVisitorsToo() throws Exception {
		this.cache.setEnabled(true);
		SharedSessionTests.Browser eddie = signedIn("/login", "editor@uni.example", StaffSessions.PASSWORD);
		get(this.port, "/programmes/ml");
		double hits = hits(this.meters);
		assertThat(eddie.get(this.port, "/programmes/ml").body()).contains("Machine Learning");
		assertThat(hits(this.meters)).as("kept").isEqualTo(hits + 1);

		this.jdbc.sql("update programme set title = 'Learning Machines' where id = ?").param(this.programmeId).update();
		awaitHeard(this.catalogue);
		assertThat(Jsoup.parse(eddie.get(this.port, "/programmes/ml").body()).select("h1").text())
			.isEqualTo("Learning Machines");
		awaitHeard(this.other.bean(CatalogueVersion.class));
	}

	@Test
	void marksThatDoNotPairAsTheLayoutWritesThemAreTakenOutAndTheSplitIsNeverServed() throws Exception {
		String nonce = "0123abcd";
		String nav = "<kept-mark data-at=\"0123abcd:viewer-nav\"></kept-mark>";
		String actions = "<kept-mark data-at=\"0123abcd:viewer-actions\"></kept-mark>";
		String footer = "<kept-mark data-at=\"0123abcd:viewer-footer\"></kept-mark>";
		String whole = "<a>" + nav + "N" + nav + "<b>" + actions + "A" + actions + "<c>" + footer + "F" + footer
				+ "<d>";
		PageCache.Segments split = PageCache.Segments.of(whole.getBytes(StandardCharsets.UTF_8), nonce);
		assertThat(split).isNotNull();
		assertThat(split.complete()).isTrue();
		assertThat(new String(split.anonymous(), StandardCharsets.UTF_8)).isEqualTo("<a>N<b>A<c>F<d>");
		assertThat(new String(split.with(Map.of("viewer-nav", "n".getBytes(), "viewer-actions", "a".getBytes(),
				"viewer-footer", "f".getBytes())), StandardCharsets.UTF_8))
			.isEqualTo("<a>n<b>a<c>f<d>");

		for (String broken : List.of("<a>" + nav + "N<b>" + actions + "A" + actions + "<c>" + footer + "F" + footer,
				"<a>" + nav + "N" + nav + "<b>" + actions + "A" + actions,
				"<a>" + nav.replace("viewer-nav", "someone-else") + "N" + nav.replace("viewer-nav", "someone-else")
						+ "<b>" + actions + "A" + actions + footer + footer)) {
			PageCache.Segments kept = PageCache.Segments.of(broken.getBytes(StandardCharsets.UTF_8), nonce);
			assertThat(kept).isNotNull();
			assertThat(kept.complete()).as(broken).isFalse();
			assertThat(new String(kept.anonymous(), StandardCharsets.UTF_8)).as(broken).doesNotContain(nonce);
		}
		assertThat(PageCache.Segments.of("<a>no marks</a>".getBytes(StandardCharsets.UTF_8), nonce)).isNull();

		this.cache.setEnabled(true);
		HttpResponse<String> missing = get(this.port, "/programmes/no-such-programme");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).doesNotContain("kept-mark");
	}

	/** A browser signed in through a sign-in form over HTTP, with its session cookie. */
	SharedSessionTests.Browser signedIn(String form, String email, String password) throws Exception {
		SharedSessionTests.Browser browser = new SharedSessionTests.Browser();
		Document signIn = browser.page(this.port, form);
		HttpResponse<String> signedIn = browser.post(this.port, form,
				Map.of("username", email, "password", password, "_csrf", signIn.select("input[name=_csrf]").val()));
		assertThat(signedIn.statusCode()).as("signed in").isEqualTo(302);
		return browser;
	}

	/** Waits until an instance has heard the catalogue's last committed change. */
	void awaitHeard(CatalogueVersion instance) {
		long committed = this.jdbc.sql("select version from catalogue_version").query(Long.class).single();
		long start = System.nanoTime();
		while (instance.current() == null || instance.current().version() != committed) {
			assertThat(System.nanoTime() - start).as("heard within 5 s").isLessThan(5_000_000_000L);
			Thread.onSpinWait();
		}
	}

	static double hits(MeterRegistry registry) {
		return registry.get("cache.gets").tag("cache", "pages").tag("result", "hit").functionCounter().count();
	}

	HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return send(port, path);
	}

	static HttpResponse<String> send(int port, String path, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
