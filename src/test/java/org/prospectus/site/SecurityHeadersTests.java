package org.prospectus.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The security headers on a sample of every kind of response the portal gives: pages,
 * error pages, static files, downloads, the sign-in page and staff pages. Checked over
 * real HTTP where the servlet container's error handling or cookies matter.
 */
@PortalIntegrationTest
class SecurityHeadersTests {

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.fixtures.programme(kth, "ml", "Machine Learning");
		Course course = this.fixtures.course(kth, "DD2424", "Deep Learning", (c) -> {
		});
		this.fixtures.syllabus(course, Term.of(2024, Season.AUTUMN), (s) -> s.setContentsAndOutcomes("Contents", null));
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,*/*");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertSecurityHeaders(String what, HttpHeaders headers) {
		assertThat(headers.firstValue("Content-Security-Policy")).as(what)
			.hasValueSatisfying((csp) -> assertThat(csp)
				.contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
						"form-action 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "*"));
		assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("Permissions-Policy")).as(what)
			.hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()", "geolocation=()"));
		assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
		assertThat(headers.firstValue("Strict-Transport-Security")).as(what + " over plain HTTP").isEmpty();
	}

	@Test
	void everyKindOfResponseCarriesTheHeaders() throws Exception {
		for (String path : List.of("/", "/programmes?q=machine", "/programmes/ml", "/courses/DD2424",
				"/courses/DD2424/syllabus.pdf", "/courses/DD2424/syllabus/autumn-2024",
				"/courses/DD2424/syllabus/autumn-2024.pdf", "/deadlines", "/programmes/no-such-programme",
				"/no/such/page", "/static/css/prospectus.css", "/webjars/bootstrap/dist/css/bootstrap.min.css",
				"/login", "/admin", "/actuator/health")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(200, 302, 404);
			assertSecurityHeaders(path, response.headers());
		}
	}

	/**
	 * Addresses the request firewall refuses, and ones the container refuses before any
	 * filter of ours sees them (an encoded slash, a lone percent sign, a character not
	 * allowed in a request line, a query that is not percent-encoded). Sent over a plain
	 * socket, since a well-behaved client will not send them.
	 */
	@Test
	void requestsRefusedBeforeTheApplicationGetTheSitesErrorPageAndHeaders() throws Exception {
		for (String target : List.of("/programmes//x", "/programmes/a%2Fb", "/%", "/programmes/a;b",
				"/programmes/%2e%2e/x", "/a{b", "/programmes?q=%ZZ", "/programmes?q=a%00b", "/programmes/%00")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", target);
			assertThat(response.status()).as(target).isIn(400, 404);
			assertThat(header(response, "Content-Type")).as(target).startsWith("text/html");
			assertThat(response.body()).as(target)
				.contains("<html", "Prospectus")
				.doesNotContain("HTTP Status", "Tomcat", "Exception");
			assertThat(header(response, "Content-Security-Policy")).as(target)
				.contains("default-src 'self'", "frame-ancestors 'none'");
			assertThat(header(response, "X-Frame-Options")).as(target).isEqualTo("DENY");
			assertThat(header(response, "X-Content-Type-Options")).as(target).isEqualTo("nosniff");
			assertThat(header(response, "Referrer-Policy")).as(target).isEqualTo("strict-origin-when-cross-origin");
			assertThat(header(response, "Cache-Control")).as(target).contains("no-store");
		}
	}

	static String header(RawHttp.Response response, String name) {
		return response.headers().getOrDefault(name.toLowerCase(Locale.ROOT), "");
	}

	@Test
	void staffPagesAreNeverCached() {
		this.accounts.replacePassword(
				this.accounts.findOrCreate("editor@uni.example", "Editor", EnumSet.of(StaffRole.EDITOR)),
				"lantern marmalade orbit cello");
		MockHttpSession session = (MockHttpSession) this.mvc.post()
			.uri("/login")
			.param("username", "editor@uni.example")
			.param("password", "lantern marmalade orbit cello")
			.with(csrf())
			.exchange()
			.getRequest()
			.getSession(false);
		MockHttpServletResponse response = this.mvc.get().uri("/admin").session(session).exchange().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void anonymousPublicPagesMayBeKeptBrieflyAndNothingElse() throws Exception {
		HttpResponse<String> page = get("/programmes");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control"))
			.contains("public, max-age=60, stale-while-revalidate=60");
		assertThat(page.headers().allValues("Vary"))
			.anySatisfy((vary) -> assertThat(vary).containsIgnoringCase("cookie"));
		assertThat(page.headers().allValues("Set-Cookie")).as("an anonymous page sets no cookie").isEmpty();
		for (String path : List.of("/login", "/account/register", "/programmes/no-such-programme")) {
			assertThat(get(path).headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		}
		String session = "SESSION=" + Base64.getEncoder().encodeToString("someone".getBytes());
		assertThat(get("/programmes", "Cookie", session).headers().firstValue("Cache-Control"))
			.as("a public page with a session cookie")
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	@Test
	void textIsSentGzippedToClientsThatAcceptIt() throws Exception {
		HttpResponse<byte[]> page = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/guide"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
		byte[] html = new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes();
		assertThat(new String(html, StandardCharsets.UTF_8)).contains("</html>");
		assertThat(html.length).isGreaterThan(page.body().length);
	}

	/**
	 * The calendar feeds are sent gzipped like pages; the syllabus PDF, the sitemap and
	 * robots.txt carry an ETag and answer 304 when it still holds; a WebJar asset whose
	 * address names its version is kept for a year, unchanged.
	 */
	@Test
	void feedsAreCompressedFilesRevalidateAndVersionedAssetsAreKeptForAYear() throws Exception {
		Institution kth = this.jdbc.sql("select id from institution where slug = 'kth'")
			.query(Long.class)
			.optional()
			.map((id) -> this.fixtures.find(Institution.class, id))
			.orElseThrow();
		var ml = this.jdbc.sql("select id from programme where slug = 'ml'").query(Long.class).single();
		var programme = this.fixtures.find(Programme.class, ml);
		for (int i = 0; i < 8; i++) {
			this.fixtures.round(kth, "round-" + i, Instant.parse("2026-10-01T00:00:00Z").plusSeconds(i * 86400L),
					Instant.parse("2027-01-15T23:00:00Z").plusSeconds(i * 86400L), programme);
		}
		HttpResponse<byte[]> feed = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/deadlines.ics"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Encoding")).as("the feed, gzipped").contains("gzip");

		for (String path : List.of("/courses/DD2424/syllabus.pdf", "/sitemap.xml", "/robots.txt")) {
			HttpResponse<String> first = get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElse(null);
			assertThat(etag).as(path + " ETag").isNotBlank();
			HttpResponse<String> again = get(path, "If-None-Match", etag);
			assertThat(again.statusCode()).as(path + " again").isEqualTo(304);
			assertThat(again.body()).as(path + " again").isEmpty();
		}

		String css = Jsoup.parse(get("/").body()).select("link[rel=stylesheet][href^=/webjars/]").attr("href");
		assertThat(css).as("a versioned WebJar address").matches("/webjars/bootstrap/\\d[^/]*/.*\\.css");
		HttpResponse<String> versioned = get(css);
		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(cache) -> assertThat(cache).contains("max-age=31536000", "immutable").doesNotContain("no-store"));
		assertThat(get("/static/css/prospectus.css").headers().firstValue("Cache-Control"))
			.as("our own files, unversioned")
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=3600").doesNotContain("immutable"));
	}

	/**
	 * Our own stylesheet is linked by an address that names a hash of its content, kept
	 * for a year; the address without the hash still answers, for an hour.
	 */
	@Test
	void ourStylesheetIsLinkedByItsContentHashAndKeptForAYear() throws Exception {
		byte[] file = new ClassPathResource("static/css/prospectus.css").getContentAsByteArray();
		String css = Jsoup.parse(get("/").body()).select("link[rel=stylesheet][href^=/static/]").attr("href");
		assertThat(css).isEqualTo("/static/css/prospectus-" + DigestUtils.md5DigestAsHex(file) + ".css");
		HttpResponse<byte[]> hashed = getBytes(css);
		assertThat(hashed.statusCode()).isEqualTo(200);
		assertThat(hashed.body()).isEqualTo(file);
		assertThat(hashed.headers().firstValue("Cache-Control")).contains(VersionedAssets.A_YEAR);
		assertThat(hashed.headers().firstValue("ETag")).contains("W/\"" + DigestUtils.md5DigestAsHex(file) + "\"");
		HttpResponse<byte[]> plain = getBytes("/static/css/prospectus.css");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.body()).isEqualTo(file);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(cache) -> assertThat(cache).contains("max-age=3600").doesNotContain("immutable", "31536000"));
		for (String missing : List.of("/static/css/prospectus-0123456789abcdef0123456789abcdef.css",
				"/webjars/bootstrap/5.3.8/dist/css/no-such-file.css")) {
			HttpResponse<byte[]> error = getBytes(missing);
			assertThat(error.statusCode()).as(missing).isEqualTo(404);
			assertThat(error.headers().firstValue("Cache-Control")).as(missing + " is kept by no one")
				.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store").doesNotContain("immutable"));
		}
	}

	/**
	 * A static file's validator is a hash of its content, whichever encoding carries it:
	 * a new build of the same file keeps it, so browsers revalidate to a 304 after a
	 * deployment. No Last-Modified, which changed with every build.
	 */
	@Test
	void ourStylesheetsValidatorIsItsContentAndSurvivesANewBuild() throws Exception {
		byte[] file = new ClassPathResource("static/css/prospectus.css").getContentAsByteArray();
		String etag = "W/\"" + DigestUtils.md5DigestAsHex(file) + "\"";
		for (String encoding : List.of("identity", "gzip")) {
			HttpResponse<byte[]> css = getBytes("/static/css/prospectus.css", "Accept-Encoding", encoding);
			assertThat(css.headers().firstValue("ETag")).as(encoding).contains(etag);
			assertThat(css.headers().firstValue("Last-Modified")).as(encoding).isEmpty();
			HttpResponse<byte[]> again = getBytes("/static/css/prospectus.css", "Accept-Encoding", encoding,
					"If-None-Match", etag);
			assertThat(again.statusCode()).as(encoding + " again").isEqualTo(304);
			assertThat(again.body()).as(encoding + " again").isEmpty();
		}
	}

	/**
	 * Bootstrap and our own files (every one a page links, by its hashed or its plain
	 * address) are gzipped once, when the application is built, and sent as those bytes:
	 * the container does not compress them again per request (it would send no
	 * Content-Length, and other bytes). Each body unzips to exactly the file.
	 */
	@Test
	void staticAssetsAreSentFromTheirPrecompressedCopyNeverCompressedAgain() throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		for (var link : Jsoup.parse(get("/").body()).select("link[rel=stylesheet], script[src]")) {
			String path = link.hasAttr("src") ? link.attr("src") : link.attr("href");
			files.put(path, path.startsWith("/webjars/") ? "META-INF/resources" + path
					: path.substring(1).replaceFirst("-[0-9a-f]{32}\\.", "."));
		}
		assertThat(files).as("Bootstrap's stylesheet and ours, at least").hasSizeGreaterThanOrEqualTo(2);
		files.put("/static/css/prospectus.css", "static/css/prospectus.css");
		files.put("/static/js/word-count.js", "static/js/word-count.js");
		for (Map.Entry<String, String> asset : files.entrySet()) {
			String path = asset.getKey();
			String file = asset.getValue();
			byte[] original = new ClassPathResource(file).getContentAsByteArray();
			ClassPathResource precompressed = new ClassPathResource(file + ".gz");
			assertThat(precompressed.exists()).as(file + ".gz, made by the build").isTrue();
			for (int time = 1; time <= 2; time++) {
				HttpResponse<byte[]> response = getBytes(path, "Accept-Encoding", "gzip, deflate, br");
				String what = path + ", time " + time;
				assertThat(response.statusCode()).as(what).isEqualTo(200);
				assertThat(response.headers().firstValue("Content-Encoding")).as(what).contains("gzip");
				assertThat(response.headers().allValues("Vary")).as(what)
					.anySatisfy((vary) -> assertThat(vary).containsIgnoringCase("accept-encoding"));
				assertThat(response.headers().firstValue("Content-Length")).as(what + ": sent as is, not streamed")
					.contains(String.valueOf(precompressed.contentLength()));
				assertThat(response.body()).as(what).isEqualTo(precompressed.getContentAsByteArray());
				assertThat(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()).as(what)
					.isEqualTo(original);
			}
			HttpResponse<byte[]> identity = getBytes(path, "Accept-Encoding", "identity");
			assertThat(identity.headers().firstValue("Content-Encoding")).as(path + " unencoded").isEmpty();
			assertThat(identity.body()).as(path + " unencoded").isEqualTo(original);
			assertThat(identity.headers().allValues("Vary")).as(path + " unencoded, kept by a shared cache")
				.anySatisfy((vary) -> assertThat(vary).containsIgnoringCase("accept-encoding"));
		}
	}

	HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void staticFilesMayBeCachedButStillCarryNosniff() throws Exception {
		HttpResponse<String> css = get("/static/css/prospectus.css");
		assertThat(css.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=3600").doesNotContain("no-store"));
	}

	@Test
	void strictTransportSecurityOverHttps() {
		MockHttpServletResponse response = this.mvc.get().uri("/").secure(true).exchange().getResponse();
		assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindATlsProxy() throws Exception {
		HttpResponse<String> plain = get("/login");
		HttpResponse<String> proxied = get("/login", "X-Forwarded-Proto", "https");
		assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				(cookie) -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
		assertThat(proxied.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Secure"));
		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void anonymousPublicPagesCreateNoSession() throws Exception {
		for (String path : List.of("/", "/programmes", "/programmes/ml", "/courses/DD2424", "/deadlines",
				"/programmes/no-such-programme", "/no/such/page")) {
			assertThat(get(path).headers().firstValue("Set-Cookie")).as(path).isEmpty();
		}
	}

}
