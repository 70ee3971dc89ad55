package org.prospectus.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement the queue builds for a page or a count, for each indexed filter and
 * each order, on the first page and a later one, is planned by PostgreSQL without a
 * sequential scan of {@code application}: on 20,000 generated applications, analysed, the
 * planner already prefers the V12 indexes (and V64's for the review score and reads), as
 * it will at a million.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewQueuePlanTests {

	static final int ROWS = 20_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	ReviewQueue queue;

	final JsonMapper json = JsonMapper.builder().build();

	long round;

	long programme;

	@BeforeAll
	void generate() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		List<Long> programmes = new ArrayList<>();
		List<Programme> all = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Programme programme = this.fixtures.programme(kth, "p" + i, "Programme " + i);
			programmes.add(programme.getId());
			all.add(programme);
		}
		List<Long> rounds = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rounds.add(
					this.fixtures
						.round(kth, "round-" + i, Instant.parse("2026-01-01T00:00:00Z"),
								Instant.parse("2026-12-01T00:00:00Z"), all.toArray(Programme[]::new))
						.getId());
		}
		new ReviewData(this.jdbc).generate(ROWS, rounds, programmes);
		// A third of the applications in a round another institution runs, jointly with
		// KTH's programmes: its officer reaches that third (ADR 0018).
		Institution uu = this.fixtures.institution("uu", "Europe/Stockholm");
		this.jdbc.sql("update application_round set institution_id = :uu where id = :round")
			.param("uu", uu.getId())
			.param("round", rounds.get(2))
			.update();
		this.jdbc.sql("vacuum analyze application").update();
		this.jdbc.sql("vacuum analyze application_choice").update();
		this.round = rounds.get(1);
		this.programme = programmes.get(7);
	}

	@AfterAll
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	/** The views to check, each by its query string. */
	Map<String, String> views() {
		Map<String, String> views = new LinkedHashMap<>();
		views.put("everything", "");
		views.put("round", "round=" + this.round);
		views.put("status", "status=UNDER_REVIEW");
		views.put("first choice", "programme=" + this.programme);
		views.put("any choice", "programme=" + this.programme + "&choice=any");
		views.put("fee", "fee=DUE");
		views.put("citizenship", "citizenship=KE");
		views.put("missing documents", "missing=");
		views.put("submitted between", "from=2026-01-03&to=2026-01-04");
		views.put("free text", "q=0012345");
		views.put("free text, name", "q=" + md5Fragment());
		views.put("round and status", "round=" + this.round + "&status=SUBMITTED");
		views.put("score band", "score-min=5&score-max=7.5");
		views.put("round and score band", "round=" + this.round + "&score-min=8.5");
		views.put("reads outstanding", "outstanding=");
		views.put("reads disagree", "disagree=");
		return views;
	}

	String md5Fragment() {
		return this.jdbc.sql("select substr(md5('4321'), 3, 6)").query(String.class).single();
	}

	/**
	 * An officer of every institution, whose views have no scope condition, and an
	 * officer of KTH, whose views carry ADR 0018's condition on the round and the
	 * choices.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noQueueStatementScansTheApplicationsTable(boolean scoped) {
		long uu = this.jdbc.sql("select id from institution where slug = 'uu'").query(Long.class).single();
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal.authentication(
					scoped ? StaffPrincipal.acting("officer", Set.of(), Map.of(StaffRole.ADMISSIONS, Set.of(uu)))
							: StaffPrincipal.acting("officer", EnumSet.of(StaffRole.ADMISSIONS), Map.of())));
		try {
			plansOfEveryView();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	void plansOfEveryView() {
		List<String> scans = new ArrayList<>();
		int checked = 0;
		StringBuilder report = new StringBuilder();
		for (Map.Entry<String, String> view : views().entrySet()) {
			for (QueueSort sort : QueueSort.values()) {
				QueueFilter filter = QueueFilter
					.fromQuery(view.getValue() + (view.getValue().isEmpty() ? "" : "&") + "sort=" + sort.parameter());
				QueueRow last = lastRowOfFirstPage(filter);
				List<QueueCursor> positions = new ArrayList<>();
				positions.add(null);
				if (last != null) {
					positions.add(ReviewQueue.cursorAfter(last, sort));
				}
				for (QueueCursor after : positions) {
					String what = view.getKey() + ", " + sort + ((after != null) ? ", page 2" : "");
					checked++;
					JsonNode plan = explain(
							ReviewQueue.pageQuery(filter, this.queue.reach(), after, ReviewQueue.PAGE_SIZE + 1));
					report.append(String.format("%-45s %s%n", what, summary(plan)));
					if (scansApplications(plan)) {
						scans.add(what + ": " + plan);
					}
				}
			}
			checked++;
			JsonNode count = explain(
					ReviewQueue.countQuery(QueueFilter.fromQuery(view.getValue()), this.queue.reach()));
			report.append(String.format("%-45s %s%n", view.getKey() + ", count", summary(count)));
			if (scansApplications(count)) {
				scans.add(view.getKey() + " count: " + count);
			}
		}
		System.out.println("Queue plans on " + ROWS + " applications:\n" + report);
		assertThat(checked).isGreaterThan(90);
		assertThat(scans).as("statements with a sequential scan of application").isEmpty();
	}

	@Test
	void theCountStopsAtTheCapAndPagesStayFull() {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting("officer", EnumSet.of(StaffRole.ADMISSIONS), Map.of())));
		try {
			QueuePage all = this.queue.page(QueueFilter.none(), null);
			assertThat(all.count()).isEqualTo(ReviewQueue.COUNT_CAP);
			assertThat(all.more()).isTrue();
			assertThat(all.rows()).hasSize(ReviewQueue.PAGE_SIZE);
			MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
			params.add("round", Long.toString(this.round));
			params.add("status", "SUBMITTED");
			QueuePage some = this.queue.page(QueueFilter.from(params), null);
			assertThat(some.more()).isFalse();
			assertThat(some.count()).isEqualTo(
					this.jdbc.sql("select count(*) from application where round_id = :round and status = 'SUBMITTED'")
						.param("round", this.round)
						.query(Integer.class)
						.single());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	QueueRow lastRowOfFirstPage(QueueFilter filter) {
		ReviewQueue.SqlQuery query = ReviewQueue.pageQuery(filter, this.queue.reach(), null, ReviewQueue.PAGE_SIZE);
		List<QueueRow> rows = this.jdbc.sql(query.sql()).params(query.params()).query(ReviewQueue::row).list();
		return (rows.size() == ReviewQueue.PAGE_SIZE) ? rows.get(rows.size() - 1) : null;
	}

	JsonNode explain(ReviewQueue.SqlQuery query) {
		String plan = this.jdbc.sql("explain (format json) " + query.sql())
			.params(query.params())
			.query(String.class)
			.single();
		return this.json.readTree(plan).get(0).get("Plan");
	}

	static boolean scansApplications(JsonNode node) {
		if ("Seq Scan".equals(text(node, "Node Type")) && "application".equals(text(node, "Relation Name"))) {
			return true;
		}
		JsonNode children = node.get("Plans");
		if (children != null) {
			for (JsonNode child : children) {
				if (scansApplications(child)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The plan's scans of tables, e.g. "Index Scan application_queue_round_idx". */
	static String summary(JsonNode node) {
		List<String> scans = new ArrayList<>();
		collect(node, scans);
		return String.join(" + ", scans);
	}

	private static void collect(JsonNode node, List<String> scans) {
		String type = text(node, "Node Type");
		if (type != null && (type.contains("Scan")) && !type.equals("Subquery Scan")) {
			String index = text(node, "Index Name");
			scans.add(type + " " + ((index != null) ? index : text(node, "Relation Name")));
		}
		JsonNode children = node.get("Plans");
		if (children != null) {
			for (JsonNode child : children) {
				collect(child, scans);
			}
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

}
