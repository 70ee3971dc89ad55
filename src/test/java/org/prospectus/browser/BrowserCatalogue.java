package org.prospectus.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.prospectus.course.Course;
import org.prospectus.course.EducationCycle;
import org.prospectus.course.GradingScale;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.guide.GuideSection;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Career;
import org.prospectus.programme.Programme;
import org.prospectus.programme.SalaryKind;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.Money;

/**
 * The small catalogue the browser tests walk through: one Stockholm institution, two
 * published machine-learning master's programmes and a retired one, a course with a full
 * syllabus and an upcoming offering, and an open round. Dates are relative to the
 * application's clock so that the round is open and the offering upcoming whenever the
 * tests run.
 * <p>
 * The pages show as much as the model allows (topics, plan, fees, contact, prerequisites
 * with links) so that the accessibility checks see every kind of element.
 */
final class BrowserCatalogue {

	static final String ZONE = "Europe/Stockholm";

	static final String INSTITUTION = "kth";

	static final String PROGRAMME = "machine-learning";

	static final String PROGRAMME_TITLE = "Machine Learning";

	static final String OTHER_PROGRAMME = "applied-ml";

	static final String OTHER_PROGRAMME_TITLE = "Applied Machine Learning";

	static final String RETIRED_PROGRAMME = "data-mining";

	static final String TOPIC = "Deep learning";

	static final String COURSE = "DD2424";

	static final String COURSE_TITLE = "Deep Learning in Data Science";

	/**
	 * The first term of the course's past syllabus version, which has a page of its own.
	 */
	static final Term PAST_SYLLABUS = Term.of(LocalDate.now().getYear() - 4, Season.SPRING);

	static final String PREREQUISITE_COURSE = "DD1337";

	static final String ROUND = "autumn-intake";

	/** A past year of entry of the programme, published and kept readable. */
	static final int PAST_ENTRY_YEAR = LocalDate.now().plusMonths(4).getYear() - 1;

	static final String ROUND_NAME = "Round " + ROUND;

	static final String APPLICATION_CODE = "60228";

	static final String CAREER = "data-scientist";

	private final CatalogueFixtures fixtures;

	private final Clock clock;

	BrowserCatalogue(CatalogueFixtures fixtures, Clock clock) {
		this.fixtures = fixtures;
		this.clock = clock;
	}

	/**
	 * Saves the catalogue.
	 * @return the offering's first day, which depends on today
	 */
	LocalDate create() {
		ZoneId zone = ZoneId.of(ZONE);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		Institution kth = this.fixtures.institution(INSTITUTION, ZONE);
		Programme machineLearning = this.fixtures.programme(kth, PROGRAMME, PROGRAMME_TITLE, (programme) -> {
			programme.setTopics(List.of(TOPIC, "Reinforcement learning", "Probabilistic modelling"));
			programme.setSections("Two years of machine learning, from theory to practice.",
					"- Design learning systems\n- Evaluate models critically", null,
					"Graduates work in industry and research.");
			programme.setCareerTitles(List.of("Data scientist", "Machine learning engineer"));
			programme.setCampus("KTH Campus");
			programme.setEntry("A bachelor's degree in computer science", "Courses in mathematics, 20 credits",
					"English 6");
			programme.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR,
					"Citizens of the EU do not pay tuition.");
			programme.setApplicationFee(Money.of("900", "SEK"), null);
			programme.setContact("Ada Lovelace", "ml@example.org", "https://example.org/machine-learning");
		});
		Programme applied = this.fixtures.programme(kth, OTHER_PROGRAMME, OTHER_PROGRAMME_TITLE,
				(programme) -> programme.setTopics(List.of(TOPIC, "Computer vision")));
		this.fixtures.programme(kth, RETIRED_PROGRAMME, "Data Mining", (programme) -> {
			programme.setTopics(List.of("Data mining"));
			programme.retire();
		});
		this.fixtures.course(kth, PREREQUISITE_COURSE, "Programming", (course) -> {
		});
		Course course = this.fixtures.course(kth, COURSE, COURSE_TITLE, (c) -> {
			c.setSummary("Deep neural networks and how to train them.");
			c.setFacts("Computer Science and Engineering", EducationCycle.SECOND, GradingScale.A_F, "Ada Lovelace",
					"EECS/Computational Science and Technology");
		});
		this.fixtures.syllabus(course, Term.of(today.getYear() - 1, Season.AUTUMN), (syllabus) -> {
			syllabus.setContentsAndOutcomes("Learning of representations from raw data: images and text.",
					"After the course the student can:\n- explain deep networks\n- train them on GPUs");
			syllabus.addPrerequisite("Knowledge in programming, 6 credits", List.of(PREREQUISITE_COURSE, "ID1018"));
			syllabus.addPrerequisite("Knowledge in linear algebra, 7.5 credits", List.of("SF1672", "SF1624"));
			syllabus.addModule("TEN1", "Examination", new BigDecimal("3.0"), GradingScale.A_F);
			syllabus.addModule("LAB2", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
		});
		this.fixtures.syllabus(course, PAST_SYLLABUS, (syllabus) -> {
			syllabus.setContentsAndOutcomes("Neural networks for images.",
					"After the course the student can train them.");
			syllabus.addModule("TEN1", "Examination", new BigDecimal("7.5"), GradingScale.A_F);
		});
		LocalDate start = today.plusDays(45);
		Term term = Term.containing(start);
		this.fixtures.offering(course, term, start, start.plusDays(70), APPLICATION_CODE,
				(offering) -> offering.addPeriod(term, "P3", new BigDecimal("7.5")));
		this.fixtures.persistPlanEntry(machineLearning, course, 1, Season.SPRING);
		this.fixtures.publishedYear(machineLearning, PAST_ENTRY_YEAR);
		// A real deadline is the last second of a day in the institution's zone.
		Instant deadline = today.plusDays(30).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
		this.fixtures.round(kth, ROUND, now.minusSeconds(14 * 86400), deadline, machineLearning, applied);
		Career career = this.fixtures.career(CAREER, "Data scientist", (c) -> {
			c.setRequiredEducation("Bachelor's degree");
			c.setSalary(Money.of("100910", "USD"), SalaryKind.MEDIAN, "US", 2023, "A guide to master's degrees");
			c.setOutlook(36, "2021–2031");
		});
		this.fixtures.leadsTo(career, 1, machineLearning, applied);
		GuideSection costs = this.fixtures.guideSection("costs", "What it costs", 1,
				(section) -> section.setIntro("Tuition depends on the university and the length."));
		this.fixtures.guideEntry(costs, "cost-tuition", 1, "Tuition for the whole programme", "It varies.",
				(entry) -> entry.setRange(Money.of("10000", "USD"), Money.of("80000", "USD")));
		GuideSection questions = this.fixtures.guideSection("questions", "Questions people ask", 2, (section) -> {
		});
		String[] faqs = { "faq-can-i", "faq-online", "faq-worth-it", "faq-bachelor" };
		for (int i = 0; i < faqs.length; i++) {
			this.fixtures.guideEntry(questions, faqs[i], i + 1, "Question number " + (i + 1) + "?",
					"An answer in a sentence.", (entry) -> {
					});
		}
		return start;
	}

}
