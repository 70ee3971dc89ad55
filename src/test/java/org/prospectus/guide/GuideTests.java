package org.prospectus.guide;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.programme.StudyMode;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.search.Pace;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide renders its sections and entries from the database with a table of contents
 * and stable anchors, and the finder's answers lead to the matching search.
 */
@PortalIntegrationTest
class GuideTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Document page(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	void guide() {
		GuideSection costs = this.fixtures.guideSection("costs", "What it costs", 2,
				(s) -> s.setSource("A guide to master's degrees, 2023"));
		GuideSection questions = this.fixtures.guideSection("questions", "Questions people ask", 3, (s) -> {
		});
		GuideSection courses = this.fixtures.guideSection("typical-courses", "Typical courses", 1,
				(s) -> s.setIntro("Most programmes share a core."));
		this.fixtures.guideEntry(courses, "course-statistics", 1, "Statistical methods", "Data and probability.",
				(e) -> {
				});
		this.fixtures.guideEntry(costs, "cost-tuition", 1, "Tuition", "It varies a lot.",
				(e) -> e.setRange(Money.of("10000", "USD"), Money.of("80000", "USD")));
		String[] slugs = { "faq-can-i", "faq-ml-or-ai", "faq-bachelor", "faq-online" };
		for (int i = 0; i < slugs.length; i++) {
			this.fixtures.guideEntry(questions, slugs[i], i + 1, "Question " + (i + 1) + "?", "Answer " + (i + 1),
					(e) -> {
					});
		}
	}

	@Test
	void rendersSectionsInOrderWithATableOfContentsWhoseLinksAllLand() {
		guide();
		Document page = page("/guide");
		assertThat(page.select("main h2[id]").eachText()).containsExactly("Contents", "Typical courses",
				"What it costs", "Questions people ask");
		List<String> toc = page.select("nav.toc a").eachAttr("href");
		assertThat(toc).containsExactly("#typical-courses", "#costs", "#questions");
		for (String href : page.select("main a[href^=#]").eachAttr("href")) {
			assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
		}
		assertThat(page.text()).contains("Most programmes share a core.")
			.contains("Source of the figures: A guide to master's degrees, 2023");
	}

	@Test
	void everyQuestionHasItsOwnStableAnchor() {
		guide();
		Document page = page("/guide");
		Element question = page.getElementById("faq-ml-or-ai");
		assertThat(question.tagName()).isEqualTo("h3");
		assertThat(question.text()).isEqualTo("Question 2?");
		assertThat(question.parent().text()).contains("Answer 2");
		assertThat(page.select("#questions ~ ul.guide-questions a, .guide-questions a").eachAttr("href"))
			.containsExactly("#faq-can-i", "#faq-ml-or-ai", "#faq-bachelor", "#faq-online");
		assertThat(page.select("a[href=#faq-online]").last().text()).isEqualTo("Link to this part: Question 4?");
	}

	@Test
	void showsARangeInItsOwnCurrency() {
		guide();
		assertThat(page("/guide").getElementById("cost-tuition").parent().selectFirst(".guide-range").text())
			.isEqualTo("USD 10,000 to USD 80,000");
	}

	@Test
	void anEmptyGuideSaysSo() {
		assertThat(page("/guide").text()).contains("The guide has not been published yet.");
	}

	@Test
	void theGuideIsInTheSiteNavigation() {
		assertThat(page("/").select("header nav a").eachAttr("href")).contains("/guide", "/careers");
	}

	@Test
	void slugsAreUniqueAcrossSectionsAndEntries() {
		GuideSection section = this.fixtures.guideSection("costs", "Costs", 1, (s) -> {
		});
		Assertions.assertThatThrownBy(() -> this.fixtures.guideEntry(section, "costs", 1, "Costs", "Body", (e) -> {
		})).hasMessageContaining("already a section");
	}

	@Test
	void theFinderLeadsToTheMatchingSearch() {
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Programme cheap = this.fixtures.programme(kth, "cheap-online", "Online Machine Learning", (p) -> {
			p.setStudyForm(24, 50, StudyMode.ONLINE, "en");
			p.setTopics(List.of("Deep learning"));
			p.setTuition(Money.of("40000", "SEK"), TuitionPeriod.PER_YEAR, null);
		});
		this.fixtures.programme(kth, "dear-online", "Expensive Machine Learning", (p) -> {
			p.setStudyForm(24, 50, StudyMode.ONLINE, "en");
			p.setTopics(List.of("Deep learning"));
			p.setTuition(Money.of("200000", "SEK"), TuitionPeriod.PER_YEAR, null);
		});
		this.fixtures.programme(kth, "campus", "Campus Machine Learning", (p) -> {
			p.setTopics(List.of("Deep learning"));
			p.setTuition(Money.of("1000", "SEK"), TuitionPeriod.PER_YEAR, null);
		});
		Instant start = LocalDate.of(2027, 8, 24).atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant();
		this.fixtures.round(kth, "autumn", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), cheap);
		this.jdbc.sql("update application_round set studies_start_at = :start where slug = 'autumn'")
			.param("start", Timestamp.from(start))
			.update();

		Document finder = page("/finder");
		FormElement form = (FormElement) finder.selectFirst("main form");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.attr("action")).isEqualTo("/programmes");
		assertThat(finder.select("#finder-topic option").eachAttr("value")).containsExactly("", "Deep learning");
		assertThat(finder.select("#finder-currency option").eachAttr("value")).containsExactly("", "SEK");
		assertThat(finder.select("#finder-start option").eachText()).containsExactly("No preference", "August 2027");
		assertThat(finder.select("main fieldset legend, main label.fw-semibold").eachText()).hasSize(5);

		// Answer as a visitor would and submit the form as a browser does.
		finder.selectFirst("#finder-topic option[value=Deep learning]").attr("selected", "selected");
		finder.select("input[name=mode]").removeAttr("checked");
		finder.selectFirst("#finder-mode-ONLINE").attr("checked", "checked");
		finder.select("input[name=pace]").removeAttr("checked");
		finder.selectFirst("#finder-pace-" + Pace.PART_TIME.name()).attr("checked", "checked");
		finder.selectFirst("#finder-amount").val("100,000");
		finder.selectFirst("#finder-currency option[value=SEK]").attr("selected", "selected");
		finder.selectFirst("#finder-start option[value=2027-08]").attr("selected", "selected");
		UriComponentsBuilder query = UriComponentsBuilder.fromPath(form.attr("action"));
		Map<String, List<String>> data = form.formData()
			.stream()
			.collect(Collectors.groupingBy(Connection.KeyVal::key,
					Collectors.mapping(Connection.KeyVal::value, Collectors.toList())));
		assertThat(data).containsOnlyKeys("topic", "mode", "pace", "maxTuition", "currency", "start");
		MvcTestResult result = this.mvc.get()
			.uri(query.build().getPath())
			.params(new LinkedMultiValueMap<>(data))
			.exchange();
		Document results = Jsoup
			.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(results.select(".result-card h2").eachText()).containsExactly("Online Machine Learning");
		// The answers stay in the search form, to be refined there.
		assertThat(results.selectFirst("#maxTuition").val()).isEqualTo("100,000");
		assertThat(results.selectFirst("#start option[selected]").val()).isEqualTo("2027-08");
	}

}
