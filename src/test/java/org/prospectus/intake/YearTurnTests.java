package org.prospectus.intake;

import java.time.Instant;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;

/**
 * The turn of the year: once the current year's last round has started its studies, the
 * next published year becomes current and the closed one stays readable as a past year;
 * not a second before, not while next year's changes are unpublished, and once however
 * often it is asked.
 */
@PortalIntegrationTest
class YearTurnTests {

	@Autowired
	YearTurns turns;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	long programmeId;

	long nextYearId;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Programme ml = this.fixtures.programme(kth, "ml", "Machine Learning", (programme) -> {
			programme.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, null);
			programme.setTranslations(Map.of("sv", Map.of("title", "Maskininlärning", "tuitionNote", "Avgift 2027.")));
		});
		this.programmeId = ml.getId();
		this.jdbc.sql("update programme set entry_year = 2027").update();
		// The fixture's studies start 67 days after the deadline, in March 2027.
		this.fixtures.round(kth, "autumn-2027", Instant.parse("2026-10-14T22:00:00Z"),
				Instant.parse("2027-01-07T22:59:59Z"), ml);
		Course current = this.fixtures.course(kth, "DD2424", "Deep Learning in Data Science", (c) -> {
		});
		Course next = this.fixtures.course(kth, "DD2437", "Artificial Neural Networks", (c) -> {
		});
		this.fixtures.persistPlanEntry(ml, current, 1, Season.SPRING);
		this.jdbc.sql("""
				insert into programme_plan_entry (programme_id, course_id, study_year, term, category, entry_year)
				values (?, ?, 1, 'AUTUMN', 'COMPULSORY', 2028)""").params(ml.getId(), next.getId()).update();
		this.nextYearId = this.jdbc.sql("""
				insert into programme_year (programme_id, entry_year, published, tuition_amount, tuition_currency,
				    tuition_period, translations)
				values (?, 2028, true, 160000, 'SEK', 'PER_YEAR', '{"sv": {"tuitionNote": "Avgift 2028."}}')
				returning id""").param(this.programmeId).query(Long.class).single();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theNextYearBecomesCurrentOnceTheCurrentYearsStudiesHaveStarted() {
		Instant start = this.jdbc.sql("select studies_start_at from application_round").query(Instant.class).single();
		this.clock.setInstant(start.minusSeconds(1));
		assertThat(this.turns.turnDue()).isZero();
		assertThat(entryYear()).isEqualTo(2027);

		// Next year's unpublished changes wait to be published first.
		this.jdbc.sql("""
				insert into pending_revision (entity_type, entity_id, base_version, payload, author, created_at,
				    updated_at)
				values ('programme-year', ?, 0, '{}'::jsonb, 'editor@kth.example', now(), now())""")
			.param(this.nextYearId)
			.update();
		this.clock.setInstant(start);
		assertThat(this.turns.turnDue()).isZero();
		this.jdbc.sql("delete from pending_revision").update();

		assertThat(this.turns.turnDue()).isOne();
		assertThat(this.turns.turnDue()).isZero();
		assertThat(entryYear()).isEqualTo(2028);
		assertThat(this.jdbc.sql("select tuition_amount from programme").query(Integer.class).single())
			.isEqualTo(160000);
		assertThat(
				this.jdbc.sql("select entry_year || ' ' || published || ' ' || tuition_amount::int from programme_year")
					.query(String.class)
					.list())
			.containsExactly("2027 true 155000");
		// Each year's texts in other languages move with it; the programme's own stay.
		assertThat(this.jdbc.sql("select translations::text from programme").query(String.class).single())
			.isEqualTo("{\"sv\": {\"title\": \"Maskininlärning\", \"tuitionNote\": \"Avgift 2028.\"}}");
		assertThat(this.jdbc.sql("select translations -> 'sv' ->> 'tuitionNote' from programme_year")
			.query(String.class)
			.single()).isEqualTo("Avgift 2027.");
		assertThat(
				this.jdbc.sql("select summary from audit_event where action = 'UPDATE'").query(String.class).single())
			.isEqualTo("2028 entry became the current year of the programme Machine Learning; "
					+ "2027 entry is kept as a past year");

		Document current = page(this.mvc.get().uri("/programmes/ml").exchange());
		assertThat(current.select("#entry-year").text()).isEqualTo("2028 entry");
		assertThat(current.text()).contains("DD2437").doesNotContain("DD2424");
		Document past = page(this.mvc.get().uri("/programmes/ml/entry/2027").exchange());
		assertThat(past.text()).contains("This page describes 2027 entry, which has closed.", "155,000", "DD2424")
			.doesNotContain("DD2437");
	}

	int entryYear() {
		return this.jdbc.sql("select entry_year from programme").query(Integer.class).single();
	}

}
