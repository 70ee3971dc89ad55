package org.prospectus.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;
import org.prospectus.institution.Institution;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The admissions queue, its CSV export, bulk status changes and the dashboard, through
 * the pages as an admissions officer uses them, on the real PostgreSQL.
 */
@PortalIntegrationTest
class ReviewQueueTests {

	static final String OFFICER = "officer@uni.example";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	@Autowired
	StatementCounter statements;

	ReviewData data;

	Programme ml;

	Programme ai;

	Programme stats;

	ApplicationRound autumn;

	ApplicationRound spring;

	MockHttpSession officer;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.data = new ReviewData(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.ml = this.fixtures.programme(kth, "ml", "Machine Learning");
		this.ai = this.fixtures.programme(kth, "ai", "Artificial Intelligence");
		this.stats = this.fixtures.programme(kth, "stats", "Statistics");
		Instant opens = Instant.parse("2026-10-01T00:00:00Z");
		this.autumn = this.fixtures.round(kth, "autumn", opens, Instant.parse("2027-01-15T23:00:00Z"), this.ml, this.ai,
				this.stats);
		this.spring = this.fixtures.round(kth, "spring", opens, Instant.parse("2027-02-15T23:00:00Z"), this.ml,
				this.ai);
		this.staff.create(OFFICER, "Olive Officer", StaffRole.ADMISSIONS);
		this.officer = this.staff.signIn(OFFICER);
	}

	UUID submitted(String reference, ApplicationRound round, Consumer<ReviewData.Spec> customizer) {
		ReviewData.Spec spec = new ReviewData.Spec(reference, round.getId());
		spec.choices = List.of(this.ml.getId(), this.ai.getId());
		customizer.accept(spec);
		return this.data.submitted(spec);
	}

	Document queue(String query) {
		MvcTestResult result = this.mvc.get().uri("/admin/applications?" + query).session(this.officer).exchange();
		assertThat(result).hasStatusOk();
		return page(result);
	}

	static List<String> references(Document page) {
		return page.select("table.queue-table tbody tr td:nth-child(2) a").eachText();
	}

	@Test
	void eachFilterNarrowsTheQueueAndDraftsAreNeverListed() {
		submitted("AAAA0001", this.autumn, (s) -> {
			s.name = "Ada Lovelace";
			s.submittedAt = Instant.parse("2026-11-01T10:00:00Z");
		});
		submitted("AAAA0002", this.autumn, (s) -> {
			s.name = "Grace Hopper";
			s.status = ApplicationStatus.UNDER_REVIEW;
			s.fee = FeeStatus.PAID;
			s.citizenship = "US";
			s.choices = List.of(this.ai.getId(), this.ml.getId());
			s.submittedAt = Instant.parse("2026-11-05T10:00:00Z");
		});
		submitted("AAAA0003", this.spring, (s) -> {
			s.name = "Alan Turing";
			s.email = "alan@bletchley.example";
			s.fee = FeeStatus.DUE;
			s.citizenship = "GB";
			s.missingDocuments = true;
			s.choices = List.of(this.ai.getId(), this.stats.getId());
			s.submittedAt = Instant.parse("2026-11-10T10:00:00Z");
		});
		this.data.draft("DRAFT001", this.autumn.getId());

		assertThat(references(queue(""))).containsExactly("AAAA0001", "AAAA0002", "AAAA0003");
		assertThat(references(queue("round=" + this.autumn.getId()))).containsExactly("AAAA0001", "AAAA0002");
		assertThat(references(queue("programme=" + this.ml.getId()))).containsExactly("AAAA0001");
		assertThat(references(queue("programme=" + this.ml.getId() + "&choice=any"))).containsExactly("AAAA0001",
				"AAAA0002");
		assertThat(references(queue("programme=" + this.stats.getId() + "&choice=any"))).containsExactly("AAAA0003");
		assertThat(references(queue("status=UNDER_REVIEW"))).containsExactly("AAAA0002");
		assertThat(references(queue("status=DRAFT"))).as("drafts are never listed, even when asked for")
			.containsExactly("AAAA0001", "AAAA0002", "AAAA0003");
		assertThat(references(queue("fee=DUE"))).containsExactly("AAAA0003");
		assertThat(references(queue("citizenship=us"))).containsExactly("AAAA0002");
		assertThat(references(queue("missing="))).containsExactly("AAAA0003");
		assertThat(references(queue("from=2026-11-05&to=2026-11-09"))).containsExactly("AAAA0002");
		assertThat(references(queue("to=2026-11-05"))).as("the last day is included")
			.containsExactly("AAAA0001", "AAAA0002");
		assertThat(references(queue("q=hopper"))).containsExactly("AAAA0002");
		assertThat(references(queue("q=BLETCHLEY"))).as("e-mail, any case").containsExactly("AAAA0003");
		assertThat(references(queue("q=aaaa0001"))).as("reference").containsExactly("AAAA0001");
		assertThat(references(queue("q=%25"))).as("LIKE wildcards are matched literally").isEmpty();
		assertThat(references(queue("q=al"))).as("too short to search: not applied")
			.containsExactly("AAAA0001", "AAAA0002", "AAAA0003");
		assertThat(references(queue("round=" + this.autumn.getId() + "&fee=PAID&citizenship=US")))
			.containsExactly("AAAA0002");
		assertThat(references(queue("round=abc&status=NOPE&from=yesterday&sort=sideways")))
			.as("values that do not parse are left out")
			.containsExactly("AAAA0001", "AAAA0002", "AAAA0003");

		Document page = queue("status=UNDER_REVIEW&fee=PAID");
		assertThat(page.select("#status option[selected]").attr("value")).isEqualTo("UNDER_REVIEW");
		assertThat(page.select("#fee option[selected]").attr("value")).isEqualTo("PAID");
		assertThat(page.text()).contains("1 application in this view");
		assertThat(page.select("table.queue-table tbody tr").first().text()).contains("Grace Hopper",
				"Artificial Intelligence", "Under review", "Paid", "United States", "5 November 2026, 11:00 CET");
		assertThat(page.select("table.queue-table tbody a").first().attr("href")).startsWith("/admin/applications/");
		assertThat(page.select("a:contains(Download this view as CSV)").attr("href"))
			.isEqualTo("/admin/applications/export.csv?status=UNDER_REVIEW&fee=PAID");
	}

	@Test
	void keysetPagesVisitEveryApplicationOnceInEachOrder() {
		this.data.generate(123, List.of(this.autumn.getId(), this.spring.getId()),
				List.of(this.ml.getId(), this.ai.getId(), this.stats.getId()));
		// Two applications submitted at the same instant: the id breaks the tie.
		this.jdbc
			.sql("update application set submitted_at = timestamptz '2026-01-01 00:30:00+00', full_name = 'Same Name' "
					+ "where reference in ('G0000030', 'G0000031', 'G0000032')")
			.update();
		for (String sort : List.of("submitted", "newest", "name", "reference", "score")) {
			String order = switch (sort) {
				case "submitted" -> "submitted_at, id";
				case "newest" -> "submitted_at desc, id desc";
				case "name" -> "lower(full_name), id";
				// Nine scores and none among 62: the first page ends inside a score's
				// run.
				case "score" -> "coalesce(review_score, -1) desc, id";
				default -> "reference";
			};
			List<String> expected = this.jdbc
				.sql("select reference from application where submitted_at is not null and round_id = :round order by "
						+ order)
				.param("round", this.autumn.getId())
				.query(String.class)
				.list();
			List<String> seen = new ArrayList<>();
			String link = "/admin/applications?round=" + this.autumn.getId() + "&sort=" + sort;
			int pages = 0;
			while (link != null) {
				MvcTestResult result = this.mvc.get().uri(link).session(this.officer).exchange();
				assertThat(result).hasStatusOk();
				Document page = page(result);
				seen.addAll(references(page));
				Element next = page.selectFirst("a[rel=next]");
				link = (next != null) ? next.attr("href") : null;
				pages++;
				assertThat(page.text()).contains(expected.size() + " applications in this view");
			}
			assertThat(pages).as(sort).isEqualTo(2);
			assertThat(seen).as(sort).isEqualTo(expected);
		}
	}

	/** Sets where an application's reads stand, as the reading module records it. */
	void scored(String reference, String score, Integer outstanding, boolean disagree) {
		this.jdbc
			.sql("update application set review_score = cast(:score as numeric), reads_outstanding = :outstanding,"
					+ " reads_disagree = :disagree where reference = :reference")
			.param("score", score)
			.param("outstanding", outstanding)
			.param("disagree", disagree)
			.param("reference", reference)
			.update();
	}

	@Test
	void theQueueShowsReviewScoresAndFiltersByBandReadsToComeAndDisagreement() {
		for (String reference : List.of("SCOR0001", "SCOR0002", "SCOR0003", "SCOR0004")) {
			submitted(reference, this.autumn, (s) -> s.name = "Name " + reference);
		}
		scored("SCOR0001", "7.25", 0, false);
		scored("SCOR0002", "9.5", 1, true);
		scored("SCOR0003", "4", 2, false);
		scored("SCOR0004", null, null, false);

		Document byScore = queue("sort=score");
		assertThat(references(byScore)).containsExactly("SCOR0002", "SCOR0001", "SCOR0003", "SCOR0004");
		assertThat(byScore.select("table.queue-table tbody tr").eachText()).satisfiesExactly(
				(row) -> assertThat(row).contains("9.50 / 10, 1 read to come reads disagree"),
				(row) -> assertThat(row).contains("7.25 / 10").doesNotContain("to come", "disagree"),
				(row) -> assertThat(row).contains("4.00 / 10, 2 reads to come"),
				(row) -> assertThat(row).contains("not scored"));
		assertThat(references(queue("score-min=4&score-max=7.25"))).as("both bounds included")
			.containsExactlyInAnyOrder("SCOR0001", "SCOR0003");
		assertThat(references(queue("score-min=7,3"))).as("a decimal comma").containsExactly("SCOR0002");
		assertThat(references(queue("score-max=5"))).as("no score is in no band").containsExactly("SCOR0003");
		assertThat(references(queue("outstanding="))).containsExactlyInAnyOrder("SCOR0002", "SCOR0003");
		assertThat(references(queue("disagree="))).containsExactly("SCOR0002");

		// The view travels in the links as the other filters do.
		Document view = queue("score-min=4&outstanding=&disagree=&sort=score");
		assertThat(view.select("#score-min").val()).isEqualTo("4");
		assertThat(view.select("#outstanding").hasAttr("checked")).isTrue();
		assertThat(view.select("#disagree").hasAttr("checked")).isTrue();
		assertThat(view.select("a:contains(Download this view as CSV)").attr("href"))
			.isEqualTo("/admin/applications/export.csv?score-min=4&outstanding=&disagree=&sort=score");
		assertThat(QueueFilter.fromQuery("score-min=6.50&score-max=10.0&outstanding=&disagree=").toQuery())
			.isEqualTo("score-min=6.5&score-max=10&outstanding=&disagree=");

		// A band that does not read: said beside the field, as typed, and the view
		// without it.
		for (String[] typed : List.of(new String[] { "high", "", "score-min" },
				new String[] { "", "10.5", "score-max" }, new String[] { "-1", "", "score-min" },
				new String[] { "6.125", "", "score-min" })) {
			MvcTestResult result = this.mvc.get()
				.uri("/admin/applications?score-min={min}&score-max={max}&disagree=", typed[0], typed[1])
				.session(this.officer)
				.exchange();
			assertThat(result).as(String.join(" ", typed)).hasStatus(422);
			Document page = page(result);
			assertThat(page.select("#" + typed[2] + "-error").text()).as(String.join(" ", typed))
				.isEqualTo("Type a score from 0 to 10, with at most two decimals, such as 6.5.");
			assertThat(page.select("#" + typed[2]).hasClass("is-invalid")).isTrue();
			assertThat(page.select("#score-min").val()).isEqualTo(typed[0]);
			assertThat(page.select("#score-max").val()).isEqualTo(typed[1]);
			assertThat(references(page)).containsExactly("SCOR0002");
		}
		MvcTestResult upsideDown = this.mvc.get()
			.uri("/admin/applications?score-min=8&score-max=5")
			.session(this.officer)
			.exchange();
		assertThat(upsideDown).hasStatus(422);
		assertThat(page(upsideDown).select("#score-max-error").text())
			.isEqualTo("The highest score cannot be below the lowest.");
		assertThat(page(upsideDown).select("#score-min-error")).isEmpty();
		assertThat(page(upsideDown).select("#score-min").val()).isEqualTo("8");
		assertThat(references(page(upsideDown))).hasSize(4);
	}

	@Test
	void aTamperedCursorShowsTheFirstPageNeverAnError() {
		this.data.generate(60, List.of(this.autumn.getId()), List.of(this.ml.getId(), this.ai.getId()));
		Document first = queue("");
		String next = first.selectFirst("a[rel=next]").attr("href");
		String cursor = next.substring(next.indexOf("after=") + 6);
		for (String tampered : List.of("garbage", "%00%01", cursor + "x", "U1VCTUlUVEVECm5vdC1hbi1pbnN0YW50CjE",
				Base64.getUrlEncoder().encodeToString("NAME\nx\nnot-a-uuid".getBytes(StandardCharsets.UTF_8)),
				"A".repeat(5000))) {
			Document page = queue("after=" + tampered);
			assertThat(page.text()).as(tampered).contains("That page link was not valid");
			assertThat(references(page)).as(tampered).isEqualTo(references(first));
		}
		Document otherSort = queue("sort=name&after=" + cursor);
		assertThat(otherSort.text()).as("a cursor of another order").contains("That page link was not valid");
		Document second = queue("after=" + cursor);
		assertThat(second.text()).doesNotContain("That page link was not valid");
		assertThat(references(second)).hasSize(10).doesNotContainAnyElementsOf(references(first));
	}

	@Test
	void theQueuePageRunsAFixedNumberOfStatementsWhateverThePageSize() {
		this.data.generate(200, List.of(this.autumn.getId()), List.of(this.ml.getId(), this.ai.getId()));
		this.statements.reset();
		Document few = queue("citizenship=SE&sort=name");
		int fewStatements = this.statements.count();
		this.statements.reset();
		Document full = queue("round=" + this.autumn.getId() + "&choice=any&programme=" + this.ai.getId());
		int fullStatements = this.statements.count();
		assertThat(references(few)).hasSize(10);
		assertThat(references(full)).hasSize(ReviewQueue.PAGE_SIZE);
		System.out.printf("SQL statements for a queue page: %d with 10 rows, %d with %d rows%n", fewStatements,
				fullStatements, ReviewQueue.PAGE_SIZE);
		assertThat(fullStatements).isEqualTo(fewStatements).isLessThanOrEqualTo(QUEUE_PAGE_BUDGET);
	}

	/** Sign-in check, rounds, programmes, the page and its count. */
	static final int QUEUE_PAGE_BUDGET = 6;

	@Test
	void theExportIsTheWholeViewAsCsvWithFormulasNeutralisedAndIsAudited() {
		submitted("CSV00001", this.autumn, (s) -> {
			s.name = "=HYPERLINK(\"http://evil.example\",\"click\")";
			s.submittedAt = Instant.parse("2026-11-01T10:00:00Z");
		});
		submitted("CSV00002", this.autumn, (s) -> {
			s.name = "Doe, Jane \"JD\"";
			s.email = "+jane@example.org";
			s.submittedAt = Instant.parse("2026-11-02T10:00:00Z");
		});
		submitted("CSV00003", this.autumn, (s) -> {
			s.name = "-2+3";
			s.email = "@sum@example.org";
			s.status = ApplicationStatus.UNDER_REVIEW;
			s.submittedAt = Instant.parse("2026-11-03T10:00:00Z");
		});
		submitted("CSV00004", this.spring, (s) -> s.name = "Other Round");
		scored("CSV00001", "7.25", 1, true);
		scored("CSV00002", null, 2, false);
		MvcTestResult result = this.mvc.get()
			.uri("/admin/applications/export.csv?round=" + this.autumn.getId())
			.session(this.officer)
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"applications-");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		byte[] body = result.getResponse().getContentAsByteArray();
		// A byte order mark first, or Excel reads the UTF-8 as its own code page: Åström.
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).containsExactly(
				"reference,name,email,round,first_choice_code,first_choice_title,status,fee_status,citizenship,missing_documents,submitted_at_utc,offer_state,reply_by_utc,conditions_pending,reserve_position,review_score,reads_outstanding,reads_disagree",
				"CSV00001,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",csv00001@example.org,autumn,ML,Machine Learning,SUBMITTED,EXEMPT,SE,false,2026-11-01T10:00:00Z,,,0,,7.25,1,true",
				"CSV00002,\"Doe, Jane \"\"JD\"\"\",'+jane@example.org,autumn,ML,Machine Learning,SUBMITTED,EXEMPT,SE,false,2026-11-02T10:00:00Z,,,0,,,2,false",
				"CSV00003,'-2+3,'@sum@example.org,autumn,ML,Machine Learning,UNDER_REVIEW,EXEMPT,SE,false,2026-11-03T10:00:00Z,,,0,,,,false");
		Map<String, Object> event = this.jdbc
			.sql("select actor, action, entity_type, summary from audit_event where action = 'EXPORT'")
			.query()
			.singleRow();
		assertThat(event).containsEntry("actor", OFFICER).containsEntry("entity_type", "application");
		assertThat((String) event.get("summary")).contains("Exported 3 applications", "round=" + this.autumn.getId());
		assertThat(this.jdbc
			.sql("select after_value from audit_change c join audit_event e on e.id = c.event_id "
					+ "where e.action = 'EXPORT' order by c.position")
			.query(String.class)
			.list()).containsExactly("round=" + this.autumn.getId(), "3");
	}

	@Test
	void bulkPreviewSaysWhichChangeAndWhichCannotAndTheConfirmationDoesExactlyThat() {
		UUID submitted = submitted("BULK0001", this.autumn, (s) -> s.status = ApplicationStatus.SUBMITTED);
		UUID documents = submitted("BULK0002", this.autumn, (s) -> s.status = ApplicationStatus.DOCUMENTS_MISSING);
		UUID review = submitted("BULK0003", this.autumn, (s) -> s.status = ApplicationStatus.UNDER_REVIEW);
		UUID other = submitted("BULK0004", this.autumn, (s) -> s.status = ApplicationStatus.SUBMITTED);
		MvcTestResult previewResult = this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.officer)
			.with(csrf())
			.param("scope", "selected")
			.param("ids", submitted.toString(), documents.toString(), review.toString())
			.param("target", "ELIGIBILITY_CHECKED")
			.param("view", "round=" + this.autumn.getId())
			.exchange();
		assertThat(previewResult).hasStatusOk();
		Document preview = page(previewResult);
		assertThat(preview.select("#changes tbody tr td:first-child").eachText()).containsExactly("BULK0001",
				"BULK0002");
		assertThat(preview.select("#refused tbody tr").eachText()).singleElement()
			.asString()
			.contains("BULK0003", "Under review", "cannot move");
		assertThat(this.jdbc.sql("select count(*) from application where status = 'ELIGIBILITY_CHECKED'")
			.query(Integer.class)
			.single()).as("a preview changes nothing").isZero();

		Map<String, String> confirm = StaffSessions.formFields(preview, "#confirm");
		var request = this.mvc.post().uri("/admin/applications/bulk/confirm").session(this.officer).with(csrf());
		for (Element field : preview.select("#confirm input[name]")) {
			request = request.param(field.attr("name"), field.attr("value"));
		}
		assertThat(confirm).containsKey("versions");
		Document result = page(request.exchange());
		assertThat(result.select("#changed tbody tr td:first-child").eachText()).containsExactly("BULK0001",
				"BULK0002");
		// The result shows where each application was and where it is now.
		assertThat(result.select("[role=status]").text()).isEqualTo("2 applications changed to Eligibility checked.");
		assertThat(result.select("#changed thead th").eachText()).containsExactly("Reference", "Name", "Status before",
				"Status now");
		assertThat(result.select("#changed tbody tr").eachText()).satisfiesExactly(
				(row) -> assertThat(row).endsWith("Submitted Eligibility checked"),
				(row) -> assertThat(row).endsWith("Documents missing Eligibility checked"));
		assertThat(status(submitted)).isEqualTo("ELIGIBILITY_CHECKED");
		assertThat(status(documents)).isEqualTo("ELIGIBILITY_CHECKED");
		assertThat(status(review)).isEqualTo("UNDER_REVIEW");
		assertThat(status(other)).isEqualTo("SUBMITTED");
		List<Map<String, Object>> events = this.jdbc
			.sql("select actor, entity_uuid, summary from audit_event where action = 'STATUS_CHANGE' order by id")
			.query()
			.listOfRows();
		assertThat(events).hasSize(2);
		assertThat(events).allSatisfy((event) -> assertThat(event.get("actor")).isEqualTo(OFFICER));
		assertThat(events.stream().map((event) -> event.get("entity_uuid")).toList())
			.containsExactlyInAnyOrder(submitted, documents);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single())
			.as("nobody is e-mailed")
			.isZero();

		// Posting the confirmation again changes nothing: the versions are spent.
		Document again = page(request.exchange());
		assertThat(again.select("#changed tbody tr")).isEmpty();
		assertThat(again.select("#refused tbody tr").eachText())
			.allSatisfy((row) -> assertThat(row).contains("Someone changed it after the preview"));
	}

	@Test
	void aBulkConfirmationLeavesAnApplicationChangedSinceThePreviewAsItWas() {
		UUID first = submitted("RACE0001", this.autumn, (s) -> s.status = ApplicationStatus.UNDER_REVIEW);
		UUID second = submitted("RACE0002", this.autumn, (s) -> s.status = ApplicationStatus.UNDER_REVIEW);
		Document preview = page(this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.officer)
			.with(csrf())
			.param("scope", "view")
			.param("view", "round=" + this.autumn.getId() + "&status=UNDER_REVIEW")
			.param("target", "ADMITTED")
			.param("programme", this.ml.getId().toString())
			.exchange());
		assertThat(preview.select("#changes tbody tr")).hasSize(2);
		// Someone else decides on the first one meanwhile.
		this.jdbc
			.sql("update application set status = 'NOT_ADMITTED', decision_reason = 'x', version = version + 1 "
					+ "where id = :id")
			.param("id", first)
			.update();
		var request = this.mvc.post().uri("/admin/applications/bulk/confirm").session(this.officer).with(csrf());
		for (Element field : preview.select("#confirm input[name]")) {
			request = request.param(field.attr("name"), field.attr("value"));
		}
		Document result = page(request.exchange());
		assertThat(result.select("#changed tbody tr td:first-child").eachText()).containsExactly("RACE0002");
		assertThat(result.select("#refused tbody tr").text()).contains("RACE0001",
				"Someone changed it after the preview");
		assertThat(status(first)).isEqualTo("NOT_ADMITTED");
		assertThat(status(second)).isEqualTo("ADMITTED");
		assertThat(this.jdbc.sql("select decision_programme_id from application where id = :id")
			.param("id", second)
			.query(Long.class)
			.single()).isEqualTo(this.ml.getId());

		// The same move made on one application's page reads the same in the audit log.
		UUID single = submitted("RACE0003", this.autumn, (s) -> s.status = ApplicationStatus.UNDER_REVIEW);
		long version = this.jdbc.sql("select version from application where id = :id")
			.param("id", single)
			.query(Long.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/status", single)
			.session(this.officer)
			.with(csrf())
			.param("status", "ADMITTED")
			.param("programme", this.ml.getId().toString())
			.param("version", Long.toString(version))
			.exchange()).hasStatus3xxRedirection();
		assertThat(statusMove(single)).isEqualTo(statusMove(second).replace("RACE0002", "RACE0003"))
			.startsWith(
					"Moved RACE0003 from Under review to Admitted | status: UNDER_REVIEW > ADMITTED; programme:  > ")
			.contains(this.ml.getTitle());
	}

	/** An application's status move as the audit log records it: summary and fields. */
	private String statusMove(UUID id) {
		return this.jdbc.sql("""
				select e.summary || ' | ' || string_agg(c.field || ': ' || coalesce(c.before_value, '') || ' > '
				    || coalesce(c.after_value, ''), '; ' order by c.position)
				from audit_event e join audit_change c on c.event_id = e.id
				where e.entity_uuid = :id and e.action = 'STATUS_CHANGE' group by e.id""")
			.param("id", id)
			.query(String.class)
			.single();
	}

	@Test
	void anOfferMustBeForARankedProgrammeAndARefusalNeedsAReason() {
		submitted("OFFR0001", this.autumn, (s) -> s.status = ApplicationStatus.UNDER_REVIEW);
		submitted("OFFR0002", this.autumn, (s) -> {
			s.status = ApplicationStatus.UNDER_REVIEW;
			s.choices = List.of(this.stats.getId());
		});
		Document preview = page(this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.officer)
			.with(csrf())
			.param("scope", "view")
			.param("view", "")
			.param("target", "RESERVE")
			.param("programme", this.stats.getId().toString())
			.exchange());
		assertThat(preview.select("#changes tbody tr td:first-child").eachText()).containsExactly("OFFR0002");
		assertThat(preview.select("#refused tbody tr").text()).contains("OFFR0001", "did not rank this programme");

		Document refusal = page(this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.officer)
			.with(csrf())
			.param("scope", "view")
			.param("target", "NOT_ADMITTED")
			.exchange());
		assertThat(refusal.select("#changes tbody tr")).isEmpty();
		assertThat(refusal.select("#refused tbody tr")).hasSize(2);
		assertThat(refusal.select("#refused").text()).contains("needs a reason");
		assertThat(refusal.select("#confirm")).isEmpty();

		Document nothing = page(this.mvc.post()
			.uri("/admin/applications/bulk")
			.session(this.officer)
			.with(csrf())
			.param("scope", "selected")
			.param("target", "DRAFT")
			.exchange());
		assertThat(nothing.text()).contains("Choose the status to move the applications to");
	}

	@Test
	void theDashboardCountsARoundByProgrammeAndStatusAndDay() {
		submitted("DASH0001", this.autumn, (s) -> s.submittedAt = Instant.parse("2026-11-01T22:30:00Z"));
		submitted("DASH0002", this.autumn, (s) -> {
			s.status = ApplicationStatus.UNDER_REVIEW;
			s.submittedAt = Instant.parse("2026-11-01T23:30:00Z");
		});
		submitted("DASH0003", this.autumn, (s) -> s.choices = List.of(this.ai.getId()));
		submitted("DASH0004", this.spring, (s) -> {
		});
		this.data.draft("DRAFT002", this.autumn.getId());
		MvcTestResult result = this.mvc.get()
			.uri("/admin/applications/dashboard?round=" + this.autumn.getId())
			.session(this.officer)
			.exchange();
		assertThat(result).hasStatusOk();
		Document page = page(result);
		Element ml = page.select("#by-programme tbody tr:has(th:contains(Machine Learning))").first();
		assertThat(ml.select("td").eachText()).containsExactly("1", "0", "0", "1", "0", "0", "0", "0", "2");
		assertThat(page.select("#by-programme tbody tr:has(th:contains(Statistics)) td").last().text())
			.as("a programme of the round without applications")
			.isEqualTo("0");
		assertThat(page.select("#by-programme tfoot td").last().text()).isEqualTo("3");
		// 22:30 and 23:30 UTC on 1 November are the 1st and 2nd in Stockholm.
		assertThat(page.select("#per-day tbody tr").eachText()).containsExactly("1 November 2026 2",
				"2 November 2026 1");
	}

	@Test
	void editorsAndApplicantsAreRefusedEveryReviewRoute() {
		List<String> gets = List.of("/admin/applications", "/admin/applications/export.csv",
				"/admin/applications/dashboard");
		List<String> posts = List.of("/admin/applications/bulk", "/admin/applications/bulk/confirm");
		for (String role : List.of("EDITOR", "APPLICANT")) {
			for (String uri : gets) {
				assertThat(this.mvc.get().uri(uri).with(user("someone").roles(role))).as(role + " GET " + uri)
					.hasStatus(403);
			}
			for (String uri : posts) {
				assertThat(this.mvc.post().uri(uri).with(csrf()).with(user("someone").roles(role)))
					.as(role + " POST " + uri)
					.hasStatus(403);
			}
		}
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'EXPORT'").query(Integer.class).single())
			.isZero();
		assertThat(this.mvc.get().uri("/admin/applications").with(user("admin").roles("ADMIN"))).hasStatusOk();
	}

	String status(UUID id) {
		return this.jdbc.sql("select status from application where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
