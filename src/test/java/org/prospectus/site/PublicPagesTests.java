package org.prospectus.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.prospectus.course.Audience;
import org.prospectus.course.Course;
import org.prospectus.course.FormOfStudy;
import org.prospectus.course.GradingScale;
import org.prospectus.course.Season;
import org.prospectus.course.Term;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeDocument;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class PublicPagesTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

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

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	/**
	 * Through the real server, for what MockMvc does not do, such as error-page dispatch.
	 */
	HttpResponse<String> overHttp(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	Document html(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	Programme mlProgramme() {
		return this.fixtures.programme(this.kth, "ml", "Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning", "Speech technology"));
			p.setCareerTitles(List.of("Data scientist", "Quantitative analyst"));
			p.setSections("About text.", "Learning text.\n\n- first outcome\n- second outcome", null, "Careers text.");
			p.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, "Citizens of the EU pay no tuition.");
			p.setApplicationFee(Money.of("900", "SEK"), null);
			p.setEntry("2:1 degree", null, null);
			p.setContact("Ada Lovelace", null, null);
		});
	}

	/**
	 * Search engines show a page's meta description under its title, and take its
	 * canonical link as its one address: every public page has one of each, the
	 * programme's and the course's made of their own summary.
	 */
	@Test
	void everyPublicPageHasOneDescriptionAndACanonicalLink() {
		this.fixtures.programme(this.kth, "ml", "Machine Learning",
				(p) -> p.setSummary("A two-year programme in   machine learning\nat KTH."));
		this.fixtures.course(this.kth, "DD2424", "Deep Learning", (c) -> c.setSummary("Deep networks, trained well."));
		for (String path : List.of("/", "/programmes", "/programmes/ml", "/courses/DD2424", "/deadlines", "/compare",
				"/careers", "/guide", "/finder", "/privacy", "/privacy/kth", "/accessibility", "/contact",
				"/contact/kth")) {
			Document page = html(path);
			assertThat(page.select("meta[name=description]")).as(path)
				.singleElement()
				.satisfies((meta) -> assertThat(meta.attr("content")).as(path).isNotBlank());
			assertThat(page.select("link[rel=canonical]")).as(path)
				.singleElement()
				.satisfies((link) -> assertThat(link.attr("href")).as(path).startsWith("http").endsWith(path));
		}
		assertThat(html("/programmes/ml").select("meta[name=description]").attr("content"))
			.isEqualTo("A two-year programme in machine learning at KTH.");
		assertThat(html("/courses/DD2424").select("meta[name=description]").attr("content"))
			.isEqualTo("Deep networks, trained well.");
		assertThat(html("/").select("meta[name=description]").attr("content"))
			.isNotEqualTo(html("/deadlines").select("meta[name=description]").attr("content"));
	}

	@Nested
	class Home {

		@Test
		void showsOpenRoundsWithTheirProgrammes() {
			Programme ml = mlProgramme();
			fixtures.round(kth, "autumn", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(10)), ml);
			Document page = html("/");
			assertThat(page.select("h1").text()).isEqualTo("Find your programme");
			assertThat(page.select(".round-card").text()).contains("Round autumn", "Machine Learning",
					"closes in 10 days");
		}

		@Test
		void saysSoWhenNoRoundIsOpen() {
			assertThat(html("/").text()).contains("No application rounds are open or upcoming right now.");
		}

		@Test
		void createsNoSessionForAnonymousVisitors() {
			assertThat(mvc.get().uri("/")).hasStatusOk().request().sessionAttributes().isEmpty();
			assertThat(mvc.get().uri("/").exchange().getResponse().getHeader("Set-Cookie")).isNull();
		}

	}

	@Nested
	class ProgrammePage {

		@Test
		void showsEveryFactAndSection() {
			mlProgramme();
			Document page = html("/programmes/ml");
			assertThat(page.select("h1").text()).isEqualTo("Machine Learning");
			assertThat(page.select("dl.facts").text()).contains("Master of Science", "120 ECTS credits", "2 years",
					"Full-time", "On campus", "English", "ML");
			assertThat(page.select("#learning + p").text()).isEqualTo("Learning text.");
			assertThat(page.select("section[aria-labelledby=learning] li").eachText()).containsExactly("first outcome",
					"second outcome");
			assertThat(page.select("section[aria-labelledby=topics] li").eachText()).containsExactly("Deep learning",
					"Speech technology");
			assertThat(page.select("section[aria-labelledby=careers]").text()).contains("Careers text.",
					"Data scientist", "Quantitative analyst");
			assertThat(page.select("section[aria-labelledby=fees]").text()).contains("SEK 155,000 per year", "SEK 900",
					"Citizens of the EU pay no tuition.");
			assertThat(page.select("section[aria-labelledby=entry]").text()).contains("2:1 degree");
			assertThat(page.select("section[aria-labelledby=contact]").text()).contains("Ada Lovelace");
		}

		@Test
		void hidesHeadingsThatWouldHaveNothingUnderThem() {
			fixtures.programme(kth, "bare", "Bare");
			Document page = html("/programmes/bare");
			assertThat(page.select("h2").eachText()).doesNotContain("Degree project", "Courses in the programme",
					"Meet the graduates", "Fees", "Entry requirements", "Topics covered", "About the programme");
			assertThat(page.text()).contains("No application round has been announced for this programme yet.");
		}

		@Test
		void showsTheCurrentRoundAsATimelineInTheInstitutionsZone() {
			Programme ml = mlProgramme();
			Instant deadline = Instant.parse("2027-01-15T22:59:59Z");
			fixtures.round(kth, "autumn-2027", Instant.parse("2026-10-15T22:00:00Z"), deadline, ml);
			// The round asks for one reference, this programme for two.
			jdbc.sql("update application_round set references_required = 1,"
					+ " programme_references = jsonb_build_object(cast(? as text), 2)")
				.param(ml.getId())
				.update();
			Document page = html("/programmes/ml");
			assertThat(page.select("#round-heading").text()).isEqualTo("Applications for Round autumn-2027");
			assertThat(page.select(".round-references").text())
				.startsWith("Applying to this programme needs 2 references");
			assertThat(page.select(".round-status").text()).contains("Open for applications", "closes in 55 days",
					"15 January 2027, 23:59 CET");
			assertThat(page.select(".timeline li").eachText()).first()
				.asString()
				.contains("Applications open", "16 October 2026, 00:00 CEST");
			assertThat(page.select(".round-timeline").text())
				.contains("All times are Stockholm time (Europe/Stockholm).")
				.doesNotContain("Central European Time");
			assertThat(page.select(".timeline time").eachAttr("datetime")).contains("2027-01-15T22:59:59Z");
		}

		@Test
		void showsTheClosedStateOnceTheDeadlineHasPassed() {
			Programme ml = mlProgramme();
			fixtures.round(kth, "past", NOW.minus(Duration.ofDays(30)), NOW.minusSeconds(1), ml);
			assertThat(html("/programmes/ml").select(".round-status").text()).contains("Closed")
				.doesNotContain("closes in");
		}

		@Test
		void keepsEarlierRoundsWithTheirMilestonesForReference() {
			Programme ml = mlProgramme();
			fixtures.round(kth, "open", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(10)), ml);
			fixtures.round(kth, "old", Instant.parse("2019-10-15T22:00:00Z"), Instant.parse("2020-01-15T22:59:59Z"),
					ml);
			Document page = html("/programmes/ml");
			assertThat(page.select("#round-heading").text()).isEqualTo("Applications for Round open");
			assertThat(page.select("details.earlier-rounds summary").text()).isEqualTo("An earlier application round");
			assertThat(page.select("details.earlier-rounds").text()).contains("Round old", "Results published",
					"15 January 2020, 23:59 CET");
		}

		@Test
		void listsThePlanByYearAndTermWithCourseLinks() {
			Programme ml = mlProgramme();
			Course course = fixtures.course(kth, "DD2424", "Deep Learning in Data Science", (c) -> {
			});
			fixtures.inTransaction(() -> {
				PlanEntries.add(fixtures, ml, course, 1, Season.SPRING);
				return null;
			});
			Document page = html("/programmes/ml");
			assertThat(page.select(".plan-table caption").text()).isEqualTo("Year 1, Spring term");
			assertThat(page.select(".plan-table a[href=/courses/DD2424]").text()).isEqualTo("DD2424");
			assertThat(page.select(".plan-table td").eachText()).contains("7.5", "Compulsory");
		}

		@Test
		void offersTheCourseDescriptionDocumentAsADownload() {
			Programme ml = mlProgramme();
			byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
			fixtures.inTransaction(() -> {
				entityManager.persist(
						new ProgrammeDocument(entityManager.merge(ml), "ml description.pdf", "application/pdf", pdf));
				return null;
			});
			assertThat(html("/programmes/ml").select("a[href=/programmes/ml/course-description.pdf]").text())
				.isEqualTo("Download the course description document (PDF, 13 B)");
			MvcTestResult download = mvc.get().uri("/programmes/ml/course-description.pdf").exchange();
			assertThat(download).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
			assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
				.contains("ml description.pdf");
			assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
			assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		}

		@Test
		void aProgrammeWithoutDocumentHasNoDownload() {
			mlProgramme();
			assertThat(mvc.get().uri("/programmes/ml/course-description.pdf")).hasStatus(HttpStatus.NOT_FOUND);
		}

		@Test
		void aRetiredProgrammeKeepsItsPageAndSaysItIsNoLongerOffered() {
			fixtures.programme(kth, "old", "Old Programme", Programme::retire);
			Document page = html("/programmes/old");
			assertThat(page.select(".alert").text()).contains("This programme is no longer offered");
		}

		@Test
		void aDraftProgrammeIsNotFound() {
			fixtures.programme(kth, "secret", "Secret", (p) -> {
				// a draft: never published
			});
			fixtures
				.inTransaction(() -> jdbc.sql("update programme set state = 'DRAFT' where slug = 'secret'").update());
			assertThat(mvc.get().uri("/programmes/secret")).hasStatus(HttpStatus.NOT_FOUND);
		}

		@Test
		void anUnknownSlugGivesTheSitesNotFoundPage() {
			MvcTestResult result = mvc.get().uri("/programmes/no-such-programme").exchange();
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		}

	}

	@Nested
	class CoursePage {

		Course course;

		@BeforeEach
		void course() {
			fixtures.course(kth, "SF1624", "Algebra and Geometry", (c) -> {
			});
			this.course = fixtures.course(kth, "DD2424", "Deep Learning in Data Science",
					(c) -> c.setFacts(null, null, GradingScale.A_F, null, null));
			fixtures.syllabus(this.course, Term.of(2024, Season.AUTUMN), (s) -> {
				s.setContentsAndOutcomes("- Supervised learning\n- Convolutional networks", "Explain learning.");
				s.addPrerequisite("Linear algebra, 7.5 credits", List.of("SF1624", "SF1672"));
				s.addModule("TEN1", "Examination", new BigDecimal("3.0"), GradingScale.A_F);
				s.addModule("LAB2", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
				s.setEthicalApproach("- Everyone answers for the group's work.");
			});
			fixtures.offering(this.course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 3, 15),
					LocalDate.of(2027, 6, 1), "60228", (o) -> {
						o.setStudyForm(50, "KTH Campus", FormOfStudy.DAYTIME, "en");
						o.setAdmission(300, Audience.PROGRAMME_STUDENTS, null, List.of("TMAIM", "TCSCM"));
						o.addPeriod(Term.of(2027, Season.SPRING), "P4", new BigDecimal("7.5"));
					});
		}

		/**
		 * The way back to a programme: each published programme whose plan has the
		 * course, on the page itself, so that its address stays one (and cacheable).
		 */
		@Test
		void namesTheProgrammesWhosePlanHasTheCourse() {
			Programme ml = mlProgramme();
			Programme ai = fixtures.programme(kth, "ai", "Artificial Intelligence");
			Programme draft = fixtures.programme(kth, "draft", "Draft Programme", (p) -> p.retire());
			fixtures.persistPlanEntry(ml, this.course, 1, Season.SPRING);
			fixtures.persistPlanEntry(ai, this.course, 2, Season.AUTUMN);
			fixtures.persistPlanEntry(draft, this.course, 1, Season.SPRING);
			Document page = html("/courses/DD2424");
			assertThat(page.select("#part-of a").eachAttr("href")).containsExactly("/programmes/ai", "/programmes/ml");
			assertThat(page.select("#part-of").text()).contains("Part of", "Artificial Intelligence",
					"Machine Learning");
			assertThat(html("/courses/SF1624").select("#part-of")).as("in no plan").isEmpty();
		}

		@Test
		void showsTheOfferingWithEveryFact() {
			Document page = html("/courses/DD2424");
			assertThat(page.select("h1").text()).isEqualTo("DD2424 Deep Learning in Data Science");
			String offering = page.select(".offering-card").text();
			assertThat(offering).contains("Spring 2027, starts 15 March 2027", "15 March 2027 to 1 June 2027",
					"Spring 2027: P4 (7.5 credits)", "50%", "KTH Campus", "Normal daytime", "English", "60228",
					"At most 300", "TMAIM", "TCSCM", "The course memo is not published yet.",
					"The schedule is not published yet.");
		}

		@Test
		void showsTheSyllabusWithModulesAndLinkedPrerequisites() {
			Document page = html("/courses/DD2424");
			assertThat(page.select("#syllabus").text()).isEqualTo("Course syllabus DD2424 (Autumn 2024 onwards)");
			assertThat(page.select("table tbody tr").eachText())
				.containsExactly("TEN1 Examination 3.0 A, B, C, D, E, FX, F", "LAB2 Laboratory work 4.5 P, F");
			assertThat(page.select(".prerequisites a").eachAttr("href")).containsExactly("/courses/SF1624");
			assertThat(page.select(".prerequisites").text()).contains("SF1672");
			assertThat(page.select("h3").eachText()).doesNotContain("Literature");
		}

		@Test
		void showsAnOfferingThatEndedWithinAYearAsRecent() {
			clock.setInstant(Instant.parse("2027-06-02T12:00:00Z"));
			Document page = html("/courses/DD2424");
			assertThat(page.select("section[aria-labelledby=offerings]").text())
				.contains("No offering of this course is planned at the moment.");
			assertThat(page.select("section[aria-labelledby=recent-offerings] .offering-card").text())
				.contains("Spring 2027", "60228");
		}

		@Test
		void dropsAnOfferingThatEndedMoreThanAYearAgo() {
			clock.setInstant(Instant.parse("2028-06-02T12:00:00Z"));
			assertThat(html("/courses/DD2424").select(".offering-card")).isEmpty();
		}

		@Test
		void findsTheCourseWhateverTheCaseOfTheCode() {
			assertThat(mvc.get().uri("/courses/dd2424")).hasStatusOk();
		}

		/**
		 * Every published syllabus version has an address and a PDF of its own. A version
		 * applies through the term before the next one's first, so no two overlap; the
		 * one the offering falls under is shown by default.
		 */
		@Test
		void everySyllabusVersionHasItsOwnAddressAndPdfAndNoTwoOverlap() throws IOException {
			fixtures.syllabus(this.course, Term.of(2019, Season.SPRING),
					(s) -> s.setContentsAndOutcomes("- Perceptrons", "Explain perceptrons."));
			fixtures.syllabus(this.course, Term.of(2027, Season.AUTUMN),
					(s) -> s.setContentsAndOutcomes("- Attention and transformers", "Explain attention."));
			fixtures.offering(this.course, Term.of(2021, Season.SPRING), LocalDate.of(2021, 3, 15),
					LocalDate.of(2021, 6, 1), "60120",
					(o) -> o.setStudyForm(50, "KTH Campus", FormOfStudy.DAYTIME, "en"));
			Document page = html("/courses/DD2424");
			assertThat(page.text()).as("ended more than a year ago").doesNotContain("60120");
			assertThat(page.select("#syllabus").text())
				.isEqualTo("Course syllabus DD2424 (Autumn 2024 to Summer 2027)");
			assertThat(page.select("#versions li").eachText()).containsExactly("Spring 2019 to Summer 2024 (past)",
					"Autumn 2024 to Summer 2027 (shown below)", "Autumn 2027 onwards (coming)");
			assertThat(page.select("#versions a").eachAttr("href")).containsExactly(
					"/courses/DD2424/syllabus/spring-2019", "/courses/DD2424/syllabus/autumn-2024",
					"/courses/DD2424/syllabus/autumn-2027");
			assertThat(page.select("#changes").text()).isEqualTo("Changed from the version before: Course contents, "
					+ "Intended learning outcomes, Specific prerequisites, Examination modules, Ethical approach.");

			Document past = html("/courses/dd2424/syllabus/SPRING-2019");
			assertThat(past.select("#syllabus").text())
				.isEqualTo("Course syllabus DD2424 (Spring 2019 to Summer 2024)");
			assertThat(past.text()).contains("Perceptrons").doesNotContain("Convolutional networks");
			assertThat(past.select("#changes")).as("the first version").isEmpty();
			// Its offerings stay readable, however long ago they ended.
			assertThat(past.select("#offerings")).as("none current under a past version").isEmpty();
			assertThat(past.select("#recent-offerings").text()).isEqualTo("Past offerings under this version");
			assertThat(past.text()).contains("60120").doesNotContain("60228");
			assertThat(html("/courses/DD2424/syllabus/autumn-2024").text()).contains("60228").doesNotContain("60120");
			// Public pages, kept and validated as the course's own page and PDF are.
			for (String path : List.of("/courses/DD2424/syllabus/spring-2019",
					"/courses/DD2424/syllabus/spring-2019.pdf")) {
				MvcTestResult first = mvc.get().uri(path).exchange();
				String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
				assertThat(etag).as(path).isNotBlank();
				assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).as(path).contains("public");
				assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag)).as(path)
					.hasStatus(HttpStatus.NOT_MODIFIED);
			}
			assertThat(past.select("#versions a[aria-current=page]").attr("href"))
				.isEqualTo("/courses/DD2424/syllabus/spring-2019");
			assertThat(past.select("link[rel=canonical]").attr("href"))
				.endsWith("/courses/DD2424/syllabus/spring-2019");
			assertThat(past.select("a[href$=.pdf]").attr("href")).isEqualTo("/courses/DD2424/syllabus/spring-2019.pdf");

			MvcTestResult coming = mvc.get().uri("/courses/DD2424/syllabus/autumn-2027.pdf").exchange();
			assertThat(coming).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
			try (PDDocument document = Loader.loadPDF(coming.getResponse().getContentAsByteArray())) {
				assertThat(new PDFTextStripper().getText(document)).contains("Attention and transformers")
					.doesNotContain("Convolutional networks");
			}
			for (String missing : List.of("/courses/DD2424/syllabus/autumn-2030", "/courses/DD2424/syllabus/nonsense",
					"/courses/DD2424/syllabus/autumn-2030.pdf", "/courses/XX0000/syllabus/autumn-2024")) {
				assertThat(mvc.get().uri(missing)).as(missing).hasStatus(HttpStatus.NOT_FOUND);
			}
		}

		@Test
		void rendersTheSyllabusAsPdfFromTheSameData() throws IOException {
			MvcTestResult result = mvc.get().uri("/courses/DD2424/syllabus.pdf").exchange();
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
			byte[] pdf = result.getResponse().getContentAsByteArray();
			assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			try (PDDocument document = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("DD2424", "Deep Learning in Data Science", "Supervised learning", "TEN1",
						"LAB2", "SF1624");
			}
		}

		@Test
		void anUnknownCourseIsNotFound() {
			assertThat(mvc.get().uri("/courses/XX0000")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri("/courses/XX0000/syllabus.pdf")).hasStatus(HttpStatus.NOT_FOUND);
		}

		@Test
		void aCourseWithoutSyllabusSaysSoAndHasNoPdf() {
			assertThat(html("/courses/SF1624").text()).contains("No syllabus has been published for this course yet.");
			assertThat(mvc.get().uri("/courses/SF1624/syllabus.pdf")).hasStatus(HttpStatus.NOT_FOUND);
		}

	}

	@Nested
	class Search {

		@Test
		void searchesWithFiltersKeptInTheForm() {
			mlProgramme();
			fixtures.programme(kth, "robotics", "Robotics");
			MvcTestResult result = mvc.get()
				.uri("/programmes")
				.param("q", "machine")
				.param("topic", "Deep learning")
				.exchange();
			assertThat(result).hasStatusOk();
			Document page = Jsoup
				.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
			assertThat(page.select(".result-card h2").eachText()).containsExactly("Machine Learning");
			assertThat(page.select("#q").val()).isEqualTo("machine");
			assertThat(page.select("#topic option[selected]").val()).isEqualTo("Deep learning");
			assertThat(page.select("#topic option[selected]").text()).as("with what it finds")
				.isEqualTo("Deep learning (1)");
			assertThat(page.select(".results-count").text()).isEqualTo("1 programme found");
		}

		@Test
		void ignoresFilterValuesThatAreNotOffered() {
			mlProgramme();
			assertThat(html("/programmes?level=NONSENSE&mode=%00&page=abc&duration=-1").select(".result-card h2")
				.eachText()).containsExactly("Machine Learning");
		}

		@Test
		void pagesKeepTheFilters() {
			for (int i = 0; i < 12; i++) {
				fixtures.programme(kth, "p" + i, "Programme " + (char) ('A' + i));
			}
			Document first = html("/programmes?mode=CAMPUS");
			assertThat(first.select(".result-card")).hasSize(10);
			assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/programmes?mode=CAMPUS&page=2");
			Document second = html("/programmes?mode=CAMPUS&page=2");
			assertThat(second.select(".result-card")).hasSize(2);
			assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/programmes?mode=CAMPUS&page=1");
		}

		@Test
		void saysSoWhenNothingMatches() {
			assertThat(html("/programmes?q=zzzzzz").text()).contains("No programme matches your search.");
		}

	}

	@Nested
	class Deadlines {

		@Test
		void aJointRoundsProgrammesThatShareATitleAreToldApartByTheirInstitution() {
			Programme ml = mlProgramme();
			Institution soton = fixtures.institution("soton", "Europe/London");
			Programme partner = fixtures.programme(soton, "soton-ml", "Machine Learning");
			fixtures.round(kth, "joint", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(10)), ml, partner);
			for (String path : List.of("/", "/deadlines")) {
				assertThat(html(path).select(".inline-list a[href^=/programmes/]").eachText()).as(path)
					.containsExactlyInAnyOrder("Machine Learning", "Machine Learning, University soton");
			}
		}

		@Test
		void aJointRoundsDeadlineIsShownInTheRoundsZoneOnEveryProgrammeInIt() {
			Programme ml = mlProgramme();
			Institution soton = fixtures.institution("soton", "Europe/London");
			Programme partner = fixtures.programme(soton, "soton-ml", "Machine Learning");
			fixtures.round(kth, "joint", NOW.minus(Duration.ofDays(3)), Instant.parse("2027-01-15T22:59:59Z"), ml,
					partner);
			assertThat(html("/programmes?q=Machine").select(".result-card").eachText())
				.allSatisfy((card) -> assertThat(card).contains("15 January 2027, 23:59 CET").doesNotContain("GMT"))
				.hasSize(2);
			assertThat(html("/programmes/soton-ml").select(".round-status").text())
				.contains("15 January 2027, 23:59 CET");
		}

		@Test
		void listsOpenAndUpcomingRoundsSoonestFirst() {
			Programme ml = mlProgramme();
			fixtures.round(kth, "later", NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(60)), ml);
			fixtures.round(kth, "sooner", NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(6)), ml);
			fixtures.round(kth, "gone", NOW.minus(Duration.ofDays(50)), NOW.minus(Duration.ofDays(6)), ml);
			Document page = html("/deadlines");
			assertThat(page.select(".round-card h2").eachText()).containsExactly("Round sooner · University kth",
					"Round later · University kth");
			assertThat(page.select(".round-card").get(1).text()).contains("Opens soon", "opens in 5 days");
		}

		@Test
		void leavesOutRoundsWithoutPublishedProgrammes() {
			fixtures.round(kth, "empty", NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(6)));
			assertThat(html("/deadlines").text()).contains("No application rounds are open or upcoming right now.");
		}

	}

	@Nested
	class Errors {

		@Test
		void anUnknownSlugIsAnswered404WithTheSiteLayoutAndNoDetails() throws Exception {
			HttpResponse<String> response = overHttp("/programmes/no-such-programme");
			assertThat(response.statusCode()).isEqualTo(404);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("h1").text()).isEqualTo("We cannot find that page");
			assertThat(page.select("header.site-header")).isNotEmpty();
			assertThat(response.body()).doesNotContain("Exception", "at org.", "Tomcat");
		}

		@Test
		void aPathOutsideThePublicPagesIsTheNotFoundPageWithoutASession() throws Exception {
			HttpResponse<String> response = overHttp("/no/such/page");
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("We cannot find that page");
			assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		}

		@Test
		void errorPagesCarryTheSecurityHeaders() throws Exception {
			HttpResponse<String> response = overHttp("/programmes/no-such-programme");
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'")
					.doesNotContain("unsafe-inline"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		}

		@Test
		void postingToAPublicPageIsRefusedAsNoSuchPage() {
			assertThat(mvc.post().uri("/programmes")).hasStatus(HttpStatus.NOT_FOUND);
		}

	}

	/**
	 * PlanEntry has no public repository; tests persist it through the entity manager.
	 */
	static final class PlanEntries {

		static void add(CatalogueFixtures fixtures, Programme programme, Course course, int year, Season term) {
			fixtures.persistPlanEntry(programme, course, year, term);
		}

	}

	@Nested
	class Statements {

		@Test
		void everyPageLinksThePrivacyNoticeTheAccessibilityStatementAndTheContactPage() {
			for (String uri : List.of("/", "/programmes", "/deadlines", "/account/register", "/login", "/privacy")) {
				assertThat(html(uri).select("footer a").eachAttr("href")).as(uri)
					.contains("/privacy", "/accessibility", "/contact");
			}
			assertThat(html("/account/register").select("#content a[href=/privacy]")).hasSize(1);
		}

		@Test
		void theInstitutionsNoticeStatesTheRetentionPeriodsItsSettingsApply() {
			jdbc.sql("""
					update institution set retention_draft_months = 3, retention_unsuccessful_months = 18,
					retention_admitted_months = 40, privacy_contact = 'dpo@kth.example.org' where slug = 'kth'""")
				.update();
			Document notice = html("/privacy/kth");
			assertThat(notice.select("h1").text()).isEqualTo("How University kth uses your application");
			assertThat(notice.select("#retention ~ ul li").eachText())
				.anySatisfy((line) -> assertThat(line)
					.startsWith("An application you have not submitted: deleted 3 months"))
				.anySatisfy((line) -> assertThat(line).contains("withdrew, with its documents: deleted 18 months"))
				.anySatisfy((line) -> assertThat(line).contains("was admitted, with its documents: deleted 40 months"))
				.anySatisfy((line) -> assertThat(line)
					.startsWith("Sign-in records and single-use links: deleted after 30 days"));
			assertThat(notice.select("a[href=mailto:dpo@kth.example.org]")).hasSize(1);
			assertThat(html("/privacy").select("a[href=/privacy/kth]").text())
				.isEqualTo("Privacy notice of University kth");
			assertThat(mvc.get().uri("/privacy/no-such-place")).hasStatus(404);
		}

		@Test
		void theContactPageGivesEachInstitutionsAdmissionsContactAndItsProgrammeContacts() {
			Institution other = fixtures.institution("uu", "Europe/Stockholm");
			fixtures.programme(kth, "ml", "Machine Learning",
					(p) -> p.setContact("Ada Lovelace", "ml@kth.example.org", null));
			jdbc.sql("""
					update institution set admissions_email = 'admissions@kth.example.org',
					admissions_phone = '+46 8 000 00 00' where slug = 'kth'""").update();
			Document page = html("/contact");
			assertThat(page.select("#contact-kth").parents().first().text()).contains("admissions@kth.example.org",
					"+46 8 000 00 00", "Machine Learning", "Ada Lovelace", "ml@kth.example.org");
			assertThat(page.select("#contact-uu").parents().first().text())
				.contains("has not given an admissions contact yet");
			Document own = html("/contact/kth");
			assertThat(own.select("h1").text()).isEqualTo("Contact the admissions office of University kth");
			assertThat(own.text()).contains("admissions@kth.example.org", "ml@kth.example.org")
				.doesNotContain("University uu");
			assertThat(mvc.get().uri("/contact/no-such-place")).hasStatus(404);
			assertThat(other).isNotNull();
		}

	}

}
