package org.prospectus.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.RawHttp;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Walks every route the application registers, so that a new route is covered without
 * anyone remembering to: public routes answer anonymous visitors, staff routes send them
 * to sign-in and refuse a signed-in user without a staff role, and every unsafe request
 * without a CSRF token is refused. A route that is neither public nor under
 * {@code /admin} fails the test until someone decides what it is.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteInventoryTests {

	/**
	 * The public routes, method and pattern, exactly as the security configuration allows
	 * them.
	 */
	static final Set<String> PUBLIC = Set.of("GET /", "GET /programmes", "GET /programmes/{slug}",
			"GET /programmes/{slug}/entry/{year}", "GET /programmes/{slug}/course-description.pdf",
			"GET /courses/{code}", "GET /courses/{code}/syllabus.pdf", "GET /courses/{code}/syllabus/{term}",
			"GET /courses/{code}/syllabus/{term}.pdf", "GET /deadlines", "GET /deadlines.ics",
			"GET /programmes/{slug}/deadlines.ics", "GET /sitemap.xml", "GET /robots.txt", "GET /login",
			"GET /staff/set-password", "POST /staff/set-password",
			// The error pages, which any failing request is forwarded to.
			"GET /error", "POST /error",
			// Helping applicants choose (ADR 0013).
			"GET /compare", "GET /careers", "GET /guide", "GET /finder",
			// The statements every page links to (ADR 0019).
			"GET /privacy", "GET /privacy/{slug}", "GET /accessibility", "GET /contact", "GET /contact/{slug}",
			// A payment provider's events, proven by their signature (ADR 0026).
			"POST /payments/webhook/{provider}",
			// A referee's single-use link, the token its proof (issue 30).
			"GET /references/{token}", "POST /references/{token}");

	/**
	 * The only unsafe routes that take no CSRF token: a payment provider cannot hold one,
	 * and its signature proves it instead (ADR 0026).
	 */
	static final Set<String> CSRF_EXEMPT = Set.of("POST /payments/webhook/{provider}");

	/** The applicants' routes anyone may use: signing up, in and back in. */
	static final Set<String> APPLICANT_PUBLIC = Set.of("GET /account/register", "POST /account/register",
			"GET /account/register/check-email", "POST /account/verify/resend", "GET /account/verify",
			"POST /account/verify", "GET /account/sign-in", "GET /account/forgot-password",
			"POST /account/forgot-password", "GET /account/reset-password", "POST /account/reset-password");

	@LocalServerPort
	int port;

	@Autowired
	CatalogueVersion catalogueVersion;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	List<Route> routes;

	record Route(HttpMethod method, String pattern) {

		String key() {
			return this.method.name() + " " + this.pattern;
		}

		/** The pattern with every variable filled with a value no record has. */
		String path() {
			return this.pattern.replaceAll("\\{[^}]+}", "no-such-thing");
		}

		boolean isStaff() {
			return this.pattern.equals("/admin") || this.pattern.startsWith("/admin/");
		}

		boolean isApplicant() {
			return this.pattern.equals("/account") || this.pattern.startsWith("/account/")
					|| this.pattern.equals("/applications") || this.pattern.startsWith("/applications/");
		}

		boolean isApplicantOnly() {
			return isApplicant() && !APPLICANT_PUBLIC.contains(key());
		}

		boolean isSafe() {
			return this.method == HttpMethod.GET || this.method == HttpMethod.HEAD;
		}

	}

	@BeforeAll
	void collectRoutes() {
		this.routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.prospectus")) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod method : effective) {
					this.routes.add(new Route(method.asHttpMethod(), pattern));
				}
			}
		}
		assertThat(this.routes).as("the application's routes").hasSizeGreaterThan(10);
	}

	@Test
	void everyRouteIsPublicOrInTheStaffAreaOrTheApplicantsArea() {
		Set<String> unclassified = new TreeSet<>();
		for (Route route : this.routes) {
			if (!route.isStaff() && !route.isApplicant() && !PUBLIC.contains(route.key())) {
				unclassified.add(route.key());
			}
		}
		assertThat(unclassified)
			.as("routes to add to PUBLIC here and in SecurityConfiguration, or to move under /admin or /applications")
			.isEmpty();
	}

	@Test
	void applicantRoutesSendAnonymousVisitorsToTheApplicantSignIn() {
		int checked = 0;
		for (Route route : this.routes) {
			if (!route.isApplicantOnly()) {
				continue;
			}
			checked++;
			MvcTestResult result = this.mvc.perform(request(route).with(csrf()));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(route.key()).endsWith("/account/sign-in");
		}
		assertThat(checked).as("applicant-only routes").isPositive();
	}

	@Test
	void applicantRoutesRefuseStaff() {
		for (Route route : this.routes) {
			if (!route.isApplicantOnly()) {
				continue;
			}
			MvcTestResult result = this.mvc
				.perform(request(route).with(csrf()).with(user("staff").roles("ADMIN", "EDITOR", "ADMISSIONS")));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(403);
		}
	}

	@Test
	void publicRoutesAnswerAnonymousVisitors() {
		for (Route route : this.routes) {
			if (route.isStaff() || route.isApplicantOnly() || !route.isSafe()) {
				continue;
			}
			MvcTestResult result = this.mvc.perform(request(route));
			assertThat(result.getResponse().getStatus()).as(route.key()).isIn(200, 404);
		}
	}

	/**
	 * RFC 9110: HEAD wherever GET works, with the GET's status and headers and no body;
	 * OPTIONS says which methods the address takes. Crawlers and uptime checks use both.
	 */
	@Test
	void publicRoutesAnswerHeadLikeGetAndOptionsWithAllow() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		var kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.fixtures.programme(kth, "ml", "Machine Learning");
		this.fixtures.course(kth, "DD2424", "Deep Learning", (c) -> {
		});
		// The ETag carries the catalogue's version, heard by notification after these
		// commits: compare GET with HEAD only once it has been heard, or they may
		// straddle it.
		long committed = this.jdbc.sql("select version from catalogue_version").query(Long.class).single();
		long start = System.nanoTime();
		while (this.catalogueVersion.current() == null || this.catalogueVersion.current().version() != committed) {
			assertThat(System.nanoTime() - start).as("heard within 5 s").isLessThan(5_000_000_000L);
			Thread.onSpinWait();
		}
		int answered = 0;
		for (Route route : this.routes) {
			if (route.method() != HttpMethod.GET
					|| !(PUBLIC.contains(route.key()) || APPLICANT_PUBLIC.contains(route.key()))) {
				continue;
			}
			String path = route.pattern()
				.replace("/programmes/{slug}", "/programmes/ml")
				.replace("/courses/{code}", "/courses/DD2424")
				.replaceAll("\\{[^}]+}", "kth");
			HttpResponse<String> get = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			RawHttp.Response head = RawHttp.send(this.port, "HEAD", path);
			assertThat(head.status()).as("HEAD " + path).isEqualTo(get.statusCode());
			assertThat(head.body()).as("HEAD " + path + " body").isEmpty();
			for (String header : List.of("Content-Type", "Cache-Control", "ETag", "Content-Security-Policy")) {
				assertThat(head.headers().get(header.toLowerCase(Locale.ROOT))).as("HEAD " + path + " " + header)
					.isEqualTo(get.headers().firstValue(header).orElse(null));
			}
			// The same page in Swedish (ADR 0035): the same answer, in Swedish.
			HttpResponse<String> swedish = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sv" + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(swedish.statusCode()).as("GET /sv" + path).isEqualTo(get.statusCode());
			if (swedish.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				assertThat(Jsoup.parse(swedish.body()).selectFirst("html").attr("lang")).as("/sv" + path)
					.isEqualTo("sv");
			}
			if (get.statusCode() == 200) {
				answered++;
				var options = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(options.statusCode()).as("OPTIONS " + path).isIn(200, 204);
				assertThat(options.headers().firstValue("Allow")).as("OPTIONS " + path)
					.hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "HEAD"));
			}
		}
		assertThat(answered).as("public routes that answered GET").isGreaterThan(10);
	}

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void staffRoutesSendAnonymousVisitorsToSignIn() {
		for (Route route : this.routes) {
			if (!route.isStaff()) {
				continue;
			}
			MvcTestResult result = this.mvc.perform(request(route).with(csrf()));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(route.key()).endsWith("/login");
		}
	}

	@Test
	void staffRoutesRefuseASignedInUserWithoutAStaffRole() {
		for (Route route : this.routes) {
			if (!route.isStaff()) {
				continue;
			}
			MvcTestResult result = this.mvc
				.perform(request(route).with(csrf()).with(user("applicant").roles("APPLICANT")));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(403);
		}
	}

	/**
	 * Admissions review is for admissions officers and administrators: an editor gets 403
	 * on every route of it, whatever it is.
	 */
	@Test
	void reviewRoutesRefuseEditors() {
		int checked = 0;
		for (Route route : this.routes) {
			if (!route.pattern().startsWith("/admin/applications")) {
				continue;
			}
			checked++;
			MvcTestResult result = this.mvc.perform(request(route).with(csrf()).with(user("editor").roles("EDITOR")));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(403);
		}
		assertThat(checked).as("review routes").isPositive();
	}

	@Test
	void unsafeRequestsWithoutACsrfTokenAreRefused() {
		int checked = 0;
		for (Route route : this.routes) {
			if (route.isSafe() || CSRF_EXEMPT.contains(route.key())) {
				continue;
			}
			checked++;
			MvcTestResult result = this.mvc.perform(request(route).with(user("editor").roles("EDITOR", "ADMIN")));
			assertThat(result.getResponse().getStatus()).as(route.key()).isEqualTo(403);
		}
		assertThat(checked).as("unsafe routes").isPositive();
	}

	/** Addresses people guess or mistype: none of them is a page. */
	static final List<String> UNKNOWN = List.of("/about", "/privacy-policy", "/help", "/courses", "/programmes/",
			"/no/such/page", "/deadlines/2027", "/static-but-not");

	@Test
	void anUnknownAddressIsNotFoundForEveryoneNeverASignIn() {
		for (String path : UNKNOWN) {
			assertThat(this.mvc.get().uri(path).exchange()).as("anonymous " + path).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(this.mvc.get().uri(path).with(user("editor").roles("EDITOR")).exchange()).as("staff " + path)
				.hasStatus(HttpStatus.NOT_FOUND);
		}
	}

	/** A browser, a crawler and curl all get the page; JSON only when asked for. */
	@Test
	void theNotFoundPageIsHtmlUnlessJsonIsAskedFor() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (String accept : List.of("*/*", "text/html,application/xhtml+xml,*/*;q=0.8", "")) {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/about"));
			if (!accept.isEmpty()) {
				request.header("Accept", accept);
			}
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(accept).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(accept).startsWith("text/html");
			assertThat(response.body()).as(accept).contains("We cannot find that page");
		}
		var json = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/about"))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
	}

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffSessions staff;

	/**
	 * Another institution's officer, editor and administrator (ADR 0018) get 404 on every
	 * route of their area whose address names a record of KTH's: its programme, course,
	 * round, institution record, application, document and staff member. Their roles let
	 * them use each route for their own institution, so only the scope can refuse.
	 */
	@Test
	void anotherInstitutionsStaffGetNotFoundOnEveryRouteThatNamesTheFirstsRecords() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		try {
			Applying applying = new Applying(this.mvc, this.jdbc);
			var ada = applying.applicant("ada@example.org", "Ada Lovelace");
			String application = applying.start(ada, "autumn-2027");
			applying.fillEverything(ada, application, "SE", catalogue.ml(), catalogue.applied());
			applying.submit(ada, application);
			long kth = id("select id from institution where slug = 'kth'");
			var kthInstitution = this.fixtures.find(Institution.class, kth);
			long course = this.fixtures.course(kthInstitution, "DD2421", "Machine Learning", (c) -> {
			}).getId();
			Map<String, String> first = Map.of("programmes", Long.toString(catalogue.ml()), "courses",
					Long.toString(course), "rounds", Long.toString(id("select id from application_round")),
					"institutions", Long.toString(kth), "applications", application, "staff",
					Long.toString(this.staff.createAt("editor@kth.example", "Kim KTH", kth, StaffRole.EDITOR)),
					"document", id("select id::text from application_document limit 1", String.class));
			long soton = this.fixtures.institution("soton", "Europe/London").getId();
			this.staff.createAt("officer@soton.example", "Sam Officer", soton, StaffRole.ADMISSIONS);
			this.staff.createAt("editor@soton.example", "Sue Editor", soton, StaffRole.EDITOR);
			this.staff.createAt("admin@soton.example", "Sid Admin", soton, StaffRole.ADMIN);
			Map<String, List<String>> areas = Map.of("officer@soton.example", List.of("/admin/applications/"),
					"editor@soton.example", List.of("/admin/catalogue/"), "admin@soton.example",
					List.of("/admin/applications/", "/admin/catalogue/", "/admin/staff/"));
			int checked = 0;
			for (Map.Entry<String, List<String>> persona : areas.entrySet()) {
				var session = this.staff.signIn(persona.getKey());
				for (Route route : this.routes) {
					if (!route.pattern().contains("{")
							|| persona.getValue().stream().noneMatch(route.pattern()::startsWith)) {
						continue;
					}
					String path = filled(route.pattern(), first);
					MvcTestResult result = this.mvc
						.perform(MockMvcRequestBuilders.request(route.method(), path).session(session).with(csrf()));
					assertThat(result.getResponse().getStatus())
						.as(persona.getKey() + " " + route.method() + " " + path)
						.isEqualTo(404);
					checked++;
				}
			}
			assertThat(checked).as("routes checked for the three of them").isGreaterThan(60);
		}
		finally {
			this.clock.reset();
		}
	}

	/** The pattern with its variables filled with the first institution's records. */
	static String filled(String pattern, Map<String, String> first) {
		String area = pattern.split("/")[pattern.startsWith("/admin/catalogue/") ? 3 : 2];
		return pattern.replace("{courseId}", first.get("courses"))
			.replace("{documentId}", first.get("document"))
			.replace("{kind}", "TRANSCRIPT")
			.replace("{offer}", "0")
			.replace("{condition}", "0")
			.replace("{year}", "2028")
			.replace("{position}", "1")
			.replace("{round}", first.get("rounds"))
			.replace("{programme}", first.get("programmes"))
			.replace("{id}", first.get(area));
	}

	long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	String id(String sql, Class<String> type) {
		return this.jdbc.sql(sql).query(type).single();
	}

	private static MockHttpServletRequestBuilder request(Route route) {
		return MockMvcRequestBuilders.request(route.method(), route.path());
	}

}
