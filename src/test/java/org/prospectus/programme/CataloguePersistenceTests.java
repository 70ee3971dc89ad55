package org.prospectus.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the mapping writes, read back column by column with plain SQL, and what the schema
 * refuses on its own.
 */
@PortalIntegrationTest
class CataloguePersistenceTests {

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	ProgrammeService programmes;

	Institution kth;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
	}

	@Test
	void writesArraysMoneyAndEnumsAsPlainColumns() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning", "Optimization"));
			p.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, null);
		});
		Map<String, Object> row = this.jdbc
			.sql("select array_to_string(topics, '|') as topics, tuition_amount, tuition_currency, tuition_period, "
					+ "study_mode, state, version from programme where slug = 'ml'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("topics", "Deep learning|Optimization")
			.containsEntry("tuition_currency", "SEK")
			.containsEntry("tuition_period", "PER_YEAR")
			.containsEntry("study_mode", "CAMPUS")
			.containsEntry("state", "PUBLISHED")
			.containsEntry("version", 0L);
		assertThat((BigDecimal) row.get("tuition_amount")).isEqualByComparingTo("155000");
	}

	@Test
	void readsTheSameValuesBack() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning"));
			p.setApplicationFee(Money.of("900", "SEK"), "Some are exempt.");
		});
		Programme programme = this.programmes.findPage("ml").orElseThrow().programme();
		assertThat(programme.getTopics()).containsExactly("Deep learning");
		assertThat(programme.getApplicationFee()).isEqualTo(Money.of("900.00", "SEK"));
		assertThat(programme.getTuition()).isNull();
		assertThat(programme.getInstitution().getZone().getId()).isEqualTo("Europe/Stockholm");
	}

	@Test
	void storesTermsSoThatTheySortInCalendarOrder() {
		Course course = this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		this.fixtures.offering(course, Term.of(2026, Season.AUTUMN), LocalDate.of(2026, 9, 1),
				LocalDate.of(2026, 12, 1), "A", (o) -> {
				});
		this.fixtures.offering(course, Term.of(2026, Season.SPRING), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1),
				"B", (o) -> {
				});
		this.fixtures.offering(course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 1),
				"C", (o) -> {
				});
		assertThat(this.jdbc.sql("select term from course_offering order by term").query(Integer.class).list())
			.containsExactly(20261, 20263, 20271);
	}

	@Test
	void keepsTheSearchVectorCurrentWhenTopicsChange() {
		Programme programme = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		assertThat(matches("quantum")).isZero();
		this.fixtures.inTransaction(() -> {
			this.entityManager.find(Programme.class, programme.getId()).setTopics(List.of("Quantum computing"));
			return null;
		});
		assertThat(matches("quantum")).isOne();
	}

	private int matches(String word) {
		return this.jdbc.sql("select count(*) from programme where search_vector @@ websearch_to_tsquery('english', ?)")
			.param(word)
			.query(Integer.class)
			.single();
	}

	@Test
	void refusesADuplicateProgrammeSlug() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		assertThatThrownBy(() -> this.fixtures.programme(this.kth, "ml", "Another"))
			.hasMessageContaining("programme_slug_key");
	}

	@Test
	void refusesMilestonesOutOfOrderEvenWithoutTheApplication() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.sql("""
				insert into application_round (institution_id, slug, name, opens_at, deadline_at,
				  documents_deadline_at, notification_at, studies_start_at)
				select id, 'bad', 'Bad', '2026-02-01Z', '2026-01-01Z', '2026-03-01Z', '2026-04-01Z', '2026-05-01Z'
				from institution""").update());
	}

	@Test
	void refusesATuitionAmountWithoutACurrency() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("update programme set tuition_amount = 100 where slug = 'ml'").update());
	}

}
