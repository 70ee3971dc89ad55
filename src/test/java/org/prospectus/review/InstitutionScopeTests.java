package org.prospectus.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.decisions.DecisionNotifier;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Admissions staff of one institution see only the applications that reach it (ADR 0018):
 * KTH runs its own round and a joint one with Southampton; Southampton runs its own.
 * Another institution's application answers 404 on every route that names it, exactly as
 * a missing one does; the queue, the export, the dashboard and bulk changes leave it out;
 * in the joint round each institution offers its own programmes and only the coordinator
 * moves the application as a whole.
 */
@PortalIntegrationTest
class InstitutionScopeTests {

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
	DecisionNotifier notifier;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** In KTH's own round. */
	String kthOnly;

	/** In Southampton's own round. */
	String sotonOnly;

	/** In KTH's joint round, ranking Southampton's programme first. */
	String joint;

	long sotonMl;

	long kthMl;

	MockHttpSession kthOfficer;

	MockHttpSession sotonOfficer;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.kthMl = catalogue.ml();
		Institution kth = this.fixtures.find(Institution.class,
				this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single());
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		Programme sotonMl = this.fixtures.programme(soton, "soton-ml", "Machine Learning");
		Programme sotonAi = this.fixtures.programme(soton, "soton-ai", "Artificial Intelligence");
		this.sotonMl = sotonMl.getId();
		Instant opens = Instant.parse("2026-10-15T22:00:00Z");
		this.fixtures.round(soton, "soton-2027", opens, Applying.DEADLINE, sotonMl, sotonAi);
		this.fixtures.round(kth, "joint-2027", opens, Applying.DEADLINE,
				this.fixtures.find(Programme.class, this.kthMl), sotonMl);

		Applying applying = new Applying(this.mvc, this.jdbc);
		this.kthOnly = apply(applying, "ada@example.org", "autumn-2027", this.kthMl, catalogue.applied());
		this.sotonOnly = apply(applying, "grace@example.org", "soton-2027", sotonMl.getId(), sotonAi.getId());
		this.joint = apply(applying, "mary@example.org", "joint-2027", sotonMl.getId(), this.kthMl);

		this.staff.createAt("kth@uni.example", "Karin KTH", kth.getId(), StaffRole.ADMISSIONS);
		this.staff.createAt("soton@uni.example", "Sam Southampton", soton.getId(), StaffRole.ADMISSIONS);
		this.kthOfficer = this.staff.signIn("kth@uni.example");
		this.sotonOfficer = this.staff.signIn("soton@uni.example");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static String apply(Applying applying, String email, String round, long first, long second) {
		MockHttpSession session = applying.applicant(email, email);
		String id = applying.start(session, round);
		applying.fillEverything(session, id, "SE", first, second);
		assertThat(applying.submit(session, id)).hasRedirectedUrl("/applications/" + id);
		return id;
	}

	String reference(String id) {
		return this.jdbc.sql("select reference from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	String document(String id) {
		return this.jdbc
			.sql("select id from application_document where application_id = cast(:id as uuid) order by id limit 1")
			.param("id", id)
			.query(UUID.class)
			.single()
			.toString();
	}

	MvcTestResult call(HttpMethod method, String pattern, String id, MockHttpSession session) {
		String path = pattern.replace("{id}", id)
			.replace("{documentId}", document(id))
			.replace("{kind}", "transcript")
			.replace("{offer}", "0")
			.replace("{condition}", "0")
			.replace("{position}", "1");
		return this.mvc.perform(request(method, path).session(session)
			.with(csrf())
			.param("version", "0")
			.param("status", "ELIGIBILITY_CHECKED")
			.param("body", "A note")
			.param("by", "2027-02-01")
			.param("message", "Please send it.")
			.param("verdict", "VERIFIED")
			.param("state", "MET")
			.param("reason", "Not met."));
	}

	/** Every route that names one application, found in the handler mappings. */
	List<Map.Entry<HttpMethod, String>> applicationRoutes() {
		List<Map.Entry<HttpMethod, String>> routes = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/admin/applications/{id}")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						routes.add(Map.entry(method.asHttpMethod(), pattern));
					}
				}
			}
		});
		return routes;
	}

	MvcTestResult post(MockHttpSession officer, String path, String... pairs) {
		var request = this.mvc.post().uri(path).session(officer).with(csrf());
		for (int i = 0; i < pairs.length; i += 2) {
			request = request.param(pairs[i], pairs[i + 1]);
		}
		return request.exchange();
	}

	String version(MockHttpSession officer, String id) {
		return page(this.mvc.get().uri("/admin/applications/" + id).session(officer).exchange())
			.select("input[name=version]")
			.first()
			.val();
	}

	/**
	 * A joint round's partner is shown only what it may do: no document verdicts, no
	 * request for documents, no refusal with the coordinator's reasons, and among the
	 * moves only an offer or a reserve place on its own programme, which it can then
	 * save. The coordinator is not offered the partner's programme either.
	 */
	@Test
	void aJointRoundsPartnerIsShownOnlyTheControlsItMayUse() {
		this.jdbc.sql("update institution set refusal_reasons = '{\"Not a relevant degree\"}' where slug = 'kth'")
			.update();
		for (String status : new String[] { "ELIGIBILITY_CHECKED", "UNDER_REVIEW" }) {
			post(this.kthOfficer, "/admin/applications/" + this.joint + "/status", "status", status, "version",
					version(this.kthOfficer, this.joint));
		}
		Document partner = page(
				this.mvc.get().uri("/admin/applications/" + this.joint).session(this.sotonOfficer).exchange());
		assertThat(partner.select("form[action$=/check]")).as("document verdicts").isEmpty();
		assertThat(partner.select("form[action$=/request-documents]")).as("a request for documents").isEmpty();
		assertThat(partner.select("#refusal")).as("the coordinator's refusal reasons").isEmpty();
		assertThat(partner.select("#partner-note").text()).contains("University kth coordinates this round");
		assertThat(partner.select("#status option[value]").eachAttr("value")).containsExactlyInAnyOrder("", "ADMITTED",
				"RESERVE");
		assertThat(partner.select("#programme option[value]").eachAttr("value")).containsExactly("",
				Long.toString(this.sotonMl));
		Document coordinator = page(
				this.mvc.get().uri("/admin/applications/" + this.joint).session(this.kthOfficer).exchange());
		assertThat(coordinator.select("#partner-note")).isEmpty();
		assertThat(coordinator.select("#programme option[value]").eachAttr("value")).containsExactly("",
				Long.toString(this.kthMl));
		assertThat(coordinator.select("#refusal")).isNotEmpty();

		assertThat(post(this.sotonOfficer, "/admin/applications/" + this.joint + "/status", "status", "RESERVE",
				"programme", Long.toString(this.sotonMl), "version", version(this.sotonOfficer, this.joint)))
			.as("what the partner is shown, it can do")
			.hasStatus(302);
	}

	@Test
	void inAJointRoundEachInstitutionOffersItsOwnProgrammeAndTheApplicantAcceptsOne() {
		for (String status : new String[] { "ELIGIBILITY_CHECKED", "UNDER_REVIEW" }) {
			post(this.kthOfficer, "/admin/applications/" + this.joint + "/status", "status", status, "version",
					version(this.kthOfficer, this.joint));
		}
		assertThat(post(this.kthOfficer, "/admin/applications/" + this.joint + "/status", "status", "ADMITTED",
				"programme", Long.toString(this.kthMl), "version", version(this.kthOfficer, this.joint)))
			.hasStatus(302);
		assertThat(post(this.kthOfficer, "/admin/applications/" + this.joint + "/offers", "programme",
				Long.toString(this.sotonMl), "version", version(this.kthOfficer, this.joint)))
			.as("Southampton's programme is Southampton's to offer")
			.hasStatus(422);
		assertThat(post(this.sotonOfficer, "/admin/applications/" + this.joint + "/offers", "programme",
				Long.toString(this.sotonMl), "otherConditions", "IELTS 6.5", "version",
				version(this.sotonOfficer, this.joint)))
			.hasRedirectedUrl("/admin/applications/" + this.joint);

		this.clock.setInstant(Instant.parse("2027-01-29T22:59:59Z"));
		assertThat(this.notifier.notifyDue()).isEqualTo(1);
		assertThat(this.jdbc.sql("select subject from mail_outbox where recipient = 'mary@example.org' order by id")
			.query(String.class)
			.list()).endsWith("A decision on your application", "You are offered another place");
		MockHttpSession mary = new Applying(this.mvc, this.jdbc).signIn("mary@example.org");
		long soton = this.jdbc.sql("select id from offer where programme_id = :p")
			.param("p", this.sotonMl)
			.query(Long.class)
			.single();
		Document confirm = page(this.mvc.get()
			.uri("/applications/" + this.joint + "/offers/" + soton + "/accept")
			.session(mary)
			.exchange());
		assertThat(confirm.select("main").text()).contains("Accepting this offer declines your other offers",
				"Machine Learning, University kth");
		assertThat(post(mary, "/applications/" + this.joint + "/offers/" + soton + "/accept")).hasStatus(302);
		assertThat(this.jdbc.sql("select programme_id, state from offer order by programme_id")
			.query((rs, n) -> rs.getLong(1) + "=" + rs.getString(2))
			.list()).containsExactlyInAnyOrder(this.sotonMl + "=ACCEPTED", this.kthMl + "=DECLINED");
	}

	@Test
	void aJointRoundsPartnerNeitherSeesNorGrantsItsLateApplicationsButSeesItsOwnPlaces() {
		long joint = this.jdbc.sql("select id from application_round where slug = 'joint-2027'")
			.query(Long.class)
			.single();
		assertThat(this.mvc.get().uri("/admin/applications/exceptions?round=" + joint).session(this.sotonOfficer))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/applications/exceptions")
			.session(this.sotonOfficer)
			.with(csrf())
			.param("round", Long.toString(joint))
			.param("email", "mary@example.org")
			.param("kind", "SUBMIT")
			.param("until", "2027-01-20T12:00")
			.param("reason", "Asked nicely.")).hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/applications/exceptions?round=" + joint).session(this.kthOfficer))
			.hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/admin/applications/dashboard/programme?round=" + joint + "&programme=" + this.sotonMl)
			.session(this.sotonOfficer)).hasStatusOk();
		long sotonRound = this.jdbc.sql("select id from application_round where slug = 'soton-2027'")
			.query(Long.class)
			.single();
		assertThat(this.mvc.get()
			.uri("/admin/applications/dashboard/programme?round=" + sotonRound + "&programme=" + this.sotonMl)
			.session(this.kthOfficer)).as("another institution's own round").hasStatus(404);
	}

	@Test
	void anotherInstitutionsApplicationIsNotFoundOnEveryRouteThatNamesIt() {
		List<Map.Entry<HttpMethod, String>> routes = applicationRoutes();
		assertThat(routes).as("application routes").hasSizeGreaterThanOrEqualTo(6);
		for (Map.Entry<HttpMethod, String> route : routes) {
			assertThat(call(route.getKey(), route.getValue(), this.kthOnly, this.sotonOfficer))
				.as("Southampton's officer on " + route)
				.hasStatus(404);
		}
		// Their own institution's staff reach it: the 404s above are about scope.
		for (Map.Entry<HttpMethod, String> route : routes) {
			if (route.getValue().contains("/fee-receipt/") || route.getValue().contains("/references/")) {
				// Serves fee receipts only, and this application's document is a
				// transcript: ApplicationFeeTests opens a real receipt. Nor has it a
				// referee's letter: ReferencesTests opens a real one.
				continue;
			}
			assertThat(call(route.getKey(), route.getValue(), this.kthOnly, this.kthOfficer).getResponse().getStatus())
				.as("KTH's officer on " + route)
				.isNotEqualTo(404);
		}
		assertThat(this.jdbc.sql("select count(*) from application_note").query(Integer.class).single())
			.as("only KTH's note was kept")
			.isEqualTo(1);
	}

	@Test
	void theQueueTheExportAndTheDashboardHoldOnlyWhatReachesTheInstitution() {
		String kth = reference(this.kthOnly);
		String soton = reference(this.sotonOnly);
		String joint = reference(this.joint);
		assertThat(queue(this.sotonOfficer)).containsExactlyInAnyOrder(soton, joint);
		assertThat(queue(this.kthOfficer)).containsExactlyInAnyOrder(kth, joint);
		assertThat(export(this.sotonOfficer)).contains(soton, joint).doesNotContain(kth);
		assertThat(export(this.kthOfficer)).contains(kth, joint).doesNotContain(soton);

		long kthRound = this.jdbc.sql("select id from application_round where slug = 'autumn-2027'")
			.query(Long.class)
			.single();
		Document dashboard = page(this.mvc.get()
			.uri("/admin/applications/dashboard?round={round}", kthRound)
			.session(this.sotonOfficer)
			.exchange());
		assertThat(dashboard.select("select#round option").eachText()).noneMatch((o) -> o.contains("autumn-2027"));
		assertThat(dashboard.select("h1, h2").text()).doesNotContain("autumn-2027");
		assertThat(page(this.mvc.get().uri("/admin/applications").session(this.sotonOfficer).exchange())
			.select("select#round option")
			.eachText()).noneMatch((o) -> o.contains("autumn-2027"));
	}

	@Test
	void bulkChangesNeverTakeInAnotherInstitutionsApplications() {
		Document preview = page(this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.sotonOfficer)
			.with(csrf())
			.param("scope", "selected")
			.param("ids", this.kthOnly, this.sotonOnly)
			.param("target", "ELIGIBILITY_CHECKED")
			.param("view", "")
			.exchange());
		assertThat(preview.select("#changes tbody tr td:first-child").eachText())
			.containsExactly(reference(this.sotonOnly));
		var confirm = this.mvc.post().uri("/admin/applications/bulk/confirm").session(this.sotonOfficer).with(csrf());
		for (Element field : preview.select("#confirm input[name]")) {
			confirm = confirm.param(field.attr("name"), field.attr("value"));
		}
		// A version for KTH's application slipped into the confirmation changes nothing.
		confirm.param("versions", this.kthOnly + ":0");
		assertThat(confirm.exchange()).hasStatusOk();
		assertThat(status(this.kthOnly)).isEqualTo("SUBMITTED");
		assertThat(status(this.sotonOnly)).isEqualTo("ELIGIBILITY_CHECKED");
	}

	@Test
	void inAJointRoundEachInstitutionOffersItsOwnProgrammesAndTheCoordinatorMovesTheRest() {
		// The partner reads the application and its documents...
		assertThat(this.mvc.get()
			.uri("/admin/applications/{id}/documents/{doc}", this.joint, document(this.joint))
			.session(this.sotonOfficer)
			.exchange()).hasStatusOk();
		// ...but moving it as a whole is the coordinator's.
		assertThat(move(this.sotonOfficer, "ELIGIBILITY_CHECKED")).hasStatus(422);
		assertThat(page(move(this.sotonOfficer, "ELIGIBILITY_CHECKED")).select("#refused").text())
			.contains("Another institution decides this");
		assertThat(move(this.kthOfficer, "ELIGIBILITY_CHECKED")).hasStatus3xxRedirection();
		assertThat(move(this.kthOfficer, "UNDER_REVIEW")).hasStatus3xxRedirection();
		// An offer of KTH's programme is KTH's; Southampton offers its own.
		assertThat(move(this.sotonOfficer, "ADMITTED", "programme", Long.toString(this.kthMl))).hasStatus(422);
		assertThat(move(this.kthOfficer, "ADMITTED", "programme", Long.toString(this.sotonMl))).hasStatus(422);
		assertThat(status(this.joint)).isEqualTo("UNDER_REVIEW");
		assertThat(move(this.sotonOfficer, "ADMITTED", "programme", Long.toString(this.sotonMl)))
			.hasStatus3xxRedirection();
		assertThat(status(this.joint)).isEqualTo("ADMITTED");
	}

	/**
	 * Posts a move as a crafted request would, with the current version, whether or not
	 * the officer's page offers the form.
	 */
	MvcTestResult move(MockHttpSession officer, String status, String... more) {
		var request = this.mvc.post()
			.uri("/admin/applications/{id}/status", this.joint)
			.session(officer)
			.with(csrf())
			.param("status", status)
			.param("version",
					this.jdbc.sql("select version from application where id = cast(:id as uuid)")
						.param("id", this.joint)
						.query(String.class)
						.single());
		for (int i = 0; i < more.length; i += 2) {
			request = request.param(more[i], more[i + 1]);
		}
		return request.exchange();
	}

	String status(String id) {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	List<String> queue(MockHttpSession officer) {
		Document page = page(this.mvc.get().uri("/admin/applications").session(officer).exchange());
		return page.select("table tbody tr a[href^=/admin/applications/]").eachText();
	}

	String export(MockHttpSession officer) {
		MvcTestResult result = this.mvc.get().uri("/admin/applications/export.csv").session(officer).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
