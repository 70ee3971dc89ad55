package org.prospectus.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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
			"GET /programmes/{slug}/course-description.pdf", "GET /courses/{code}", "GET /courses/{code}/syllabus.pdf",
			"GET /deadlines", "GET /deadlines.ics", "GET /programmes/{slug}/deadlines.ics", "GET /sitemap.xml",
			"GET /robots.txt", "GET /login", "GET /staff/set-password", "POST /staff/set-password",
			// The error pages, which any failing request is forwarded to.
			"GET /error", "POST /error",
			// Helping applicants choose (ADR 0013).
			"GET /compare", "GET /careers", "GET /guide", "GET /finder",
			// The statements every page links to (ADR 0019).
			"GET /privacy", "GET /privacy/{slug}", "GET /accessibility", "GET /contact");

	/** The applicants' routes anyone may use: signing up, in and back in. */
	static final Set<String> APPLICANT_PUBLIC = Set.of("GET /account/register", "POST /account/register",
			"GET /account/register/check-email", "POST /account/verify/resend", "GET /account/verify",
			"POST /account/verify", "GET /account/sign-in", "GET /account/forgot-password",
			"POST /account/forgot-password", "GET /account/reset-password", "POST /account/reset-password");

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

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
			if (route.isSafe()) {
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
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		for (String accept : List.of("*/*", "text/html,application/xhtml+xml,*/*;q=0.8", "")) {
			var request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/about"));
			if (!accept.isEmpty()) {
				request.header("Accept", accept);
			}
			var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(accept).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(accept).startsWith("text/html");
			assertThat(response.body()).as(accept).contains("We cannot find that page");
		}
		var json = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/about"))
				.header("Accept", "application/json")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(Route route) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(route.method(),
				route.path());
	}

}
