package org.prospectus.programme;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Years of entry: next year's fees prepared beside this year's without touching this
 * year's page, published when ready and offered on the page as "2028 entry"; a past year
 * kept readable with a banner that links the current one; another institution's editor
 * kept out.
 */
@PortalIntegrationTest
class ProgrammeYearsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Institution kth;

	Programme ml;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.ml = this.fixtures.programme(this.kth, "ml", "Machine Learning",
				(programme) -> programme.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR, null));
		this.jdbc.sql("update programme set entry_year = 2027").update();
		Course deepLearning = this.fixtures.course(this.kth, "DD2424", "Deep Learning in Data Science", (c) -> {
		});
		this.fixtures.course(this.kth, "DD2437", "Artificial Neural Networks", (c) -> {
		});
		this.fixtures.persistPlanEntry(this.ml, deepLearning, 1, Season.SPRING);
		this.staff.createAt("editor@kth.example", "KTH editor", this.kth.getId(), StaffRole.EDITOR);
	}

	@Test
	void nextYearsFeeIsPreparedBesideThisYearsAndOfferedOnceItIsPublished() {
		MockHttpSession session = this.staff.signIn("editor@kth.example");
		String years = "/admin/catalogue/programmes/" + this.ml.getId() + "/years";
		Document list = page(this.mvc.get().uri(years).session(session).exchange());
		assertThat(list.select("tbody th").eachText()).containsExactly("2027 entry");
		assertThat(list.select("form[action$=/years] button").text()).isEqualTo("Prepare 2028 entry");

		// Each press prepares the year after the latest, a draft copy of the year before.
		assertThat(post(session, years)).hasRedirectedUrl(years + "/2028");
		assertThat(post(session, years)).hasRedirectedUrl(years + "/2029");
		assertThat(this.jdbc.sql("select entry_year, tuition_amount, published from programme_year order by 1")
			.query((rs, n) -> rs.getInt(1) + " " + rs.getBigDecimal(2).toBigInteger() + " " + rs.getBoolean(3))
			.list()).containsExactly("2028 155000 false", "2029 155000 false");
		assertThat(this.mvc.get().uri("/programmes/ml/entry/2028").exchange()).hasStatus(404);

		// The 2028 fee changes; the 2027 page is untouched.
		Map<String, String> fields = StaffSessions.formFields(
				page(this.mvc.get().uri(years + "/2028/edit").session(session).exchange()), "form[method=post]");
		assertThat(fields).containsEntry("tuitionAmount", "155000").containsEntry("tuitionCurrency", "SEK");
		fields.put("tuitionAmount", "many");
		MvcTestResult refused = post(session, years + "/2028", fields);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select("#tuitionAmount").val()).isEqualTo("many");
		fields.put("tuitionAmount", "160000");
		fields.put("tuitionNote", "The fee applies from 2028.");
		fields.put("translations[sv:tuitionNote]", "Avgiften gäller från 2028.");
		// 2028's plan was copied from 2027's; a course is added to it.
		assertThat(fields).containsEntry("plan[0].courseCode", "DD2424").containsEntry("plan[1].courseCode", "");
		fields.put("plan[1].courseCode", "DD2437");
		fields.put("plan[1].studyYear", "1");
		fields.put("plan[1].term", "AUTUMN");
		fields.put("plan[1].category", "ELECTIVE");
		assertThat(post(session, years + "/2028", fields)).hasRedirectedUrl(years + "/2028");
		Document review = page(this.mvc.get().uri(years + "/2028").session(session).exchange());
		assertThat(review.select("tr.table-warning").text()).contains("160000 SEK PER_YEAR");
		assertThat(press(session, review, years + "/2028/publish")).hasRedirectedUrl(years + "/2028");

		Document next = page(this.mvc.get().uri("/programmes/ml/entry/2028").exchange());
		assertThat(next.select("#entry-year").text()).isEqualTo("2028 entry");
		assertThat(next.text()).contains("160,000", "DD2424", "DD2437", "The fee applies from 2028.");
		// The year's texts in Swedish are its own, not the current year's.
		Document swedish = page(this.mvc.get().uri("/sv/programmes/ml/entry/2028").exchange());
		assertThat(swedish.select("#fees ~ p").eachText()).contains("Avgiften gäller från 2028.");
		assertThat(page(this.mvc.get().uri("/sv/programmes/ml").exchange()).text())
			.doesNotContain("Avgiften gäller från 2028.");
		Document current = page(this.mvc.get().uri("/programmes/ml").exchange());
		assertThat(current.select("#entry-year").text()).isEqualTo("2027 entry");
		assertThat(current.text()).contains("155,000", "DD2424").doesNotContain("160,000", "DD2437");
		// The course's page counts the programme by its current plan only.
		assertThat(page(this.mvc.get().uri("/courses/DD2437").exchange()).text()).doesNotContain("Machine Learning");
		assertThat(current.select("nav[aria-labelledby=entry-years-heading] a").eachText())
			.containsExactly("2027 entry", "2028 entry");
		assertThat(current.select("nav[aria-labelledby=entry-years-heading] a[aria-current=page]").text())
			.isEqualTo("2027 entry");
		assertThat(this.mvc.get().uri("/programmes/ml/entry/2027").exchange()).hasRedirectedUrl("/programmes/ml");
		assertThat(this.mvc.get().uri("/programmes/ml/entry/2029").exchange()).hasStatus(404);
	}

	@Test
	void aPastYearStaysReadableAndSaysWhichYearIsCurrent() {
		this.jdbc.sql("""
				insert into programme_year (programme_id, entry_year, published, tuition_amount, tuition_currency,
				    tuition_period)
				values (?, 2026, true, 150000, 'SEK', 'PER_YEAR')""").param(this.ml.getId()).update();
		Document past = page(this.mvc.get().uri("/programmes/ml/entry/2026").exchange());
		assertThat(past.select("#entry-year").text()).isEqualTo("2026 entry");
		assertThat(past.select(".alert-info").text()).contains("This page describes 2026 entry, which has closed.");
		assertThat(past.select(".alert-info a").attr("href")).isEqualTo("/programmes/ml");
		assertThat(past.select("link[rel=canonical]").attr("href")).endsWith("/programmes/ml/entry/2026");
		assertThat(past.text()).contains("150,000");
	}

	@Test
	void anotherInstitutionsEditorCannotPrepareOrReadItsYears() {
		Institution other = this.fixtures.institution("other", "Europe/London");
		this.staff.createAt("editor@other.example", "Other editor", other.getId(), StaffRole.EDITOR);
		MockHttpSession session = this.staff.signIn("editor@other.example");
		String years = "/admin/catalogue/programmes/" + this.ml.getId() + "/years";
		assertThat(this.mvc.get().uri(years).session(session).exchange()).hasStatus(404);
		assertThat(post(session, years)).hasStatus(404);
		assertThat(this.jdbc.sql("select count(*) from programme_year").query(Integer.class).single()).isZero();
	}

	MvcTestResult post(MockHttpSession session, String uri) {
		return post(session, uri, Map.of());
	}

	MvcTestResult post(MockHttpSession session, String uri, Map<String, String> fields) {
		MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(uri).session(session).with(csrf());
		fields.forEach(post::param);
		return this.mvc.perform(post);
	}

	MvcTestResult press(MockHttpSession session, Document page, String action) {
		MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(action).session(session).with(csrf());
		page.select("form[action=" + action + "] input[type=hidden]").forEach((input) -> {
			if (!input.attr("name").equals("_csrf")) {
				post.param(input.attr("name"), input.val());
			}
		});
		return this.mvc.perform(post);
	}

}
