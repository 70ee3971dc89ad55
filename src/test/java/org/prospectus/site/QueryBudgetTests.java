package org.prospectus.site;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.GradingScale;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.guide.GuideSection;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Career;
import org.prospectus.programme.Programme;
import org.prospectus.programme.Testimonial;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page has a budget of SQL statements, counted at the DataSource so nothing
 * escapes, and the count must not grow with the catalogue (no N+1).
 */
@PortalIntegrationTest
class QueryBudgetTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final int PROGRAMME_AND_COURSE_PAGE_BUDGET = 5;

	/**
	 * The course page's five, and the programmes whose plan has the course (issue 25): a
	 * course never names a programme, so the programme module answers in one statement of
	 * its own, whatever the number of programmes.
	 */
	static final int COURSE_PAGE_BUDGET = PROGRAMME_AND_COURSE_PAGE_BUDGET + 1;

	/** Rounds with their institution and programmes, in one query. */
	static final int DEADLINES_FEED_BUDGET = 1;

	/** The programme, then its rounds with their institution. */
	static final int PROGRAMME_FEED_BUDGET = 2;

	/** Published programmes, then published courses. */
	static final int SITEMAP_BUDGET = 2;

	/**
	 * A search once the filters' options are kept (they are read again only when the
	 * catalogue changes, a round opens or a deadline passes): the catalogue's version and
	 * the search. With words, the search also returns the ids of every programme they
	 * match, from which the counts beside the filters' options are worked out (issue 29):
	 * the counts cost no statement of their own.
	 */
	static final int SEARCH_BUDGET = 2;

	/**
	 * Words that match nothing, corrected (issue 29): the search finds nothing, so the
	 * words' matches are asked for apart (none), then come the corrected words and the
	 * search for them.
	 */
	static final int SEARCH_CORRECTED_BUDGET = SEARCH_BUDGET + 3;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StatementCounter statements;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Institution kth;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	int statementsFor(String uri) {
		this.statements.reset();
		assertThat(this.mvc.get().uri(uri)).hasStatusOk();
		return this.statements.count();
	}

	/**
	 * Adds {@code size} courses, offerings, testimonials and rounds around programme
	 * "ml".
	 */
	void grow(int size, String prefix) {
		Programme ml = this.fixtures.inTransaction(
				() -> this.entityManager.createQuery("select p from Programme p where p.slug = 'ml'", Programme.class)
					.getSingleResult());
		for (int i = 0; i < size; i++) {
			String code = prefix + String.format("%03d", i);
			Course course = this.fixtures.course(this.kth, code, "Course " + code, (c) -> {
			});
			this.fixtures.syllabus(course, Term.of(2024, Season.AUTUMN), (s) -> {
				s.addModule("TEN1", "Examination", new BigDecimal("7.5"), GradingScale.A_F);
				s.addPrerequisite("Something", List.of("DD2424"));
			});
			this.fixtures.offering(course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 3, 15),
					LocalDate.of(2027, 6, 1), "A" + code,
					(o) -> o.addPeriod(Term.of(2027, Season.SPRING), "P4", new BigDecimal("7.5")));
			this.fixtures.persistPlanEntry(ml, course, 1 + (i % 2), (i % 2 == 0) ? Season.AUTUMN : Season.SPRING);
			int position = i;
			this.fixtures.inTransaction(() -> {
				this.entityManager.persist(new Testimonial(this.entityManager.merge(ml), 100 + position + size,
						"Quote " + code, "Graduate " + code, "Country", Map.of()));
				return null;
			});
			this.fixtures.round(this.kth, "round-" + code, NOW.minus(Duration.ofDays(i + 1)),
					NOW.plus(Duration.ofDays(i + 1)), ml);
		}
	}

	void dd2424() {
		Course course = this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		this.fixtures.syllabus(course, Term.of(2024, Season.AUTUMN), (s) -> {
			s.addModule("TEN1", "Examination", new BigDecimal("3.0"), GradingScale.A_F);
			s.addModule("LAB2", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
			s.addPrerequisite("Programming", List.of("AB0001", "AB0002"));
			s.addPrerequisite("Algebra", List.of("AB0003"));
		});
		this.fixtures.syllabus(course, Term.of(2027, Season.AUTUMN), (s) -> {
			s.addModule("TEN1", "Examination", new BigDecimal("7.5"), GradingScale.A_F);
		});
		for (int i = 0; i < 3; i++) {
			this.fixtures.offering(course, Term.of(2027 + i, Season.SPRING), LocalDate.of(2027 + i, 3, 15),
					LocalDate.of(2027 + i, 6, 1), "6022" + i, (o) -> {
						o.addPeriod(Term.of(2027, Season.SPRING), "P3", new BigDecimal("3.5"));
						o.addPeriod(Term.of(2027, Season.SPRING), "P4", new BigDecimal("4.0"));
					});
		}
	}

	@Test
	void programmePageStaysWithinBudgetHoweverLargeTheCatalogue() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		grow(1, "SM");
		int small = statementsFor("/programmes/ml");
		grow(25, "LG");
		int large = statementsFor("/programmes/ml");
		System.out.printf("SQL statements for the programme page: %d%n", small);
		assertThat(small).as("the counter sees the page's queries")
			.isPositive()
			.isLessThanOrEqualTo(PROGRAMME_AND_COURSE_PAGE_BUDGET);
		assertThat(large).as("statements with 26 courses, testimonials and rounds").isEqualTo(small);
	}

	@Test
	void programmePageStaysWithinBudgetWithSeveralYearsOfEntryPublished() {
		Programme ml = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		grow(1, "SM");
		for (int year : new int[] { 2025, 2026, 2028 }) {
			this.jdbc.sql("insert into programme_year (programme_id, entry_year, published) values (?, ?, true)")
				.params(ml.getId(), year)
				.update();
		}
		int current = statementsFor("/programmes/ml");
		int next = statementsFor("/programmes/ml/entry/2028");
		System.out.printf("SQL statements with four years published: current %d, next year %d%n", current, next);
		assertThat(current).isLessThanOrEqualTo(PROGRAMME_AND_COURSE_PAGE_BUDGET);
		assertThat(next).isLessThanOrEqualTo(PROGRAMME_AND_COURSE_PAGE_BUDGET);
	}

	@Test
	void coursePageStaysWithinBudgetHoweverLargeTheCatalogue() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		dd2424();
		int small = statementsFor("/courses/DD2424");
		grow(25, "LG");
		this.fixtures.course(this.kth, "AB0001", "Linked prerequisite", (c) -> {
		});
		int large = statementsFor("/courses/DD2424");
		System.out.printf("SQL statements for the course page: %d%n", small);
		assertThat(small).as("the counter sees the page's queries")
			.isPositive()
			.isLessThanOrEqualTo(COURSE_PAGE_BUDGET);
		assertThat(large).isEqualTo(small);
	}

	@Test
	void searchDeadlinesAndHomeDoNotGrowWithTheCatalogue() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		grow(1, "SM");
		int search = statementsFor("/programmes?q=machine");
		String filtered = "/programmes?q=machine&level=MASTER&mode=CAMPUS&open=true&duration=UP_TO_TWO_YEARS";
		int withFilters = statementsFor(filtered);
		int deadlines = statementsFor("/deadlines");
		int home = statementsFor("/");
		for (int i = 0; i < 15; i++) {
			this.fixtures.programme(this.kth, "p" + i, "Machine Learning " + i);
		}
		grow(15, "LG");
		assertThat(search).isPositive();
		assertThat(statementsFor("/programmes?q=machine")).isEqualTo(search);
		assertThat(statementsFor(filtered)).isEqualTo(withFilters);
		assertThat(statementsFor("/deadlines")).isEqualTo(deadlines);
		assertThat(statementsFor("/")).isEqualTo(home);
		System.out.printf("SQL statements per page: search %d, deadlines %d, home %d%n", search, deadlines, home);
	}

	@Test
	void searchStaysWithinBudgetOnceTheFiltersOptionsAreKept() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		for (int i = 0; i < 15; i++) {
			this.fixtures.programme(this.kth, "p" + i, "Robotics " + i);
		}
		grow(3, "SB");
		statementsFor("/programmes");
		assertThat(statementsFor("/programmes?level=MASTER&open=true&duration=UP_TO_TWO_YEARS"))
			.isEqualTo(SEARCH_BUDGET);
		assertThat(statementsFor("/programmes?q=machine&level=MASTER&mode=CAMPUS")).isEqualTo(SEARCH_BUDGET);
		assertThat(statementsFor("/programmes?q=machne")).isEqualTo(SEARCH_CORRECTED_BUDGET);
		assertThat(statementsFor("/programmes?q=xyzzy")).as("nothing similar").isLessThan(SEARCH_CORRECTED_BUDGET);
	}

	@Test
	void calendarFeedsAndTheSitemapStayWithinBudgetHoweverLargeTheCatalogue() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		grow(1, "SM");
		int feed = statementsFor("/deadlines.ics");
		int programmeFeed = statementsFor("/programmes/ml/deadlines.ics");
		int sitemap = statementsFor("/sitemap.xml");
		for (int i = 0; i < 15; i++) {
			Programme programme = this.fixtures.programme(this.kth, "p" + i, "Programme " + i);
			this.fixtures.round(this.kth, "round-p" + i, NOW.minus(Duration.ofDays(1)),
					NOW.plus(Duration.ofDays(i + 1)), programme);
		}
		grow(25, "LG");
		System.out.printf("SQL statements: deadlines.ics %d, programme feed %d, sitemap %d%n", feed, programmeFeed,
				sitemap);
		assertThat(feed).isPositive().isLessThanOrEqualTo(DEADLINES_FEED_BUDGET);
		assertThat(programmeFeed).isPositive().isLessThanOrEqualTo(PROGRAMME_FEED_BUDGET);
		assertThat(sitemap).isPositive().isLessThanOrEqualTo(SITEMAP_BUDGET);
		assertThat(statementsFor("/deadlines.ics")).isEqualTo(feed);
		assertThat(statementsFor("/programmes/ml/deadlines.ics")).isEqualTo(programmeFeed);
		assertThat(statementsFor("/sitemap.xml")).isEqualTo(sitemap);
	}

	/** Programmes, their plans, their careers and their rounds: one query each. */
	static final int COMPARE_PAGE_BUDGET = 4;

	@Test
	void comparePageStaysWithinBudgetWhateverHowManyProgrammesAndCourses() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning");
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		Career career = this.fixtures.career("data-scientist", "Data scientist", (c) -> {
		});
		Programme other = this.fixtures.programme(soton, "soton-ml", "Machine Learning");
		this.fixtures.leadsTo(career, 1, other);
		grow(1, "SM");
		int one = statementsFor("/compare?p=ml");
		int two = statementsFor("/compare?p=ml&p=soton-ml");
		for (int i = 0; i < 3; i++) {
			Programme extra = this.fixtures.programme(soton, "extra-" + i, "Extra " + i);
			this.fixtures.leadsTo(career, 1, extra);
			this.fixtures.round(soton, "extra-round-" + i, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)),
					extra);
		}
		grow(25, "LG");
		int five = statementsFor("/compare?p=ml&p=soton-ml&p=extra-0&p=extra-1&p=extra-2&p=nope");
		System.out.printf("SQL statements for the comparison: %d%n", five);
		assertThat(one).isPositive().isLessThanOrEqualTo(COMPARE_PAGE_BUDGET);
		assertThat(two).isEqualTo(one);
		assertThat(five).as("four programmes with 26 courses and rounds, one over the limit, one unknown")
			.isEqualTo(one);
		assertThat(statementsFor("/compare?p=nope")).as("nothing found, nothing more asked").isEqualTo(1);
	}

	@Test
	void careersAndGuideDoNotGrowWithTheirContent() {
		Career first = this.fixtures.career("first", "First", (c) -> {
		});
		Programme ml = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		this.fixtures.leadsTo(first, 1, ml);
		GuideSection section = this.fixtures.guideSection("costs", "Costs", 1, (s) -> {
		});
		this.fixtures.guideEntry(section, "tuition", 1, "Tuition", "Varies.", (e) -> {
		});
		int careers = statementsFor("/careers");
		int guide = statementsFor("/guide");
		for (int i = 0; i < 10; i++) {
			Career career = this.fixtures.career("career-" + i, "Career " + i, (c) -> {
			});
			this.fixtures.leadsTo(career, 1, ml, this.fixtures.programme(this.kth, "p" + i, "Programme " + i));
			GuideSection more = this.fixtures.guideSection("section-" + i, "Section " + i, 2 + i, (s) -> {
			});
			this.fixtures.guideEntry(more, "entry-" + i, 1, "Entry " + i, "Body.", (e) -> {
			});
		}
		assertThat(careers).isEqualTo(2);
		assertThat(guide).isEqualTo(1);
		assertThat(statementsFor("/careers")).isEqualTo(careers);
		assertThat(statementsFor("/guide")).isEqualTo(guide);
	}

}
