package org.prospectus.search;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.course.CreditSystem;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class ProgrammeSearchTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	ProgrammeSearch search;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Institution kth;

	Institution soton;

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.soton = this.fixtures.institution("soton", "Europe/London");
		Programme ml = this.fixtures.programme(this.kth, "ml", "Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning", "Computer vision"));
			p.setSummary("Statistical learning from data.");
		});
		this.fixtures.programme(this.soton, "data-science", "Data Science", (p) -> {
			p.setStudyForm(12, 100, StudyMode.ONLINE, "en");
			p.setSummary("Data pipelines with some machine learning on the side.");
			p.setTopics(List.of("Statistics"));
		});
		this.fixtures.programme(this.kth, "robotics", "Robotics", (p) -> {
			p.setStudyForm(36, 50, StudyMode.HYBRID, "sv");
			p.setAward("Bachelor of Science", ProgrammeLevel.BACHELOR, new BigDecimal("180"), CreditSystem.ECTS);
			p.setSummary("Robots that move, see and plan.");
			p.setTopics(List.of("Computer vision", "Control"));
		});
		this.fixtures.programme(this.kth, "draft", "Machine Learning Draft", (p) -> p.retire());
		this.fixtures.round(this.kth, "open", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)), ml);
		this.fixtures.round(this.soton, "upcoming", NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(40)));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	List<String> slugs(ProgrammeSearchCriteria criteria) {
		return this.search.search(criteria, PageRequest.of(0, 10)).map(ProgrammeSummary::slug).getContent();
	}

	ProgrammeSearchCriteria with(String text) {
		return new ProgrammeSearchCriteria(text, null, null, null, null, null, null, null, false);
	}

	/** Renames an institution as its editing page does, through the entity. */
	void rename(Institution institution, String name) {
		this.fixtures.inTransaction(() -> {
			Institution saved = this.fixtures.find(Institution.class, institution.getId());
			saved.describe(saved.getSlug(), name, saved.getCountryCode(), saved.getZone(), saved.getCurrency());
			return null;
		});
	}

	SearchResults find(ProgrammeSearchCriteria criteria) {
		return this.search.find(criteria, null, PageRequest.of(0, 10));
	}

	Document page(String uri) {
		return StaffSessions.page(this.mvc.get().uri(uri).exchange());
	}

	@Test
	void findsAnInstitutionsProgrammesByItsNameOrCodeInTheRankedSearch() {
		rename(this.soton, "University of Southampton");
		assertThat(slugs(with("Southampton"))).containsExactly("data-science");
		assertThat(slugs(with("soton"))).as("its code").containsExactly("data-science");
		assertThat(slugs(with("learning southampton"))).as("beside other words").containsExactly("data-science");
	}

	@Test
	void aRenamedInstitutionIsFoundByItsNewNameAndNoLongerByTheOld() {
		assertThat(slugs(with("university kth"))).containsExactly("ml", "robotics");
		rename(this.kth, "Royal Institute of Technology");
		assertThat(slugs(with("royal technology"))).containsExactly("ml", "robotics");
		assertThat(slugs(with("university kth"))).isEmpty();
		assertThat(this.jdbc.sql("select word from search_word").query(String.class).list())
			.as("the words offered as corrections")
			.contains("royal", "technology", "university")
			.doesNotContain("kth", "of");
	}

	/**
	 * Swedish words find the programme translated into Swedish, stemmed as Swedish (issue
	 * 29); the Swedish page lists it by its Swedish title, unmarked, and the others in
	 * English, marked.
	 */
	@Test
	void swedishWordsFindTheProgrammeByItsSwedishTexts() {
		this.jdbc.sql("""
				update programme set translations = '{"sv": {"title": "Maskininlärning",
				  "summary": "Om algoritmer som lär sig av data."}}' where slug = 'ml'""").update();
		assertThat(slugs(with("maskininlärning"))).containsExactly("ml");
		assertThat(slugs(with("maskininlärningen"))).as("the definite form, stemmed").containsExactly("ml");
		assertThat(slugs(with("algoritmerna"))).containsExactly("ml");

		Document swedish = StaffSessions
			.page(this.mvc.get().uri("/sv/programmes").param("q", "maskininlärning").exchange());
		assertThat(swedish.select(".result-card h2").eachText()).containsExactly("Maskininlärning");
		assertThat(swedish.select(".result-card h2 a").attr("lang")).isEmpty();
		Document all = page("/sv/programmes");
		assertThat(all.select(".result-card h2 a[lang=en]").eachText()).contains("Data Science", "Robotics");
		assertThat(StaffSessions.page(this.mvc.get().uri("/programmes").param("q", "maskininlärning").exchange())
			.select(".result-card h2")
			.eachText()).containsExactly("Machine Learning");
		assertThat(page("/sv/programmes?q=maskininlarning").select(".search-corrected").text())
			.as("a typo in Swedish is corrected to the Swedish word")
			.contains("maskininlärning");
	}

	/**
	 * Words that find nothing as typed are corrected to the catalogue's words; when each
	 * correction is close, the page shows what the corrected words find and says so.
	 */
	@Test
	void misspeltWordsFindWhatTheCorrectedWordsFindAndThePageSaysSo() {
		SearchResults found = find(with("machne lerning"));
		assertThat(found.correction()).isEqualTo(new Correction("machne lerning", "machine learning", true));
		assertThat(found.results().map(ProgrammeSummary::slug)).containsExactly("ml", "data-science");
		assertThat(found.counts().level(ProgrammeLevel.MASTER)).as("counted for the corrected words").isEqualTo(2);

		Document page = StaffSessions.page(this.mvc.get().uri("/programmes").param("q", "machne lerning").exchange());
		assertThat(page.select(".search-corrected").text())
			.isEqualTo("Showing results for “machine learning”. No programme matches “machne lerning”.");
		assertThat(page.select(".result-card h2").eachText()).containsExactly("Machine Learning", "Data Science");
		assertThat(page.getElementById("q").val()).as("the words as typed stay in the field")
			.isEqualTo("machne lerning");
	}

	/**
	 * A correction that is not close is only offered, as a link that runs the search
	 * again with the corrected words and every filter kept.
	 */
	@Test
	void aLessCertainCorrectionIsOfferedAsALinkThatKeepsTheFilters() {
		Document page = page("/programmes?q=robtcs&level=BACHELOR&page=2");
		assertThat(page.select(".result-card")).isEmpty();
		Element link = page.selectFirst(".search-suggestion a");
		assertThat(link.text()).isEqualTo("Did you mean “robotics”?");
		assertThat(link.attr("href")).isEqualTo("/programmes?level=BACHELOR&q=robotics");
		assertThat(page(link.attr("href")).select(".result-card h2").eachText()).containsExactly("Robotics");
		assertThat(page("/sv/programmes?q=robtcs").selectFirst(".search-suggestion a").attr("href"))
			.isEqualTo("/sv/programmes?q=robotics");
	}

	@Test
	void wordsLikeNoneInTheCatalogueGetOnlyThePlainEmptyMessage() {
		assertThat(find(with("xyzzy qwerty")).correction()).isNull();
		Document page = StaffSessions.page(this.mvc.get().uri("/programmes").param("q", "xyzzy qwerty").exchange());
		assertThat(page.select(".search-suggestion, .search-corrected, .result-card")).isEmpty();
		assertThat(page.select("main").text()).contains("No programme matches your search.");
		// Words that match, with filters that leave nothing, are no misspelling.
		assertThat(find(new ProgrammeSearchCriteria("robotics", null, ProgrammeLevel.MASTER, null, null, null, null,
				null, false))
			.correction()).isNull();
	}

	/**
	 * Each option counts what the search would find with it chosen: the other filters
	 * apply, the filter's own choice does not.
	 */
	@Test
	void countsWhatEachOptionWouldFindWithTheOtherFiltersApplied() {
		// "vision" matches ml (master's, campus, open) and robotics (bachelor's, hybrid).
		ProgrammeSearchCriteria criteria = new ProgrammeSearchCriteria("vision", "kth", ProgrammeLevel.MASTER, null,
				null, null, null, null, false);
		SearchResults found = find(criteria);
		assertThat(found.results().map(ProgrammeSummary::slug)).containsExactly("ml");
		FacetCounts counts = found.counts();
		assertThat(counts.total()).isEqualTo(1);
		assertThat(counts.level(ProgrammeLevel.MASTER)).isEqualTo(1);
		assertThat(counts.level(ProgrammeLevel.BACHELOR)).as("the level's own choice left out").isEqualTo(1);
		assertThat(counts.level(ProgrammeLevel.DOCTORAL)).isZero();
		assertThat(counts.anyLevel()).isEqualTo(2);
		assertThat(counts.institution("kth")).isEqualTo(1);
		assertThat(counts.institution("soton")).isZero();
		assertThat(counts.mode(StudyMode.CAMPUS)).isEqualTo(1);
		assertThat(counts.mode(StudyMode.HYBRID)).as("robotics fails the level too").isZero();
		assertThat(counts.topic("Computer vision")).isEqualTo(1);
		assertThat(counts.topic("Statistics")).isZero();
		assertThat(counts.language("sv")).isZero();
		assertThat(counts.open()).isEqualTo(1);

		Document page = page("/programmes?q=vision&institution=kth&level=MASTER");
		assertThat(page.select("#level option").eachText()).contains("Any (2)", "Bachelor's (1)", "Master's (1)");
		assertThat(page.select("#institution option").eachText()).contains("University kth (1)",
				"University soton (0)");
		assertThat(page.select("label[for=open]").text()).isEqualTo("Open for applications now (1)");
		assertThat(page("/sv/programmes").select("#level option").eachText()).contains("Alla (3)");
	}

	@Test
	void withoutCriteriaListsEveryPublishedProgrammeByTitle() {
		assertThat(slugs(ProgrammeSearchCriteria.none())).containsExactly("data-science", "ml", "robotics");
	}

	@Test
	void ranksATitleMatchAboveASummaryMatch() {
		assertThat(slugs(with("machine learning"))).containsExactly("ml", "data-science");
	}

	@Test
	void matchesStemmedWordsAndTopics() {
		assertThat(slugs(with("robot"))).containsExactly("robotics");
		assertThat(slugs(with("vision"))).containsExactlyInAnyOrder("ml", "robotics");
	}

	@Test
	void findsAProgrammeByItsCode() {
		assertThat(slugs(with("ROBOTICS"))).containsExactly("robotics");
	}

	@Test
	void toleratesSearchSyntaxAndPunctuation() {
		assertThat(slugs(with("\"machine learning\" -pipelines"))).containsExactly("ml");
		assertThat(slugs(with("'); drop table programme; --"))).isEmpty();
		assertThat(slugs(ProgrammeSearchCriteria.none())).hasSize(3);
	}

	@Test
	void neverShowsDraftOrRetiredProgrammes() {
		assertThat(slugs(with("draft"))).isEmpty();
	}

	@Test
	void filtersByInstitution() {
		assertThat(slugs(new ProgrammeSearchCriteria(null, "soton", null, null, null, null, null, null, false)))
			.containsExactly("data-science");
	}

	@Test
	void filtersByLevel() {
		assertThat(slugs(
				new ProgrammeSearchCriteria(null, null, ProgrammeLevel.BACHELOR, null, null, null, null, null, false)))
			.containsExactly("robotics");
	}

	@Test
	void filtersByMode() {
		assertThat(
				slugs(new ProgrammeSearchCriteria(null, null, null, StudyMode.ONLINE, null, null, null, null, false)))
			.containsExactly("data-science");
	}

	@Test
	void filtersByPace() {
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, Pace.PART_TIME, null, null, null, false)))
			.containsExactly("robotics");
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, Pace.FULL_TIME, null, null, null, false)))
			.containsExactly("data-science", "ml");
	}

	@Test
	void filtersByLanguage() {
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, "sv", null, null, false)))
			.containsExactly("robotics");
	}

	@Test
	void filtersByDuration() {
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, DurationBand.UP_TO_ONE_YEAR,
				null, false)))
			.containsExactly("data-science");
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, DurationBand.UP_TO_TWO_YEARS,
				null, false)))
			.containsExactly("ml");
		assertThat(slugs(
				new ProgrammeSearchCriteria(null, null, null, null, null, null, DurationBand.LONGER, null, false)))
			.containsExactly("robotics");
	}

	@Test
	void filtersByTopic() {
		assertThat(
				slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, null, "Computer vision", false)))
			.containsExactly("ml", "robotics");
	}

	@Test
	void filtersToProgrammesOpenForApplicationsNow() {
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, true)))
			.containsExactly("ml");
	}

	@Test
	void openForApplicationsFollowsTheClock() {
		this.clock.setInstant(NOW.plus(Duration.ofDays(21)));
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, true))).isEmpty();
	}

	@Test
	void combinesTextAndFilters() {
		assertThat(slugs(
				new ProgrammeSearchCriteria("vision", "kth", null, StudyMode.HYBRID, null, null, null, null, false)))
			.containsExactly("robotics");
	}

	@Test
	void pagesThroughResultsWithATotal() {
		Page<ProgrammeSummary> first = this.search.search(ProgrammeSearchCriteria.none(), PageRequest.of(0, 2));
		Page<ProgrammeSummary> second = this.search.search(ProgrammeSearchCriteria.none(), PageRequest.of(1, 2));
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.map(ProgrammeSummary::slug)).containsExactly("data-science", "ml");
		assertThat(second.map(ProgrammeSummary::slug)).containsExactly("robotics");
	}

	@Test
	void aPageBeyondTheLastIsEmpty() {
		assertThat(this.search.search(ProgrammeSearchCriteria.none(), PageRequest.of(5, 10)).getContent()).isEmpty();
	}

	@Test
	void reportsTheOpenDeadlineWithTheInstitutionsZone() {
		ProgrammeSummary ml = this.search.search(with("machine"), PageRequest.of(0, 10)).getContent().get(0);
		assertThat(ml.openDeadline()).isEqualTo(NOW.plus(Duration.ofDays(20)));
		assertThat(ml.zone()).isEqualTo("Europe/Stockholm");
	}

	@Test
	void offersFacetsFromPublishedProgrammesOnly() {
		SearchFacets facets = this.search.facets();
		assertThat(facets.institutions()).extracting(SearchFacets.InstitutionOption::slug)
			.containsExactlyInAnyOrder("kth", "soton");
		assertThat(facets.topics()).containsExactly("Computer vision", "Control", "Deep learning", "Statistics");
		assertThat(facets.languages()).containsExactly("en", "sv");
	}

	/**
	 * British and American spellings, and case or accents, make one topic: the facet
	 * offers it once and the filter finds every programme that lists it in any spelling.
	 */
	@Test
	void topicsThatDifferOnlyBySpellingCaseOrAccentsAreOne() {
		this.jdbc.sql(
				"update programme set topics = array['Optimisation', 'Statistics', 'Contról'] where slug = 'data-science'")
			.update();
		this.jdbc.sql(
				"update programme set topics = array['Optimization', 'Computer Vision', 'Control'] where slug = 'robotics'")
			.update();
		// Each named as its first spelling in a dictionary's order.
		assertThat(this.search.facets().topics()).containsExactly("Computer vision", "Control", "Deep learning",
				"Optimisation", "Statistics");
		for (String topic : new String[] { "Optimisation", "Optimization", "optimization" }) {
			assertThat(slugs(topic(topic))).as(topic).containsExactly("data-science", "robotics");
		}
		assertThat(slugs(topic("Computer vision"))).containsExactly("ml", "robotics");
		assertThat(slugs(topic("Control"))).containsExactly("data-science", "robotics");
		assertThat(slugs(topic("Statistics"))).containsExactly("data-science");
		assertThat(this.search.topicName("optimization")).as("the filter's name for a spelling")
			.isEqualTo("Optimisation");
		assertThat(this.search.topicName("Quantum computing")).isEqualTo("Quantum computing");
		// A programme page links its own spelling; the filter shows it chosen.
		Document page = StaffSessions.page(this.mvc.get().uri("/programmes?topic=Optimization").exchange());
		assertThat(page.select("#topic option[selected]").attr("value")).isEqualTo("Optimisation");
		assertThat(page.select("#topic option").eachAttr("value")).doesNotContain("Optimization");
	}

	static ProgrammeSearchCriteria topic(String topic) {
		return new ProgrammeSearchCriteria(null, null, null, null, null, null, null, topic, false);
	}

	ProgrammeSearchCriteria budget(String amount, String currency) {
		return new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, false,
				Money.of(amount, currency), null);
	}

	@Test
	void filtersByTheWholeProgrammesTuitionInOneCurrencyNeverConverting() {
		// ml: two years at SEK 100,000 a year; robotics: SEK 250,000 for its three years;
		// data-science: GBP 20,000 for one year.
		this.jdbc.sql("""
				update programme set tuition_amount = case slug when 'ml' then 100000 when 'robotics' then 250000
				  else 20000 end,
				  tuition_currency = case slug when 'data-science' then 'GBP' else 'SEK' end,
				  tuition_period = case slug when 'robotics' then 'TOTAL' else 'PER_YEAR' end""").update();
		assertThat(slugs(budget("200000", "SEK"))).containsExactly("ml");
		assertThat(slugs(budget("199999", "SEK"))).isEmpty();
		assertThat(slugs(budget("250000", "SEK"))).containsExactly("ml", "robotics");
		assertThat(slugs(budget("20000", "GBP"))).containsExactly("data-science");
		assertThat(slugs(budget("1000000", "EUR"))).as("no currency is converted").isEmpty();
	}

	@Test
	void leavesOutProgrammesThatPublishNoTuitionWhenABudgetIsSet() {
		assertThat(slugs(budget("1000000", "SEK"))).isEmpty();
	}

	@Test
	void filtersByTheMonthStudiesStartInARoundStillTakingApplications() {
		this.jdbc.sql("update application_round set studies_start_at = :start where slug = 'open'")
			.param("start", Timestamp.from(Instant.parse("2027-08-23T22:00:00Z")))
			.update();
		ProgrammeSearchCriteria august = new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null,
				false, null, YearMonth.of(2027, 8));
		assertThat(slugs(august)).as("24 August in Stockholm, 23 August in UTC").containsExactly("ml");
		assertThat(slugs(new ProgrammeSearchCriteria(null, null, null, null, null, null, null, null, false, null,
				YearMonth.of(2027, 9))))
			.isEmpty();
		this.clock.setInstant(NOW.plus(Duration.ofDays(21)));
		assertThat(slugs(august)).as("the round has closed").isEmpty();
	}

	@Test
	void offersTheCurrenciesAndStartMonthsThatExist() {
		this.jdbc.sql("update programme set tuition_amount = 1, tuition_currency = 'SEK', tuition_period = 'PER_YEAR'")
			.update();
		this.jdbc.sql("update application_round set studies_start_at = :start where slug = 'open'")
			.param("start", Timestamp.from(Instant.parse("2027-08-23T22:00:00Z")))
			.update();
		SearchFacets facets = this.search.facets();
		assertThat(facets.currencies()).containsExactly("SEK");
		assertThat(facets.starts()).containsExactly(YearMonth.of(2027, 8));
	}

	@Test
	void keptFacetsEndWhenTheCatalogueChangesAndWhenADeadlinePasses() {
		this.jdbc.sql("update application_round set studies_start_at = :start where slug = 'open'")
			.param("start", Timestamp.from(Instant.parse("2027-08-23T22:00:00Z")))
			.update();
		assertThat(this.search.facets().starts()).contains(YearMonth.of(2027, 8));
		assertThat(this.search.facets().topics()).doesNotContain("Quantum computing");
		this.jdbc.sql("update programme set topics = array['Quantum computing'] where slug = 'robotics'").update();
		assertThat(this.search.facets().topics()).as("a change to the catalogue").contains("Quantum computing");

		// The open round's deadline is its last second; just after it the round takes no
		// more applications, and its start month is no longer offered.
		Instant deadline = NOW.plus(Duration.ofDays(20));
		this.clock.setInstant(deadline);
		assertThat(this.search.facets().starts()).contains(YearMonth.of(2027, 8));
		this.clock.setInstant(deadline.plusSeconds(1));
		assertThat(this.search.facets().starts()).doesNotContain(YearMonth.of(2027, 8));
		this.clock.setInstant(deadline);
		assertThat(this.search.facets().starts()).as("a clock set back").contains(YearMonth.of(2027, 8));
	}

	/**
	 * A budget the search cannot use is said so beside its field, with what was typed
	 * kept, and the results come without it rather than not at all.
	 */
	@Test
	void aBudgetThatCannotBeUsedIsExplainedBesideItsFieldAndTheResultsComeWithoutIt() {
		this.jdbc
			.sql("update programme set tuition_amount = 100000, tuition_currency = 'SEK', tuition_period = 'PER_YEAR'")
			.update();
		Document notANumber = StaffSessions
			.page(this.mvc.get().uri("/programmes").param("maxTuition", "a lot").param("currency", "SEK").exchange());
		assertThat(notANumber.getElementById("maxTuition-error").text())
			.isEqualTo("Enter the amount in digits, such as 150000 or 150,000.");
		assertThat(notANumber.getElementById("maxTuition").attr("aria-describedby")).contains("maxTuition-error");
		assertThat(notANumber.getElementById("maxTuition").val()).isEqualTo("a lot");
		assertThat(notANumber.select("#currency option[selected]").val()).isEqualTo("SEK");
		assertThat(notANumber.select("details.filters-fold").hasAttr("open")).as("the field is not folded away")
			.isTrue();
		assertThat(notANumber.select(".budget-ignored").text()).contains("without the tuition filter");
		assertThat(notANumber.select(".budget-ignored a").attr("href")).isEqualTo("#maxTuition");
		assertThat(notANumber.select(".result-card h2").eachText()).containsExactly("Data Science", "Machine Learning",
				"Robotics");

		Document noCurrency = StaffSessions
			.page(this.mvc.get().uri("/programmes").param("maxTuition", "150000").exchange());
		assertThat(noCurrency.getElementById("currency-error").text()).isEqualTo("Choose the currency of the amount.");
		assertThat(noCurrency.getElementById("currency").attr("aria-describedby")).contains("currency-error");
		assertThat(noCurrency.getElementById("maxTuition").val()).isEqualTo("150000");
		assertThat(noCurrency.select(".result-card")).hasSize(3);

		Document fine = StaffSessions
			.page(this.mvc.get().uri("/programmes").param("maxTuition", "150000").param("currency", "SEK").exchange());
		assertThat(fine.select(".invalid-feedback, .budget-ignored")).isEmpty();
		assertThat(StaffSessions.page(this.mvc.get().uri("/programmes").exchange())
			.select(".invalid-feedback, .budget-ignored")).as("no budget, nothing to say").isEmpty();
	}

	@Test
	void theFormReadsABudgetOnlyWithACurrencyAndIgnoresNonsense() {
		ProgrammeSearchForm form = new ProgrammeSearchForm();
		form.setMaxTuition("150,000");
		assertThat(form.toCriteria().budget()).isNull();
		form.setCurrency("sek");
		assertThat(form.toCriteria().budget()).isEqualTo(Money.of("150000", "SEK"));
		form.setMaxTuition("a lot");
		assertThat(form.toCriteria().budget()).isNull();
		form.setMaxTuition("100");
		form.setCurrency("XYZ");
		assertThat(form.toCriteria().budget()).isNull();
		form.setStart("2027-09");
		assertThat(form.toCriteria().start()).isEqualTo(YearMonth.of(2027, 9));
		form.setStart("September");
		assertThat(form.toCriteria().start()).isNull();
	}

}
