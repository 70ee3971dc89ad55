package org.prospectus.site;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Course;
import org.prospectus.course.FormOfStudy;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema.org JSON-LD of programme and course pages: it parses, carries the facts the
 * page shows, and text from the catalogue cannot break out of its block.
 */
@PortalIntegrationTest
class StructuredDataTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final Instant DEADLINE = Instant.parse("2027-01-15T22:59:59Z");

	static final String HOSTILE = "Learn </script><script>alert(1)</script> & <!-- more --> \u2028 at \"KTH\"";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

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

	String html(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static Elements blocks(Document page) {
		return page.select("script[type=application/ld+json]");
	}

	static JsonNode structuredData(String html) {
		Elements blocks = blocks(Jsoup.parse(html));
		assertThat(blocks).as("one JSON-LD block").hasSize(1);
		assertThat(blocks.first().parent().tagName()).isEqualTo("head");
		return JSON.readTree(blocks.first().data());
	}

	Programme machineLearning() {
		Programme ml = this.fixtures.programme(this.kth, "ml", "Machine Learning", (p) -> {
			p.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, null);
			p.setApplicationFee(Money.of("900", "SEK"), null);
		});
		this.fixtures.round(this.kth, "kth-autumn-2027", Instant.parse("2026-10-15T22:00:00Z"), DEADLINE, ml);
		Course course = this.fixtures.course(this.kth, "DD2424", "Deep Learning in Data Science", (c) -> {
		});
		this.fixtures.persistPlanEntry(ml, course, 1, Season.SPRING);
		return ml;
	}

	@Test
	void aProgrammePageDescribesTheProgrammeWithTheFactsItShows() {
		machineLearning();
		JsonNode data = structuredData(html("/programmes/ml"));
		assertThat(data.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(data.path("@type").asString()).isEqualTo("EducationalOccupationalProgram");
		assertThat(data.path("name").asString()).isEqualTo("Machine Learning");
		assertThat(data.path("url").asString()).isEqualTo("http://localhost/programmes/ml");
		assertThat(data.path("description").asString()).isEqualTo("A programme about Machine Learning.");
		assertThat(data.path("educationalCredentialAwarded").asString()).isEqualTo("Master of Science");
		assertThat(data.path("numberOfCredits").path("@type").asString()).isEqualTo("QuantitativeValue");
		assertThat(data.path("numberOfCredits").path("value").decimalValue()).isEqualByComparingTo("120");
		assertThat(data.path("numberOfCredits").path("unitText").asString()).isEqualTo("ECTS");
		assertThat(data.path("timeToComplete").asString()).isEqualTo("P24M");
		assertThat(data.has("inLanguage")).as("not a property of EducationalOccupationalProgram").isFalse();
		assertThat(data.path("educationalProgramMode").valueStream().map(JsonNode::asString))
			.containsExactly("full-time", "onsite");
		JsonNode provider = data.path("provider");
		assertThat(provider.path("@type").asString()).isEqualTo("CollegeOrUniversity");
		assertThat(provider.path("name").asString()).isEqualTo("University kth");
		assertThat(provider.path("address").path("addressLocality").asString()).isEqualTo("City of kth");
		assertThat(provider.path("address").path("addressCountry").asString()).isEqualTo("SE");

		OffsetDateTime deadline = OffsetDateTime.parse(data.path("applicationDeadline").asString());
		assertThat(deadline.toInstant()).isEqualTo(DEADLINE);
		assertThat(deadline.toLocalDateTime()).as("the institution's own time")
			.isEqualTo(LocalDateTime.parse("2027-01-15T23:59:59"));
		assertThat(data.path("startDate").asString()).isEqualTo("2027-03-23");

		JsonNode tuition = data.path("offers").get(0);
		assertThat(tuition.path("category").asString()).isEqualTo("Tuition");
		assertThat(tuition.path("price").decimalValue()).isEqualByComparingTo("155000");
		assertThat(tuition.path("priceCurrency").asString()).isEqualTo("SEK");
		assertThat(tuition.path("priceSpecification").path("referenceQuantity").path("unitCode").asString())
			.isEqualTo("ANN");
		JsonNode fee = data.path("offers").get(1);
		assertThat(fee.path("category").asString()).isEqualTo("Application fee");
		assertThat(fee.path("price").decimalValue()).isEqualByComparingTo("900");
		assertThat(data.path("hasCourse").get(0).path("courseCode").asString()).isEqualTo("DD2424");
		assertThat(data.path("hasCourse").get(0).path("url").asString()).isEqualTo("http://localhost/courses/DD2424");
	}

	@Test
	void aDeadlineThatHasPassedIsNotAdvertised() {
		machineLearning();
		this.clock.setInstant(DEADLINE.plusSeconds(60));
		JsonNode data = structuredData(html("/programmes/ml"));
		assertThat(data.has("applicationDeadline")).isFalse();
		assertThat(data.has("applicationStartDate")).isFalse();
	}

	@Test
	void textFromTheCatalogueCannotLeaveTheBlock() {
		this.fixtures.programme(this.kth, "ml", "Machine </script> Learning", (p) -> p.setSummary(HOSTILE));
		String html = html("/programmes/ml");
		assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<!-- more -->");
		Document page = Jsoup.parse(html);
		assertThat(page.select("script:not([src^=/static/js/])")).as("no script but the data block and our own files")
			.hasSize(1);
		JsonNode data = structuredData(html);
		assertThat(data.path("description").asString()).isEqualTo(HOSTILE);
		assertThat(data.path("name").asString()).isEqualTo("Machine </script> Learning");
		String block = blocks(page).first().data();
		assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&").contains("\\u003c/script\\u003e");
	}

	@Test
	void aCoursePageDescribesTheCourseAndItsComingOfferings() {
		Course course = this.fixtures.course(this.kth, "DD2424", "Deep Learning in Data Science",
				(c) -> c.setSummary("Neural networks & their training."));
		this.fixtures.offering(course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 3, 15),
				LocalDate.of(2027, 6, 1), "60221", (o) -> o.setStudyForm(50, "KTH Campus", FormOfStudy.DAYTIME, "en"));
		this.fixtures.offering(course, Term.of(2027, Season.AUTUMN), LocalDate.of(2027, 8, 30),
				LocalDate.of(2027, 10, 25), "50221", (o) -> o.setStudyForm(100, null, FormOfStudy.DISTANCE, "sv"));
		// Ended two years ago: not a course instance to offer.
		this.fixtures.offering(course, Term.of(2024, Season.SPRING), LocalDate.of(2024, 3, 15),
				LocalDate.of(2024, 6, 1), "60201", (o) -> {
				});

		JsonNode data = structuredData(html("/courses/dd2424"));
		assertThat(data.path("@type").asString()).isEqualTo("Course");
		assertThat(data.path("courseCode").asString()).isEqualTo("DD2424");
		assertThat(data.path("name").asString()).isEqualTo("Deep Learning in Data Science");
		assertThat(data.path("description").asString()).isEqualTo("Neural networks & their training.");
		assertThat(data.path("url").asString()).isEqualTo("http://localhost/courses/DD2424");
		assertThat(data.path("numberOfCredits").path("@type").asString()).isEqualTo("QuantitativeValue");
		assertThat(data.path("numberOfCredits").path("value").decimalValue())
			.isEqualByComparingTo(new BigDecimal("7.5"));
		assertThat(data.path("offers")).as("Google's course guide asks for offers").isNotEmpty().allSatisfy((offer) -> {
			assertThat(offer.path("@type").asString()).isEqualTo("Offer");
			assertThat(offer.path("category").asString()).isIn("Free", "Partially Free", "Subscription", "Paid");
		});
		assertThat(data.path("provider").path("name").asString()).isEqualTo("University kth");
		assertThat(data.path("inLanguage").asString()).as("the language of the course's texts").isEqualTo("en");
		JsonNode instances = data.path("hasCourseInstance");
		assertThat(instances.size()).isEqualTo(2);
		assertThat(instances.get(0).path("@type").asString()).isEqualTo("CourseInstance");
		assertThat(instances.get(0).path("startDate").asString()).isEqualTo("2027-03-15");
		assertThat(instances.get(0).path("endDate").asString()).isEqualTo("2027-06-01");
		assertThat(instances.get(0).path("inLanguage").asString()).isEqualTo("en");
		assertThat(instances.get(0).path("location").asString()).isEqualTo("KTH Campus");
		assertThat(instances.get(0).path("courseMode").valueStream().map(JsonNode::asString))
			.containsExactly("part-time", "onsite");
		assertThat(instances.get(1).path("courseMode").valueStream().map(JsonNode::asString))
			.containsExactly("full-time", "online");
		assertThat(instances.get(1).has("location")).isFalse();
		assertThat(instances).as("each with a workload, as Google's course guide asks")
			.allSatisfy(
					(instance) -> assertThat(Duration.parse(instance.path("courseWorkload").asString())).isPositive());
	}

	@Test
	void retiredProgrammesKeepTheirPageButDescribeNothingToApplyFor() {
		this.fixtures.programme(this.kth, "old", "Old Programme", Programme::retire);
		Document page = Jsoup.parse(html("/programmes/old"));
		assertThat(blocks(page)).isEmpty();
		assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/programmes/old");
	}

}
