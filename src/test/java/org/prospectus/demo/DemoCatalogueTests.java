package org.prospectus.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.course.CoursePage;
import org.prospectus.course.CourseService;
import org.prospectus.course.Syllabus;
import org.prospectus.demo.DemoCatalogue.DemoCounts;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundService;
import org.prospectus.intake.RoundState;
import org.prospectus.intake.RoundView;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeService.DocumentDownload;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.search.ProgrammeSearch;
import org.prospectus.search.ProgrammeSearchCriteria;
import org.prospectus.search.ProgrammeSummary;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalogue loads into the real schema, is safe to load twice, and gives search,
 * paging and the round states something to show.
 */
@PortalIntegrationTest
class DemoCatalogueTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	DemoCatalogue demoCatalogue;

	@Autowired
	ProgrammeSearch search;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	CourseService courses;

	@Autowired
	RoundService rounds;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoApplications demoApplications;

	@Autowired
	DemoReading demoReading;

	@Autowired
	DemoStaff demoStaff;

	@Autowired
	StaffSessions staff;

	@BeforeEach
	void load() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.demoCatalogue.load();
	}

	/** Other test classes share the database and some expect it empty. */
	@AfterEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.reset();
	}

	String pageText(String path) {
		MvcTestResult result = this.mvc.get().uri(path).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).text();
	}

	/**
	 * KTH's programme reads in Swedish under /sv; Southampton's stays English there,
	 * marked and said to be untranslated (issue 29). Loading again changes nothing.
	 */
	@Test
	void kthsProgrammeIsInSwedishAndSouthamptonsShowsTheFallback() throws Exception {
		this.demoCatalogue.load();
		org.jsoup.nodes.Document kth = Jsoup.parse(this.mvc.get()
			.uri("/sv/programmes/" + DemoCatalogue.KTH_PROGRAMME)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(kth.selectFirst("h1").text()).isEqualTo("Maskininlärning");
		assertThat(kth.select(".untranslated").text()).as("the plan's other courses are English")
			.startsWith("Vissa texter");
		assertThat(kth.select("#topics + ul a").eachText()).contains("Djupinlärning", "Datorseende");
		assertThat(kth.select("figure.testimonial").text()).contains("Så vitt jag vet", "Kina");
		assertThat(kth.select("section[aria-labelledby=entry]").text()).contains("En kandidatexamen");
		String compared = pageText(
				"/sv/compare?p=" + DemoCatalogue.KTH_PROGRAMME + "&p=" + DemoCatalogue.SOUTHAMPTON_PROGRAMME);
		assertThat(compared).contains("Djupinlärning", "Medborgare i EU/EES-länder");
		assertThat(kth.select("main").text()).contains("Teknologie masterexamen", "120 högskolepoäng",
				"Kungliga Tekniska högskolan", "Universitetskanslersämbetet (UKÄ)");
		assertThat(pageText("/sv/deadlines")).contains("Hösten 20",
				"Masterprogram i maskininlärning: antagning hösten");
		assertThat(pageText("/sv/courses/DD2424")).contains("Grunderna i övervakad inlärning", "Tentamen",
				"Laborationer", "Linjär algebra motsvarande 7,5 hp.",
				"Öppet för studenter som är antagna till CLGYM-TIKT", "Kursplanen är översatt från engelska");
		assertThat(Jsoup
			.parse(this.mvc.get()
				.uri("/sv/courses/DD2424")
				.exchange()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.select("#part-of a")
			.eachText()).contains("Maskininlärning");
		org.jsoup.nodes.Document soton = Jsoup.parse(this.mvc.get()
			.uri("/sv/programmes/" + DemoCatalogue.SOUTHAMPTON_PROGRAMME)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(soton.selectFirst("h1").attr("lang")).isEqualTo("en");
		assertThat(soton.select(".untranslated").text()).startsWith("Sidans texter är inte översatta");
		assertThat(soton.selectFirst("dd:containsOwn(University of Southampton)").attr("lang")).isEqualTo("en");
	}

	/**
	 * The promise: every fact of the seed pages is on our pages, none of their
	 * defects.
	 */
	@Test
	void everySeedFactIsVisibleOnThePublicPages() {
		// A day when the seed's Spring 2026 offering of DD2424 is still among the recent
		// ones.
		this.clock.setInstant(Instant.parse("2026-11-21T12:00:00Z"));
		assertThat(pageText("/programmes/kth-msc-machine-learning")).contains("TMAIM", "120 ECTS credits", "2 years",
				"English", "Master of Science", "KTH Campus", "Machine learning", "Deep learning",
				"Statistical modelling", "Artificial intelligence", "Computer vision", "Speech technology",
				"Information retrieval", "Optimization", "Software developer", "Deep learning engineer",
				"Computer vision engineer", "Data analyst", "Software engineer", "Quantitative analyst",
				"Data scientist", "Systems engineer", "Autumn 2020", "16 October 2019", "15 January 2020",
				"3 February 2020", "3 April 2020", "August 2020", "Ruibo Tu", "China", "Saab", "Spotify", "Huawei",
				"Europe/Stockholm", "bachelor's degree", "IELTS Academic 6.5");
		// The demo reads as a real deployment: no notes to the reader about its own
		// figures.
		assertThat(this.jdbc.sql("""
				select count(*) from programme where concat_ws(' ', summary, section_about, section_learning,
				  section_project, section_careers, typical_offer, entry_requirements, language_requirements,
				  tuition_note, application_fee_note) ~* '(demo figure|own (fee )?pages)'""")
			.query(Integer.class)
			.single()).as("programmes whose text speaks of the demo").isZero();
		assertThat(pageText("/courses/DD2424")).contains("DD2424", "Deep Learning in Data Science", "16 March 2026",
				"1 June 2026", "Spring 2026: P4 (7.5 credits)", "50%", "60228", "At most 300", "CLGYM-TIKT",
				"CLGYM-TIDE", "TCSCM", "TCYSM", "TEBSM", "TIEMM", "TIVNM", "TMAIM", "TMEKM", "TSCRM", "TSEDM", "TBDVM",
				"The course memo is not published yet.", "The schedule is not published yet.", "Autumn 2024",
				"KTH Campus", "Normal daytime", "TEN1", "3.0", "A, B, C, D, E, FX, F", "LAB2", "4.5", "P, F", "DD1337",
				"DD1310 to DD1319", "DD1321", "DD1331", "DD100N", "ID1018", "SF1624", "SF1672", "SF1684", "SF1626",
				"SF1674", "SF1910 to SF1924", "SF1935", "DD1420", "DD2421", "DD2380", "ID1214", "Ethical approach",
				"Course syllabus as PDF");
		assertThat(pageText("/courses/DD2424/syllabus/spring-2019")).contains("Past offerings under this version",
				"60612");
		assertThat(pageText("/programmes/southampton-msc-machine-learning")).contains("Machine Learning",
				"Master of Science", "2:1", "1 year", "Full-time", "Highfield", "September", "Antonia Marcu",
				"IELTS Academic 6.5", "University of Southampton", "Office for Students",
				"course description document");
		for (String path : List.of("/programmes/kth-msc-machine-learning", "/courses/DD2424",
				"/programmes/southampton-msc-machine-learning")) {
			assertThat(pageText(path)).doesNotContain("[object Object]", "such as:", "null");
		}
	}

	/**
	 * As the seeds say, KTH starts in August and Southampton in September, the joint
	 * round included; each page and search card features the programme's own open round.
	 */
	@Test
	void eachMachineLearningMasterStartsWhenItsSeedSaysAndFeaturesItsOwnRound() throws IOException {
		assertThat(
				round(DemoCatalogue.ML_JOINT_ROUND).getStudiesStartAt().atZone(DemoRoundCalendar.STOCKHOLM).getMonth())
			.isEqualTo(Month.AUGUST);
		Document kth = Jsoup.parse(this.mvc.get()
			.uri("/programmes/kth-msc-machine-learning")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(kth.select(".at-a-glance").text()).contains("Next start August 2027");
		assertThat(kth.text()).doesNotContain("May 2027");
		Document soton = Jsoup.parse(this.mvc.get()
			.uri("/programmes/southampton-msc-machine-learning")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(soton.select(".at-a-glance").text()).contains("Next start September 2027",
				"Application deadline 31 July 2027");
		assertThat(soton.getElementById("round-heading").text()).isEqualTo("Applications for September 2027 entry");
		assertThat(soton.text()).as("the joint round's start is KTH's, not Southampton's")
			.doesNotContain("May 2027", "Studies start August");
		Document search = Jsoup.parse(this.mvc.get()
			.uri("/programmes")
			.param("q", "machine learning")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(search.select(".result-card:has(a[href*=southampton-msc-machine-learning])").text())
			.contains("31 July 2027");
	}

	/**
	 * The careers page has the guide's four careers with their US figures, labelled as
	 * such; each programme links only to the careers its own page names for its
	 * graduates, and says that the pay behind them is not its country's.
	 */
	@Test
	void eachMachineLearningMasterLeadsToTheCareersItsGraduatesGoTo() {
		String careers = pageText("/careers");
		assertThat(careers)
			.contains("Research scientist", "USD 131,490", "+21%", "Data scientist", "USD 100,910", "+36%",
					"Machine learning engineer", "USD 114,980", "Business intelligence analyst", "USD 78,860", "+11%",
					"2021–2031", "Master's degree", "Bachelor's degree", "Median yearly pay (United States)")
			.doesNotContain("(2023)", "United States, 2023");
		assertThat(pageText("/programmes/kth-msc-machine-learning"))
			.contains("Careers this programme leads to", "Data scientist",
					"are for another country (United States), not for Sweden")
			.doesNotContain("Research scientist", "Business intelligence analyst");
		assertThat(pageText("/programmes/southampton-msc-machine-learning"))
			.contains("Careers this programme leads to", "Machine learning engineer", "Research scientist",
					"not for United Kingdom")
			.doesNotContain("Business intelligence analyst");
		assertThat(pageText("/compare?p=kth-msc-machine-learning&p=southampton-msc-machine-learning"))
			.contains("SEK 155,000", "£32,000", "Machine learning engineer")
			.doesNotContain("null");
	}

	@Test
	void theGuideHasEverySectionAndQuestion() {
		String guide = pageText("/guide");
		assertThat(guide).contains("What a master's in machine learning covers", "Natural language processing",
				"What you need to be admitted", "320", "3.0", "USD 10,000 to USD 80,000", "How to choose",
				"Questions people ask", "Is it worth it?");
	}

	@Test
	void loadingAgainAddsNoSecondCopyOfCareersOrGuide() {
		this.demoCatalogue.load();
		assertThat(this.jdbc.sql("select count(*) from career").query(Long.class).single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from programme_career").query(Long.class).single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from guide_section").query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void loadsTheWholeCatalogue() {
		assertThat(this.demoCatalogue.counts()).isEqualTo(new DemoCounts(4, 17, 15, 9, 11, 5));
	}

	@Test
	void loadingAgainInsertsNothingButMovesTheCurrentRounds() {
		this.clock.setInstant(Instant.parse("2027-08-15T10:00:00Z"));
		this.demoCatalogue.load();
		assertThat(this.demoCatalogue.counts()).isEqualTo(new DemoCounts(4, 17, 15, 9, 11, 5));
		ApplicationRound kth = round("kth-current-intake");
		assertThat(kth.getName()).isEqualTo("Spring 2028");
		assertThat(kth.stateAt(this.clock.instant())).isEqualTo(RoundState.OPEN);
		assertThat(round("southampton-current-intake").getName()).isEqualTo("September 2028 entry");
		assertThat(
				this.programmes.findPage("southampton-msc-machine-learning").orElseThrow().programme().getStartTerm())
			.as("the seed page's month of start, with no year that could pass")
			.isEqualTo("September");
		assertThat(round("kth-autumn-2020").getName()).isEqualTo("Autumn 2020");
		assertThat(round("ml-masters-joint-intake").stateAt(this.clock.instant())).isEqualTo(RoundState.OPEN);
	}

	/**
	 * A fresh clone's first start: the runner on an empty database makes every login the
	 * README names, each institution's staff included, with their roles.
	 */
	@Test
	void theFirstStartMakesEveryLoginTheReadmeNames() throws IOException {
		DatabaseCleaner.clean(this.jdbc);
		new DemoDataRunner(this.demoCatalogue, this.demoStaff, this.demoApplications, this.demoReading).run(null);

		String readme = Files.readString(Path.of("README.md"));
		List<String> named = Pattern.compile("`([a-z.]+)@…`")
			.matcher(readme)
			.results()
			.map((match) -> match.group(1) + "@demo.prospectus.example")
			.toList();
		assertThat(named).contains("admin.kth@demo.prospectus.example",
				"admissions.southampton@demo.prospectus.example");
		List<String> logins = this.jdbc.sql("select email from staff_user where password_hash is not null")
			.query(String.class)
			.list();
		assertThat(logins).containsAll(named);
		List<String> held = this.jdbc.sql("""
				select u.email || ' ' || m.role from staff_membership m
				  join staff_user u on u.id = m.staff_user_id join institution i on i.id = m.institution_id
				 where u.email = lower(m.role) || '.' || i.slug || '@demo.prospectus.example'""")
			.query(String.class)
			.list();
		for (String institution : List.of("kth", "southampton", "northbridge", "lakeshore")) {
			for (String role : List.of("ADMIN", "EDITOR", "ADMISSIONS")) {
				assertThat(held)
					.contains(role.toLowerCase(Locale.ROOT) + "." + institution + "@demo.prospectus.example " + role);
			}
		}
		assertThat(this.jdbc
			.sql("select u.email || ' ' || r.role from staff_role r join staff_user u on u.id = r.staff_user_id")
			.query(String.class)
			.list()).contains("admin@demo.prospectus.example ADMIN", "editor@demo.prospectus.example EDITOR",
					"admissions@demo.prospectus.example ADMISSIONS");
		// KTH's plan (issue 30): two readers have read the three oldest applications, and
		// the pair that disagrees has called for a third read.
		assertThat(this.jdbc.sql("select state || ' ' || extra, count(*) from application_read group by 1 order by 1")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).contains("SUBMITTED false=6", "ASSIGNED true=1");
		assertThat(this.jdbc.sql("select count(*) from application where reads_disagree").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theDemoOfficerHasAQueueOfApplicationsToWorkThroughTheRealServices() {
		long applications = this.demoApplications.load();
		assertThat(applications).as("one per demo person in an open round, and eleven in the decided round")
			.isEqualTo(29);
		assertThat(this.demoApplications.load()).as("loaded once").isEqualTo(29);
		assertThat(this.jdbc.sql("select status, count(*) from application group by status order by status")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("ADMITTED=10", "ELIGIBILITY_CHECKED=3", "NOT_ADMITTED=5", "RESERVE=1",
					"SUBMITTED=6", "UNDER_REVIEW=4");
		assertThat(this.jdbc.sql("select state, count(*) from offer group by state order by state")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).as("every state an offer can be in")
			.containsExactly("ACCEPTED=2", "DECLINED=1", "LAPSED=1", "OPEN=6", "WITHDRAWN=1");
		assertThat(this.jdbc.sql("select count(*) from offer where promoted").query(Long.class).single())
			.as("one place freed and offered from the reserve list")
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select state, count(*) from offer_condition group by state order by state")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("MET=3", "NOT_MET=1", "PENDING=8");
		assertThat(this.jdbc.sql("select count(*) from application where missing_documents").query(Long.class).single())
			.as("the rejected transcripts")
			.isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from application_document").query(Long.class).single())
			.isEqualTo(29 * 4);
		assertThat(this.jdbc
			.sql("select count(distinct actor) from audit_event where action = 'STATUS_CHANGE' and actor = :officer")
			.param("officer", DemoApplications.OFFICER)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		var officer = this.staff.signIn("officer@uni.example");
		MvcTestResult queue = this.mvc.get().uri("/admin/applications").session(officer).exchange();
		assertThat(queue).hasStatusOk();
		var rows = StaffSessions.page(queue).select("tbody tr");
		assertThat(rows).hasSize(29);
		String detail = rows.first().select("a[href^=/admin/applications/]").attr("href");
		MvcTestResult page = this.mvc.get().uri(detail).session(officer).exchange();
		assertThat(page).hasStatusOk();
		assertThat(StaffSessions.page(page).select("#answers-heading ~ section").text()).contains("Bachelor of Science",
				"University Road");
	}

	@Test
	void bothMachineLearningMastersCanBeRankedInOneJointRound() {
		ApplicationRound joint = this.rounds.findBySlug("ml-masters-joint-intake").orElseThrow();
		assertThat(joint.getInstitution().getSlug()).isEqualTo("kth");
		assertThat(joint.getChoiceLimit()).isEqualTo(2);
		assertThat(joint.stateAt(this.clock.instant())).isEqualTo(RoundState.OPEN);
		assertThat(joint.getProgrammes()).extracting(Programme::getSlug)
			.containsExactlyInAnyOrder("kth-msc-machine-learning", "southampton-msc-machine-learning");
		assertThat(pageText("/programmes/southampton-msc-machine-learning"))
			.contains("joint round coordinated by KTH Royal Institute of Technology");

		// Both are called Machine Learning: the choices name their institutions.
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession ada = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(ada, "ml-masters-joint-intake");
		MvcTestResult choices = this.mvc.get().uri("/applications/{id}/steps/choices", id).session(ada).exchange();
		assertThat(StaffSessions.page(choices).select("select[name='ranked[0]'] option").eachText()).contains(
				"Machine Learning, KTH Royal Institute of Technology", "Machine Learning, University of Southampton");
	}

	@Test
	void searchPagesThroughPublishedProgrammesOnly() {
		Page<ProgrammeSummary> first = this.search.search(ProgrammeSearchCriteria.none(), PageRequest.of(0, 10));
		assertThat(first.getTotalElements()).isEqualTo(15);
		assertThat(first.getContent()).hasSize(10);
		Page<ProgrammeSummary> second = this.search.search(ProgrammeSearchCriteria.none(), PageRequest.of(1, 10));
		assertThat(second.getContent()).hasSize(5);
		assertThat(second.getContent()).extracting(ProgrammeSummary::slug)
			.doesNotContain("northbridge-msc-quantum-machine-learning", "northbridge-msc-business-analytics");
		assertThat(this.programmes.findPage("northbridge-msc-quantum-machine-learning")).isEmpty();
		assertThat(this.programmes.findPage("northbridge-msc-business-analytics")).isPresent();
	}

	@Test
	void someProgrammesAreOpenAndSomeAreNot() {
		ProgrammeSearchCriteria openOnly = new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null,
				true);
		assertThat(this.search.search(openOnly, PageRequest.of(0, 20)).getContent()).extracting(ProgrammeSummary::slug)
			.hasSize(11)
			.contains("kth-msc-machine-learning", "southampton-msc-machine-learning")
			.doesNotContain("northbridge-msc-robotics", "lakeshore-msc-computer-vision");
		List<RoundView> openAndUpcoming = this.rounds.openAndUpcoming();
		assertThat(openAndUpcoming).extracting((view) -> view.round().getSlug())
			.contains("kth-current-intake", "ml-masters-joint-intake", "northbridge-next-intake",
					"lakeshore-upcoming-intake")
			.doesNotContain("kth-autumn-2020", "lakeshore-closed-intake");
		assertThat(openAndUpcoming).flatExtracting(RoundView::publishedProgrammes)
			.extracting(Programme::getSlug)
			.doesNotContain("northbridge-msc-quantum-machine-learning");
	}

	@Test
	void filtersHaveSomethingToFilter() {
		assertThat(this.search
			.search(new ProgrammeSearchCriteria(null, null, null, null, null, "fr", null, null, false),
					PageRequest.of(0, 10))
			.getContent()).extracting(ProgrammeSummary::slug)
			.containsExactly("lakeshore-maitrise-intelligence-artificielle");
		assertThat(this.search
			.search(new ProgrammeSearchCriteria("deep learning", "kth", null, null, null, null, null, null, false),
					PageRequest.of(0, 10))
			.getContent()).extracting(ProgrammeSummary::slug).containsExactly("kth-msc-machine-learning");
		assertThat(this.search.facets().institutions()).hasSize(4);
	}

	@Test
	void deepLearningCoursePageLinksThePrerequisitesThatExist() {
		CoursePage page = this.courses.findPage("DD2424").orElseThrow();
		assertThat(page.prerequisites()).hasSize(5);
		assertThat(page.linkableCodes()).containsExactlyInAnyOrder("SF1624", "DD2421", "DD2380");
		assertThat(page.syllabus().getModules()).hasSize(2);
		assertThat(page.offerings()).isNotEmpty();
	}

	@Test
	void everySyllabusAddsUpToItsCoursesCredits() {
		this.transaction.executeWithoutResult((status) -> {
			List<Syllabus> syllabuses = this.entityManager
				.createQuery("select s from Syllabus s join fetch s.course", Syllabus.class)
				.getResultList();
			// DD2424 and DD2380 have two versions each.
			assertThat(syllabuses).hasSize(11);
			assertThat(syllabuses)
				.allSatisfy((syllabus) -> assertThat(syllabus.getModuleCredits()).as(syllabus.getCourse().getCode())
					.isEqualByComparingTo(syllabus.getCourse().getCredits()));
		});
	}

	@Test
	void southamptonOffersARealPdf() throws IOException {
		DocumentDownload download = this.programmes.findDocument("southampton-msc-machine-learning").orElseThrow();
		assertThat(download.contentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(download.content())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Course Description Document");
		}
	}

	private ApplicationRound round(String slug) {
		return this.transaction.execute((status) -> this.entityManager
			.createQuery("select r from ApplicationRound r where r.slug = :slug", ApplicationRound.class)
			.setParameter("slug", slug)
			.getSingleResult());
	}

}
