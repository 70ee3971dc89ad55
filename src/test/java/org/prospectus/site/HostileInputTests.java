package org.prospectus.site;

import java.lang.reflect.Parameter;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.applications.Step;
import org.prospectus.applications.StepForm;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;
import org.prospectus.web.FormFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every form a POST handler binds, and both sign-in forms, sent what no page of ours
 * sends: a NUL character in every field, 100 kB values, list rows far beyond the form's,
 * unknown and class-loader fields. Each is sent by whoever may post it (an applicant with
 * an application, a staff member with every role, nobody), and none may answer with a
 * server error.
 */
@PortalIntegrationTest
class HostileInputTests {

	static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** Last, so that the forms before them still find a draft to bind to. */
	static final Pattern ENDING = Pattern
		.compile(".*(withdraw|submit|delete|discard|retire|disable|sign-out|logout).*");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

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

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	MockHttpSession applicant;

	MockHttpSession administrator;

	String application;

	@BeforeEach
	void signIn() {
		Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		Applying applying = new Applying(this.mvc, this.jdbc);
		this.applicant = applying.applicant("ada@example.org", "Ada Lovelace");
		this.application = applying.start(this.applicant, "autumn-2027");
		this.staff.create("admin@uni.example", "Ada Admin", StaffRole.values());
		this.administrator = this.staff.signIn("admin@uni.example");
	}

	@Test
	void noFormAnswersHostileInputWithAServerError() {
		List<Target> targets = targets();
		assertThat(targets).as("POST routes found").hasSizeGreaterThan(30);
		// Each kind of input goes to every route before the next kind, so that what one
		// form kept is shown by the pages after it (the check-your-answers page, say).
		Map<Target, Map<String, Map<String, List<String>>>> payloads = new LinkedHashMap<>();
		targets.forEach((target) -> payloads.put(target, payloads(fieldsOf(target))));
		for (String kind : payloads(Set.of()).keySet()) {
			for (Target target : targets) {
				Map.Entry<String, Map<String, List<String>>> payload = Map.entry(kind, payloads.get(target).get(kind));
				for (MockHttpSession session : sessionsFor(target.path())) {
					var request = this.mvc.post().uri(target.path()).with(csrf());
					if (session != null) {
						request.session(session);
					}
					payload.getValue().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
					int status = request.exchange().getResponse().getStatus();
					assertThat(status)
						.as("%s to %s %s", payload.getKey(), target.path(),
								(session == null) ? "anonymously" : "signed in")
						.isLessThan(500);
				}
			}
		}
	}

	@Test
	void aNulCharacterIsRefusedWithThePageThatSaysWhatToDo() {
		var refused = this.mvc.post()
			.uri("/account/sign-in")
			.param("username", "ada@example.org\0")
			.param("password", "x")
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatus(400);
		var page = this.mvc.get().uri("/admin/applications").param("q", "a\0b").session(this.administrator).exchange();
		assertThat(page).hasStatus(400);
	}

	/**
	 * Bytes that are not UTF-8, as a real client sends them to the real server: the
	 * container decodes the form, so this goes over HTTP rather than through MockMvc.
	 */
	@Test
	void bytesThatAreNotUtf8AreNoServerError() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + this.port;
		for (String page : List.of("/account/sign-in", "/account/register", "/login")) {
			HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(form.body());
			assertThat(token.find()).as("the CSRF token of " + page).isTrue();
			String body = "_csrf=" + token.group(1) + "&username=%FF%FEada&email=%C3%28x&fullName=%ED%A0%80"
					+ "&password=%F0%28%8C%BC&confirmation=%80";
			HttpResponse<String> sent = client.send(HttpRequest.newBuilder(URI.create(base + page))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(sent.statusCode()).as("invalid UTF-8 posted to " + page).isLessThan(500);
		}
		HttpResponse<String> search = client.send(
				HttpRequest.newBuilder(URI.create(base + "/programmes?q=%FF%FE&level=%C3%28")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(search.statusCode()).as("invalid UTF-8 in a search").isLessThan(500);
	}

	record Target(String path, HandlerMethod handler) {
	}

	List<Target> targets() {
		List<Target> targets = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				for (String path : expand(pattern)) {
					targets.add(new Target(path, entry.getValue()));
				}
			}
		}
		targets.add(new Target("/login", null));
		targets.add(new Target("/account/sign-in", null));
		targets.sort(Comparator.comparing((Target target) -> ENDING.matcher(target.path()).matches())
			.thenComparing(Target::path));
		return targets;
	}

	/** The pattern with real values: the applicant's application, each step, ids of 1. */
	List<String> expand(String pattern) {
		List<String> paths = new ArrayList<>(List.of(pattern));
		Matcher variable = VARIABLE.matcher(pattern);
		while (variable.find()) {
			String name = variable.group(1);
			List<String> values = switch (name) {
				case "step" -> Arrays.stream(Step.values()).map(Step::slug).toList();
				case "kind" -> List.of("transcript");
				case "year" -> List.of("2028");
				default -> List.of(pattern.startsWith("/applications") ? this.application : "1");
			};
			List<String> expanded = new ArrayList<>();
			for (String path : paths) {
				for (String value : values) {
					expanded.add(path.replace("{" + name + "}", value));
				}
			}
			paths = expanded;
		}
		return paths;
	}

	List<MockHttpSession> sessionsFor(String path) {
		List<MockHttpSession> sessions = new ArrayList<>();
		if (path.startsWith("/admin") || path.equals("/login")) {
			sessions.add(this.administrator);
		}
		else if (path.startsWith("/applications") || path.startsWith("/account")) {
			sessions.add(this.applicant);
		}
		sessions.add(null);
		return sessions;
	}

	/** The fields a route's forms take, as its binder's allow-list would spell them. */
	static Set<String> fieldsOf(Target target) {
		Set<String> names = new LinkedHashSet<>(List.of("username", "password", "confirmation", "token", "version"));
		if (target.path().contains("/steps/")) {
			String slug = target.path().substring(target.path().lastIndexOf('/') + 1);
			Step.ofSlug(slug).filter(Step::isForm).ifPresent((step) -> {
				for (Class<?> form : StepForm.class.getPermittedSubclasses()) {
					names.addAll(List.of(FormFields.of(form)));
				}
			});
		}
		if (target.handler() == null) {
			return names;
		}
		for (Parameter parameter : target.handler().getMethod().getParameters()) {
			if (parameter.isAnnotationPresent(ModelAttribute.class)) {
				Class<?> type = parameter.getType();
				if (type.isRecord()) {
					Arrays.stream(type.getRecordComponents()).forEach((component) -> names.add(component.getName()));
				}
				else {
					names.addAll(List.of(FormFields.of(type)));
				}
			}
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null) {
				names.add(!param.name().isEmpty() ? param.name()
						: !param.value().isEmpty() ? param.value() : parameter.getName());
			}
		}
		return names;
	}

	static Map<String, Map<String, List<String>>> payloads(Set<String> fields) {
		Map<String, Map<String, List<String>>> payloads = new LinkedHashMap<>();
		payloads.put("a NUL character", every(fields, "a\0b"));
		payloads.put("100 kB values", every(fields, "x".repeat(100 * 1024)));
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String field : fields) {
			if (field.contains("[*]")) {
				rows.put(field.replace("[*]", "[99999]"), List.of("1"));
				rows.put(field.replace("[*]", "[100000000]"), List.of("1"));
			}
		}
		payloads.put("rows far beyond the form's", rows);
		Map<String, List<String>> unknown = new LinkedHashMap<>();
		for (String name : List.of("class.module.classLoader.defaultAssertionStatus", "class.classLoader.resources",
				"id", "state", "passwordHash", "institution.id", "no-such-field", "entries[0]", "ranked.x")) {
			unknown.put(name, List.of("1"));
		}
		payloads.put("unknown and class-loader fields", unknown);
		return payloads;
	}

	static Map<String, List<String>> every(Set<String> fields, String value) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (String field : fields) {
			values.put(field.replace("[*]", "[0]"), List.of(value));
		}
		return values;
	}

}
