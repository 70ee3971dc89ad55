package org.prospectus.programme;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffPrincipal;
import java.util.Map;
import java.util.EnumSet;
import java.util.ArrayList;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Careers are data: listed with the programmes that lead there, linked from programmes.
 */
@PortalIntegrationTest
class CareersTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgrammeEditing editing;

	@Autowired
	ProgrammePublishing publishing;

	Programme kthMl;

	Programme sotonMl;

	@BeforeEach
	void catalogue() {
		DatabaseCleaner.clean(this.jdbc);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		this.kthMl = this.fixtures.programme(kth, "kth-ml", "Machine Learning");
		this.sotonMl = this.fixtures.programme(soton, "soton-ml", "Machine Learning");
		Programme retired = this.fixtures.programme(kth, "old-ml", "Old Machine Learning", Programme::retire);
		Career research = this.fixtures.career("research-scientist", "Research scientist", (c) -> {
			c.setRequiredEducation("Master's degree");
			c.setSalary(Money.of("131490", "USD"), SalaryKind.MEDIAN, "US", 2023, "A guide to master's programmes");
			c.setOutlook(21, "2021–2031");
			c.setPosition(1);
		});
		Career engineer = this.fixtures.career("machine-learning-engineer", "Machine learning engineer", (c) -> {
			c.setSalary(Money.of("114980", "USD"), SalaryKind.AVERAGE, "US", 2023, "A guide to master's programmes");
			c.setPosition(2);
		});
		this.fixtures.career("astronaut", "Astronaut", (c) -> c.setPosition(3));
		this.fixtures.leadsTo(research, 2, this.kthMl, retired);
		this.fixtures.leadsTo(engineer, 1, this.kthMl, this.sotonMl);
	}

	Document page(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	@Test
	void listsEveryCareerWithTheFiguresAndTheirSource() {
		Document page = page("/careers");
		assertThat(page.select("main section h2").eachText()).containsExactly("Research scientist",
				"Machine learning engineer", "Astronaut");
		Element research = page.getElementById("research-scientist").parent();
		assertThat(research.select("dt, dd").eachText()).containsExactly("Education usually asked for",
				"Master's degree", "Median yearly pay (United States, 2023)", "USD 131,490",
				"Expected change in the number of jobs, 2021–2031", "+21%");
		assertThat(research.text()).contains("Source of the figures: A guide to master's programmes");
		Element engineer = page.getElementById("machine-learning-engineer").parent();
		assertThat(engineer.select("dd").eachText()).containsExactly("Not published", "USD 114,980", "Not published");
		assertThat(engineer.select("dt").eachText()).contains("Average yearly pay (United States, 2023)");
	}

	@Test
	void listsThePublishedProgrammesThatLeadToEachCareer() {
		Document page = page("/careers");
		assertThat(page.getElementById("research-scientist").parent().select("ul a").eachAttr("href"))
			.containsExactly("/programmes/kth-ml");
		assertThat(page.getElementById("machine-learning-engineer").parent().select("ul a").eachText())
			.containsExactly("Machine Learning, University kth", "Machine Learning, University soton");
		assertThat(page.getElementById("astronaut").parent().text())
			.contains("No published programme lists this career yet.");
		assertThat(page.select("nav.toc a").eachAttr("href")).containsExactly("#research-scientist",
				"#machine-learning-engineer", "#astronaut");
	}

	@Test
	void programmePagesLinkToTheirCareersInTheirOrder() {
		Document page = page("/programmes/kth-ml");
		assertThat(page.select("#careers ~ ul a").eachAttr("href"))
			.containsExactly("/careers#machine-learning-engineer", "/careers#research-scientist");
		assertThat(page("/programmes/soton-ml").select("#careers ~ ul a").eachText())
			.containsExactly("Machine learning engineer");
	}

	/**
	 * A figure names the country it describes, and a year only when its source gives one;
	 * a programme page whose careers' pay describes another country says so.
	 */
	@Test
	void payNamesItsCountryAndAProgrammeAbroadSaysItIsNotLocal() {
		this.fixtures.career("data-scientist", "Data scientist", (c) -> {
			c.setSalary(Money.of("100910", "USD"), SalaryKind.MEDIAN, "US", null, "A guide that dates only its page");
			c.setPosition(4);
		});
		assertThat(page("/careers").getElementById("data-scientist").parent().select("dt").eachText())
			.contains("Median yearly pay (United States)");
		assertThat(page("/programmes/kth-ml").select("#career-pay-country").text()).isEqualTo(
				"The pay and outlook figures of these careers, on the careers page, are for another country (United States), not for Sweden.");
	}

	/**
	 * An editor says which careers the programme's graduates go to; the choice is staged
	 * and published like the rest of the page, and an unknown career is refused.
	 */
	@Test
	void anEditorChoosesTheCareersAProgrammeLeadsTo() {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting("editor@uni.example", EnumSet.of(StaffRole.EDITOR), Map.of())));
		try {
			ProgrammeForm form = this.editing.draft(this.kthMl.getId()).orElseThrow().form();
			assertThat(form.getCareers()).containsExactly("machine-learning-engineer", "research-scientist");
			form.setCareers(new ArrayList<>(List.of("astronaut", "no-such-career")));
			Errors errors = new BeanPropertyBindingResult(form, "form");
			assertThat(this.editing.check(form, errors)).isNull();
			assertThat(errors.getFieldError("careers")).isNotNull();
			form.setCareers(new ArrayList<>(List.of("astronaut")));
			this.editing.save(this.kthMl.getId(), form);
			long revision = this.editing.pending(this.kthMl.getId()).orElseThrow().version();
			this.publishing.publish(this.kthMl.getId(), form.getVersion(), revision, null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(page("/programmes/kth-ml").select("#careers ~ ul a").eachAttr("href"))
			.containsExactly("/careers#astronaut");
		assertThat(page("/programmes/kth-ml").select("#career-pay-country")).isEmpty();
	}

	@Test
	void aProgrammeWithoutCareersHasNoCareersSection() {
		Institution other = this.fixtures.institution("other", "Europe/Paris");
		this.fixtures.programme(other, "plain", "Plain", (p) -> p.setCareerTitles(List.of()));
		assertThat(page("/programmes/plain").getElementById("careers")).isNull();
	}

	@Test
	void anEmptyCareerListSaysSo() {
		DatabaseCleaner.clean(this.jdbc);
		assertThat(page("/careers").text()).contains("No careers have been published yet.");
	}

}
