package org.prospectus.reading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Readers and scores (issue 30): an officer saves a programme's review plan and spreads
 * its applications over readers; each reader sees only their own reads, blind until they
 * have submitted; two reads that disagree call for a third; a conflict of interest gives
 * a read back; the application's score, reads outstanding and disagreement follow.
 */
@PortalIntegrationTest
class ReadingTests {

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
	ReaderDesk desk;

	Applying.Catalogue catalogue;

	String first;

	String second;

	long kth;

	@BeforeEach
	void setUp() {
		this.catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		Applying applying = new Applying(this.mvc, this.jdbc);
		this.first = apply(applying, "ada@example.org", "Ada Lovelace");
		this.clock.setInstant(this.clock.instant().plusSeconds(3600));
		this.second = apply(applying, "bo@example.org", "Bo Berg");
		this.kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		long elsewhere = this.fixtures.institution("elsewhere", "Europe/London").getId();
		this.staff.createAt("officer@uni.example", "Olivia Officer", this.kth, StaffRole.ADMISSIONS);
		this.staff.createAt("rina.reader@uni.example", "Rita Reader", this.kth, StaffRole.READER);
		this.staff.createAt("sam.reader@uni.example", "Sam Reader", this.kth, StaffRole.READER);
		this.staff.createAt("tove.reader@uni.example", "Tove Reader", this.kth, StaffRole.READER);
		this.staff.createAt("una.reader@uni.example", "Una Elsewhere", elsewhere, StaffRole.READER);
	}

	private String apply(Applying applying, String email, String name) {
		var session = applying.applicant(email, name);
		String id = applying.start(session);
		applying.fillEverything(session, id, "SE", this.catalogue.ml(), this.catalogue.applied());
		applying.submit(session, id);
		return id;
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aBlindTwoReaderPlanIsScoredAndCallsForAThirdReadWhenTheReadsDisagree() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		String plan = "/admin/applications/reading/" + round() + "/" + this.catalogue.ml();
		// Bad input comes back beside its fields, as typed.
		MvcTestResult refused = this.mvc.post()
			.uri(plan)
			.session(officer)
			.with(csrf())
			.param("version", "0")
			.param("reads", "5")
			.param("blind", "true")
			.param("disagreement", "lots")
			.param("criteria[0].name", "")
			.param("criteria[0].scale", "5")
			.param("criteria[0].weight", "2")
			.exchange();
		assertThat(refused).hasStatus(422);
		Document form = page(refused);
		assertThat(form.select("#reads-error").text()).isNotBlank();
		assertThat(form.select("#disagreement-error").text()).contains("points");
		assertThat(form.select("[id=\"criteria[0].name-error\"]").text()).isNotBlank();
		assertThat(form.select("[id=\"criteria[0].scale\"]").val()).isEqualTo("5");
		assertThat(form.select("#disagreement").val()).isEqualTo("lots");
		var tooMany = this.mvc.post()
			.uri(plan)
			.session(officer)
			.with(csrf())
			.param("version", "0")
			.param("reads", "2")
			.param("disagreement", "2");
		for (int i = 0; i < 11; i++) {
			tooMany = tooMany.param("criteria[" + i + "].name", "Criterion " + i)
				.param("criteria[" + i + "].scale", "5")
				.param("criteria[" + i + "].weight", "1");
		}
		MvcTestResult eleven = tooMany.exchange();
		assertThat(eleven).as("more criteria than a rubric holds, never a 5xx").hasStatus(422);
		assertThat(page(eleven).select("[id=\"criteria[0].name-error\"]").text()).contains("at most 10 criteria");

		assertThat(savePlan(officer, plan, "2", "5", true)).hasRedirectedUrl(plan);
		assertThat(outstanding(this.first)).as("planned: both reads to come").isEqualTo(2);

		// Spread over Rita and Sam: two reads each, previewed before they are made.
		Document preview = page(this.mvc.post()
			.uri(plan + "/preview")
			.session(officer)
			.with(csrf())
			.param("readers", readerId("rina.reader@uni.example"), readerId("sam.reader@uni.example"))
			.exchange());
		assertThat(preview.select("#preview tbody tr").eachText()).containsExactly("Rita Reader 0 2", "Sam Reader 0 2");
		assertThat(reads()).as("a preview assigns nothing").isZero();
		assertThat(this.mvc.post()
			.uri(plan + "/assign")
			.session(officer)
			.with(csrf())
			.param("readers", readerId("rina.reader@uni.example"), readerId("sam.reader@uni.example"))
			.exchange()).hasRedirectedUrl(plan + "#assign");
		assertThat(reads()).isEqualTo(4);

		// A reader sees their own reads, oldest application first, and nothing else.
		MockHttpSession rita = this.staff.signIn("rina.reader@uni.example");
		assertThat(page(this.mvc.get().uri("/admin/reads").session(rita).exchange()).select("#to-read tbody th")
			.eachText())
			.containsExactly("Ada Lovelace, " + reference(this.first), "Ada Lovelace, " + reference(this.second));
		assertThat(this.mvc.get()
			.uri("/admin/reads/" + readOf("sam.reader@uni.example", this.first))
			.session(rita)
			.exchange()).hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/applications").session(rita).exchange()).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/applications/" + this.first).session(rita).exchange()).hasStatus(403);
		MockHttpSession una = this.staff.signIn("una.reader@uni.example");
		assertThat(this.mvc.get()
			.uri("/admin/reads/" + readOf("rina.reader@uni.example", this.first))
			.session(una)
			.exchange()).as("a reader of another institution").hasStatus(404);
		assertThat(page(this.mvc.get().uri("/admin/reads").session(una).exchange()).select("#to-read")).isEmpty();

		// The application's documents open beside the read, with nothing in them allowed
		// to run.
		long ritaRead = readOf("rina.reader@uni.example", this.first);
		String transcript = this.jdbc.sql(
				"select id::text from application_document where application_id = cast(:id as uuid) and kind = 'TRANSCRIPT'")
			.param("id", this.first)
			.query(String.class)
			.single();
		assertThat(this.mvc.get().uri("/admin/reads/" + ritaRead + "/documents/" + transcript).session(rita).exchange())
			.hasStatusOk()
			.hasHeader("Content-Security-Policy",
					"default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox");
		assertThat(this.mvc.get().uri("/admin/reads/" + ritaRead + "/documents/" + transcript).session(una).exchange())
			.hasStatus(404);

		// A draft keeps what is typed; a score off the scale is refused beside it.
		String academic = "scores[" + criterion("Academic record") + "]";
		String motivation = "scores[" + criterion("Motivation") + "]";
		MvcTestResult offScale = save(rita, ritaRead, "draft", Map.of(academic, "9", "comment", "Strong thesis."));
		assertThat(offScale).hasStatus(422);
		assertThat(page(offScale).select("[id=\"" + academic + "-error\"]").text()).contains("1", "5");
		assertThat(page(offScale).select("#comment").text()).isEqualTo("Strong thesis.");
		assertThat(save(rita, ritaRead, "draft", Map.of(academic, "5", "comment", "Strong thesis.")))
			.hasRedirectedUrl("/admin/reads/" + ritaRead);
		Document draft = page(this.mvc.get().uri("/admin/reads/" + ritaRead).session(rita).exchange());
		assertThat(draft.select("input[name=\"" + academic + "\"][checked]").val()).isEqualTo("5");
		assertThat(draft.select("section[aria-labelledby=answers-heading]").text()).as("the application beside it")
			.contains("Answers as submitted", "Uppsala University", "I want to build learning systems that last.");
		assertThat(save(rita, ritaRead, "submit", Map.of(academic, "5", "comment", "Strong thesis.")))
			.as("every criterion needs a score to submit")
			.hasStatus(422);
		assertThat(save(rita, ritaRead, "submit", Map.of(academic, "5", motivation, "5", "comment", "Strong thesis.")))
			.hasRedirectedUrl("/admin/reads");

		// Blind: Sam sees no other score until his own is in.
		MockHttpSession sam = this.staff.signIn("sam.reader@uni.example");
		long samRead = readOf("sam.reader@uni.example", this.first);
		Document blind = page(this.mvc.get().uri("/admin/reads/" + samRead).session(sam).exchange());
		assertThat(blind.select("#others")).isEmpty();
		assertThat(blind.text()).doesNotContain("Strong thesis", "Rita");
		assertThat(save(sam, samRead, "submit", Map.of(academic, "1", motivation, "2", "comment", "Thin.")))
			.hasRedirectedUrl("/admin/reads");
		assertThat(page(this.mvc.get().uri("/admin/reads/" + samRead).session(sam).exchange()).select("#others").text())
			.contains("Rita Reader: 10.00 / 10", "Strong thesis.");

		// 10.00 and 2.67 differ by more than 2 points: a third read goes to Tove.
		Map<String, Object> scored = this.jdbc
			.sql("select review_score, reads_outstanding, reads_disagree from application where id = cast(:id as uuid)")
			.param("id", this.first)
			.query()
			.singleRow();
		assertThat(scored).containsEntry("review_score", new BigDecimal("6.34"))
			.containsEntry("reads_outstanding", 1)
			.containsEntry("reads_disagree", true);
		long toveRead = readOf("tove.reader@uni.example", this.first);
		assertThat(this.jdbc.sql("select extra from application_read where id = :id")
			.param("id", toveRead)
			.query(Boolean.class)
			.single()).isTrue();

		// Tove declares a conflict: she no longer sees it, and nobody else is free.
		MockHttpSession tove = this.staff.signIn("tove.reader@uni.example");
		assertThat(this.mvc.post()
			.uri("/admin/reads/" + toveRead + "/conflict")
			.session(tove)
			.with(csrf())
			.param("version", "0")
			.param("reason", " ")
			.exchange()).hasStatus(422);
		assertThat(this.mvc.post()
			.uri("/admin/reads/" + toveRead + "/conflict")
			.session(tove)
			.with(csrf())
			.param("version", "0")
			.param("reason", "I supervised her thesis.")
			.exchange()).hasRedirectedUrl("/admin/reads");
		assertThat(this.mvc.get().uri("/admin/reads/" + toveRead).session(tove).exchange()).hasStatus(404);
		assertThat(outstanding(this.first)).isEqualTo(1);

		// The officer sees every read, never blind, and assigns one by hand.
		Document detail = page(this.mvc.get().uri("/admin/applications/" + this.first).session(officer).exchange());
		assertThat(detail.select("#score").text()).isEqualTo("Score: 6.34 / 10");
		assertThat(detail.select("#disagreement").text()).contains("2 points");
		assertThat(detail.select("#read-list tbody tr").eachText()).contains("Rita Reader Submitted 10.00 / 10",
				"Tove Reader, third read Conflict of interest: I supervised her thesis. –");
		assertThat(this.mvc.post()
			.uri("/admin/applications/" + this.second + "/reads")
			.session(officer)
			.with(csrf())
			.param("reader", readerId("tove.reader@uni.example"))
			.exchange()).hasRedirectedUrl("/admin/applications/" + this.second + "#reads");
		assertThat(readOf("tove.reader@uni.example", this.second)).isPositive();
		// Rita and Sam submit their reads of the second application at the same moment:
		// both count, and the disagreement between them is seen.
		String academicId = String.valueOf(criterion("Academic record"));
		String motivationId = String.valueOf(criterion("Motivation"));
		List<Callable<Boolean>> both = List.of(
				() -> submitAs("rina.reader@uni.example", readOf("rina.reader@uni.example", this.second),
						Map.of(academicId, "5", motivationId, "5")),
				() -> submitAs("sam.reader@uni.example", readOf("sam.reader@uni.example", this.second),
						Map.of(academicId, "1", motivationId, "1")));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (Future<Boolean> done : pool.invokeAll(both)) {
				assertThat(done.get()).isTrue();
			}
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("select review_score || ' ' || reads_outstanding || ' ' || reads_disagree from application"
					+ " where id = cast(:id as uuid)")
			.param("id", this.second)
			.query(String.class)
			.single()).as("the mean of both, Tove's third read to come").isEqualTo("6.00 1 true");
		assertThat(this.jdbc.sql("select action from audit_event where action like 'READ_%' order by id")
			.query(String.class)
			.list()).contains("READ_ASSIGN", "READ_SUBMIT", "READ_CONFLICT");

		// The rubric holds still once reads are in.
		MvcTestResult locked = savePlan(officer, plan, "2", "10", false);
		assertThat(locked).hasStatus(422);
		assertThat(page(locked).select("[id=\"criteria[0].name-error\"]").text()).contains("can no longer change");

		// The threshold may still change, and every waiting application is weighed again.
		assertThat(savePlan(officer, plan, "8", "5", true)).hasRedirectedUrl(plan);
		assertThat(this.jdbc
			.sql("select review_score || ' ' || reads_outstanding || ' ' || reads_disagree from application"
					+ " where id = cast(:id as uuid)")
			.param("id", this.first)
			.query(String.class)
			.single()).as("10.00 and 2.67 are within 8 points").isEqualTo("6.34 0 false");
	}

	/** Submits a read as its reader would, in a transaction of its own. */
	private boolean submitAs(String email, long read, Map<String, String> scores) {
		long kth = this.kth;
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting(email, Set.of(), Map.of(StaffRole.READER, Set.of(kth)))));
		try {
			ReadForm form = new ReadForm();
			form.setVersion(this.jdbc.sql("select version from application_read where id = :id")
				.param("id", read)
				.query(Long.class)
				.single());
			form.getScores().putAll(scores);
			return this.desk.save(read, form, true, new BeanPropertyBindingResult(form, "readForm"));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Posts the plan's form: two blind reads, the rubric's two criteria as given. */
	private MvcTestResult savePlan(MockHttpSession officer, String plan, String disagreement, String academicScale,
			boolean motivation) {
		var request = this.mvc.post()
			.uri(plan)
			.session(officer)
			.with(csrf())
			.param("version", String.valueOf(planVersion()))
			.param("reads", "2")
			.param("blind", "true")
			.param("disagreement", disagreement)
			.param("criteria[0].name", "Academic record")
			.param("criteria[0].scale", academicScale)
			.param("criteria[0].weight", "2");
		if (motivation) {
			request = request.param("criteria[1].name", "Motivation")
				.param("criteria[1].scale", "5")
				.param("criteria[1].weight", "1");
		}
		return request.exchange();
	}

	private MvcTestResult save(MockHttpSession session, long read, String action, Map<String, String> fields) {
		var request = this.mvc.post()
			.uri("/admin/reads/" + read)
			.session(session)
			.with(csrf())
			.param("action", action)
			.param("version",
					String.valueOf(this.jdbc.sql("select version from application_read where id = :id")
						.param("id", read)
						.query(Long.class)
						.single()));
		fields.forEach(request::param);
		return request.exchange();
	}

	private long round() {
		return this.jdbc.sql("select id from application_round").query(Long.class).single();
	}

	private long planVersion() {
		return this.jdbc.sql("select version from review_plan").query(Long.class).optional().orElse(0L);
	}

	private String readerId(String email) {
		return String.valueOf(this.jdbc.sql("select id from staff_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single());
	}

	private long readOf(String email, String application) {
		List<Long> ids = this.jdbc.sql("""
				select r.id from application_read r join staff_user s on s.id = r.reader_id
				where s.email = :email and r.application_id = cast(:application as uuid)""")
			.param("email", email)
			.param("application", application)
			.query(Long.class)
			.list();
		return ids.isEmpty() ? -1 : ids.get(0);
	}

	private long criterion(String name) {
		return this.jdbc.sql("select id from review_criterion where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private int reads() {
		return this.jdbc.sql("select count(*) from application_read").query(Integer.class).single();
	}

	private Integer outstanding(String application) {
		return this.jdbc.sql("select reads_outstanding from application where id = cast(:id as uuid)")
			.param("id", application)
			.query(Integer.class)
			.single();
	}

	private String reference(String application) {
		return this.jdbc.sql("select reference from application where id = cast(:id as uuid)")
			.param("id", application)
			.query(String.class)
			.single();
	}

}
