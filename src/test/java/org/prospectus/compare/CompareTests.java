package org.prospectus.compare;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.CreditSystem;
import org.prospectus.course.Season;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Career;
import org.prospectus.programme.Programme;
import org.prospectus.programme.SalaryKind;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison page: the shortlist in the URL, rows lined up across programmes, the
 * limit of four, programmes not found, differences marked and nothing left blank.
 */
@PortalIntegrationTest
class CompareTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	/** The row labels, top to bottom. */
	static final List<String> ROWS = List.of("Institution and city", "Award", "Credits", "Duration", "Pace",
			"Mode of study", "Language of instruction", "Start", "Next application deadline", "Tuition per year",
			"Tuition for the whole programme", "Application fee", "Typical offer", "Other entry requirements", "Topics",
			"Courses", "Careers");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	EntityManager entityManager;

	Institution kth;

	Institution soton;

	Programme kthMl;

	Programme sotonMl;

	Programme robotics;

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.soton = this.fixtures.institution("soton", "Europe/London");
		this.soton = this.fixtures.inTransaction(() -> {
			Institution institution = this.entityManager.merge(this.soton);
			institution.setFeeExemptCountries(List.of("GB"));
			return institution;
		});
		this.kthMl = this.fixtures.programme(this.kth, "kth-ml", "Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning", "Computer vision", "Speech technology"));
			p.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, "Citizens of the EU pay no tuition.");
			p.setApplicationFee(Money.of("900", "SEK"), null);
			p.setEntry(null, "A bachelor's degree with 30 credits of mathematics.", "English 6");
			p.setStartTerm("Autumn");
		});
		this.sotonMl = this.fixtures.programme(this.soton, "soton-ml", "Machine Learning", (p) -> {
			p.setStudyForm(12, 100, p.getMode(), "en");
			p.setAward("Master of Science", p.getLevel(), new BigDecimal("180"), CreditSystem.UK_CREDITS);
			p.setTopics(List.of("Computer vision", "Deep learning", "Reinforcement learning"));
			p.setTuition(Money.of("32000", "GBP"), TuitionPeriod.TOTAL, null);
			p.setApplicationFee(Money.of("50", "GBP"), null);
			p.setEntry("2:1 degree", null, null);
		});
		this.robotics = this.fixtures.programme(this.kth, "robotics", "Robotics");
		// Fixtures publish; the entity offers no way back to draft, so the test writes
		// it.
		this.fixtures.programme(this.kth, "draft-programme", "Draft Programme");
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'draft-programme'").update();
		this.fixtures.programme(this.kth, "retired-programme", "Retired Programme", Programme::retire);
		ZoneId stockholm = ZoneId.of("Europe/Stockholm");
		ZoneId london = ZoneId.of("Europe/London");
		Instant kthDeadline = LocalDate.of(2027, 1, 15).atTime(LocalTime.of(23, 59, 59)).atZone(stockholm).toInstant();
		Instant sotonDeadline = LocalDate.of(2026, 12, 1).atTime(LocalTime.of(17, 0)).atZone(london).toInstant();
		this.fixtures.round(this.kth, "kth-autumn", NOW.minus(Duration.ofDays(5)), kthDeadline, this.kthMl);
		this.fixtures.round(this.soton, "soton-september", NOW.minus(Duration.ofDays(30)), sotonDeadline, this.sotonMl);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Document page(String uri) {
		return page(this.mvc.get().uri(uri).exchange());
	}

	/** The comparison of these {@code p} values, exactly as given. */
	Document compare(String... slugs) {
		return page(this.mvc.get().uri("/compare").param("p", slugs).exchange());
	}

	Document page(MvcTestResult result) {
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result.getRequest().getSession(false)).as("no session for a comparison").isNull();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	static List<String> columnHeadings(Document page) {
		return page.select("table.compare-table thead th[scope=col]").eachText();
	}

	static Element row(Document page, String label) {
		for (Element row : page.select("table.compare-table tbody tr")) {
			if (row.selectFirst("th[scope=row] span").text().equals(label)) {
				return row;
			}
		}
		throw new AssertionError("no row " + label);
	}

	static List<String> cells(Document page, String label) {
		return row(page, label).select("td").eachText();
	}

	@Test
	void showsTheProgrammesInTheOrderPickedWithEveryRowAligned() {
		Document page = page("/compare?p=soton-ml&p=robotics&p=kth-ml");
		assertThat(page.select("table.compare-table thead th[scope=col] a").eachAttr("href")).containsExactly(
				"/programmes/soton-ml?compare=soton-ml&compare=robotics&compare=kth-ml",
				"/programmes/robotics?compare=soton-ml&compare=robotics&compare=kth-ml",
				"/programmes/kth-ml?compare=soton-ml&compare=robotics&compare=kth-ml");
		assertThat(page.select("table.compare-table tbody th[scope=row] > span:first-child").eachText())
			.containsExactlyElementsOf(ROWS);
		for (Element row : page.select("table.compare-table tbody tr")) {
			assertThat(row.select("td")).as(row.text()).hasSize(3);
		}
		assertThat(cells(page, "Institution and city")).containsExactly("University soton, City of soton",
				"University kth, City of kth", "University kth, City of kth");
		assertThat(cells(page, "Credits")).containsExactly("180 UK credits", "120 ECTS credits", "120 ECTS credits");
		assertThat(cells(page, "Duration")).containsExactly("1 year", "2 years", "2 years");
		assertThat(page.select("table.compare-table td").eachAttr("data-label")).startsWith(
				"Machine Learning (University soton)", "Robotics (University kth)",
				"Machine Learning (University kth)");
	}

	@Test
	void ignoresDuplicatesAndKeepsTheFirstPlace() {
		assertThat(this.mvc.get().uri("/compare").param("p", "kth-ml", "soton-ml", "kth-ml", " KTH-ML ").exchange())
			.as("sent to the one spelling of the shortlist")
			.hasStatus(301)
			.hasHeader("Location", "/compare?p=kth-ml&p=soton-ml");
		Document page = compare("kth-ml", "soton-ml");
		assertThat(page.select("table.compare-table thead th[scope=col] a").eachAttr("href"))
			.extracting((href) -> href.substring(0, href.indexOf('?')))
			.containsExactly("/programmes/kth-ml", "/programmes/soton-ml");
		assertThat(page.select(".alert")).isEmpty();
	}

	@Test
	void aFifthProgrammeIsLeftOutWithAClearMessage() {
		for (int i = 1; i <= 3; i++) {
			this.fixtures.programme(this.kth, "extra-" + i, "Extra " + i);
		}
		Document page = page("/compare?p=kth-ml&p=soton-ml&p=extra-1&p=extra-2&p=extra-3");
		assertThat(columnHeadings(page)).containsExactly("Machine Learning", "Machine Learning", "Extra 1", "Extra 2");
		Element alert = page.selectFirst(".alert");
		assertThat(alert.text()).contains("You can compare up to 4 programmes at a time")
			.contains("Extra 3, University kth");
		assertThat(page.text()).contains("The comparison is full.");
		// Removing one lets the fifth move in.
		assertThat(page.select(".shortlist-list a[href^=/compare]").first().attr("href"))
			.isEqualTo("/compare?p=soton-ml&p=extra-1&p=extra-2&p=extra-3");
	}

	@Test
	void listsUnknownDraftAndRetiredProgrammesAsNotFound() {
		Document page = compare("kth-ml", "no-such-programme", "draft-programme", "retired-programme", "a&b");
		assertThat(columnHeadings(page)).containsExactly("Machine Learning");
		Element alert = page.selectFirst(".alert");
		assertThat(alert.text()).contains("4 programmes were not found");
		assertThat(alert.select("li").eachText()).containsExactly("no-such-programme", "draft-programme",
				"retired-programme", "a&b");
		// Links carry on only what was found.
		assertThat(page.select("a[href^=/programmes?]").eachAttr("href")).contains("/programmes?compare=kth-ml");
	}

	@Test
	void withNothingPickedExplainsHowToStart() {
		Document page = page("/compare");
		assertThat(page.select("table")).isEmpty();
		assertThat(page.text()).contains("You have not picked any programmes to compare yet.");
		assertThat(page("/compare?p=nope").text()).contains("One programme was not found");
	}

	@Test
	void marksRowsWhoseValuesDifferInWordsNotOnlyColour() {
		Document page = page("/compare?p=kth-ml&p=soton-ml");
		assertThat(row(page, "Credits").hasClass("differs")).isTrue();
		assertThat(row(page, "Credits").selectFirst("th").text()).isEqualTo("Credits Differs");
		assertThat(row(page, "Tuition per year").hasClass("differs")).isTrue();
		assertThat(row(page, "Mode of study").hasClass("differs")).isFalse();
		assertThat(row(page, "Mode of study").select(".differs-marker")).isEmpty();
		assertThat(row(page, "Language of instruction").hasClass("differs")).isFalse();
		assertThat(page.select("tr.differs .differs-marker")).hasSameSizeAs(page.select("tr.differs"));
	}

	@Test
	void aSingleProgrammeHasNoDifferences() {
		Document page = page("/compare?p=kth-ml");
		assertThat(page.select("tr.differs")).isEmpty();
	}

	@Test
	void saysNotPublishedWhereAValueIsMissingAndLeavesNoCellBlank() {
		Document page = page("/compare?p=kth-ml&p=robotics");
		assertThat(page.select("table.compare-table tbody td"))
			.allSatisfy((cell) -> assertThat(cell.text()).isNotBlank());
		assertThat(cells(page, "Typical offer")).containsExactly("Not published", "Not published");
		assertThat(cells(page, "Tuition per year").get(1)).isEqualTo("Not published");
		assertThat(cells(page, "Application fee").get(1)).isEqualTo("Not published");
		assertThat(cells(page, "Other entry requirements").get(1)).isEqualTo("Not published");
		assertThat(cells(page, "Topics").get(1)).isEqualTo("Not published");
		assertThat(cells(page, "Courses")).containsExactly("Not published", "Not published");
		assertThat(cells(page, "Careers").get(1)).isEqualTo("Not published");
		assertThat(cells(page, "Next application deadline").get(1))
			.isEqualTo("No open or upcoming application round is published");
		assertThat(cells(page, "Start").get(1)).isEqualTo("Not published");
	}

	@Test
	void showsEachDeadlineInItsRoundsZoneWithTheZoneNamedAndTheDaysLeft() {
		Document page = page("/compare?p=kth-ml&p=soton-ml");
		List<String> deadlines = cells(page, "Next application deadline");
		assertThat(deadlines.get(0)).contains("15 January 2027, 23:59 CET")
			.contains("Stockholm time (Europe/Stockholm)")
			.contains("closes in 55 days");
		assertThat(deadlines.get(1)).contains("1 December 2026, 17:00 GMT")
			.contains("Europe/London")
			.contains("closes in 10 days");
		assertThat(row(page, "Next application deadline").select("time").eachAttr("datetime"))
			.containsExactly("2027-01-15T22:59:59Z", "2026-12-01T17:00:00Z");
	}

	@Test
	void showsAnUpcomingRoundsDeadlineWithWhenItOpens() {
		this.fixtures.round(this.kth, "robotics-next", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(40)),
				this.robotics);
		assertThat(cells(page("/compare?p=robotics"), "Next application deadline").get(0))
			.contains("applications open in 3 days");
	}

	@Test
	void showsTuitionPerYearAndInTotalInTheirOwnCurrencyNeverConverted() {
		Document page = page("/compare?p=kth-ml&p=soton-ml");
		List<String> perYear = cells(page, "Tuition per year");
		List<String> total = cells(page, "Tuition for the whole programme");
		assertThat(perYear.get(0)).startsWith("SEK 155,000").contains("Citizens of the EU pay no tuition.");
		assertThat(total.get(0)).isEqualTo("SEK 310,000 Worked out from the yearly fee and the programme's length.");
		assertThat(perYear.get(1)).isEqualTo("£32,000");
		assertThat(total.get(1)).isEqualTo("£32,000");
		assertThat(page.text()).contains("We never convert currencies");
	}

	@Test
	void showsTheApplicationFeeAndWhoIsExempt() {
		List<String> fees = cells(page("/compare?p=kth-ml&p=soton-ml"), "Application fee");
		assertThat(fees.get(0)).isEqualTo("SEK 900");
		assertThat(fees.get(1)).isEqualTo("£50 Citizens of United Kingdom pay no application fee.");
	}

	@Test
	void marksTheTopicsEveryProgrammeShares() {
		Document page = page("/compare?p=kth-ml&p=soton-ml");
		Elements shared = row(page, "Topics").select("td").first().select("li.shared");
		assertThat(shared.eachText()).containsExactly("Deep learning (in all compared programmes)",
				"Computer vision (in all compared programmes)");
		assertThat(row(page, "Topics").select("td").first().select("li:not(.shared)").eachText())
			.containsExactly("Speech technology");
	}

	@Test
	void countsCoursesAndCompulsoryCreditsAndListsCareers() {
		Course deep = this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> {
		});
		Course vision = this.fixtures.course(this.kth, "DD2423", "Image Analysis", (c) -> {
		});
		this.fixtures.persistPlanEntry(this.kthMl, deep, 1, Season.AUTUMN);
		this.fixtures.persistPlanEntry(this.kthMl, vision, 1, Season.SPRING);
		Career scientist = this.fixtures.career("data-scientist", "Data scientist", (c) -> c
			.setSalary(Money.of("100910", "USD"), SalaryKind.MEDIAN, "US", 2023, "A guide to master's programmes"));
		Career engineer = this.fixtures.career("ml-engineer", "Machine learning engineer", (c) -> {
		});
		this.fixtures.leadsTo(engineer, 1, this.kthMl, this.sotonMl);
		this.fixtures.leadsTo(scientist, 2, this.kthMl);
		Document page = page("/compare?p=kth-ml&p=soton-ml");
		assertThat(cells(page, "Courses").get(0)).isEqualTo("2 courses in the plan 15 credits of compulsory courses");
		assertThat(row(page, "Careers").select("td").first().select("a").eachAttr("href"))
			.containsExactly("/careers#ml-engineer", "/careers#data-scientist");
		assertThat(cells(page, "Careers").get(1)).isEqualTo("Machine learning engineer");
		assertThat(row(page, "Careers").hasClass("differs")).isTrue();
	}

	@Test
	void removeLinksDropOneProgrammeAndKeepTheRestInOrder() {
		Document page = page("/compare?p=kth-ml&p=soton-ml&p=robotics");
		assertThat(page.select(".shortlist-list a[href^=/compare]").eachAttr("href")).containsExactly(
				"/compare?p=soton-ml&p=robotics", "/compare?p=kth-ml&p=robotics", "/compare?p=kth-ml&p=soton-ml");
		assertThat(page.select(".shortlist-list a[href^=/compare]").first().text())
			.isEqualTo("Remove Machine Learning, University kth, from the comparison");
	}

	@Test
	void searchResultsOfferAddToComparisonCarryingTheShortlist() {
		Document search = page("/programmes?q=machine&compare=kth-ml");
		Elements adds = search.select("a[href^=/compare]");
		assertThat(adds.eachAttr("href")).contains("/compare?p=kth-ml&p=soton-ml", "/compare?p=kth-ml");
		assertThat(search.select(".in-comparison").eachText()).containsExactly("In your comparison");
		assertThat(search.select("input[type=hidden][name=compare]").eachAttr("value")).containsExactly("kth-ml");
		assertThat(search.select(".result-card h2 a").eachAttr("href")).contains("/programmes/kth-ml?compare=kth-ml");
		Document programme = page("/programmes/soton-ml?compare=kth-ml");
		assertThat(programme.select("#compare-heading + p a").attr("href")).isEqualTo("/compare?p=kth-ml&p=soton-ml");
		assertThat(programme.select("#compare-heading + p a").text())
			.isEqualTo("Add to comparison: Machine Learning, University soton");
	}

	/**
	 * A crawler following every "Add to comparison" found thousands of addresses: the
	 * links are marked nofollow, the comparison is noindex and names one canonical
	 * address whatever the order, a hand-made spelling of a shortlist is sent to its one
	 * spelling, and robots.txt keeps crawlers out of the comparison.
	 */
	@Test
	void shortlistsAreNoCrawlerTrap() throws Exception {
		for (String uri : List.of("/programmes?q=machine&compare=kth-ml", "/programmes/soton-ml?compare=kth-ml",
				"/compare?p=kth-ml&p=soton-ml")) {
			Elements shortlistLinks = page(uri).select("a[href^=/compare], a[href*=compare=]");
			assertThat(shortlistLinks).as(uri).isNotEmpty();
			assertThat(shortlistLinks).as(uri)
				.allSatisfy(
						(link) -> assertThat(link.attr("rel").split(" ")).as(link.attr("href")).contains("nofollow"));
		}
		for (String order : List.of("/compare?p=soton-ml&p=kth-ml", "/compare?p=kth-ml&p=soton-ml")) {
			MvcTestResult result = this.mvc.get().uri(order).exchange();
			assertThat(result.getResponse().getHeader("X-Robots-Tag")).as(order).contains("noindex");
			Document page = page(result);
			assertThat(page.select("meta[name=robots]").attr("content")).as(order).contains("noindex");
			assertThat(page.select("link[rel=canonical]").eachAttr("href")).as(order)
				.singleElement()
				.satisfies((href) -> assertThat(href).startsWith("http").endsWith("/compare?p=kth-ml&p=soton-ml"));
		}
		MvcTestResult handMade = this.mvc.get().uri("/compare?p=KTH-ml&p=kth-ml&p=&p=soton-ml").exchange();
		assertThat(handMade).hasStatus(301).hasHeader("Location", "/compare?p=kth-ml&p=soton-ml");
		String robots = this.mvc.get().uri("/robots.txt").exchange().getResponse().getContentAsString();
		assertThat(robots.lines()).contains("Disallow: /compare");
	}

}
