package org.prospectus.institution;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalIntegrationTest
class AdminInstitutionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession editor;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.staff.create("editor@uni.example", "Editor", StaffRole.EDITOR);
		this.staff.create("admissions@uni.example", "Officer", StaffRole.ADMISSIONS);
		this.editor = this.staff.signIn("editor@uni.example");
	}

	MvcTestResult create(String... fields) {
		var post = MockMvcRequestBuilders.post("/admin/catalogue/institutions").session(this.editor).with(csrf());
		Map<String, String> values = new LinkedHashMap<>(Map.of("slug", "soton", "name", "University of Southampton",
				"countryCode", "gb", "city", "Southampton", "campuses", "Highfield\n\nAvenue", "website",
				"https://www.southampton.ac.uk", "timeZone", "Europe/London", "currency", "gbp"));
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		values.forEach(post::param);
		return this.mvc.perform(post);
	}

	@Test
	void anEditorAddsAnInstitutionAndItIsAudited() {
		assertThat(create()).hasRedirectedUrl("/admin/catalogue/institutions");
		assertThat(this.jdbc
			.sql("select country_code || ' ' || time_zone || ' ' || currency || ' ' || array_to_string(campuses, '|') "
					+ "from institution where slug = 'soton'")
			.query(String.class)
			.single()).isEqualTo("GB Europe/London GBP Highfield|Avenue");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, "institution", null, null), 5))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.changes()).extracting("field")
				.contains("institution.form.zone", "institution.form.currency"));
	}

	/** The language the catalogue is written in: one the portal offers (issue 29). */
	@Test
	void theMainLanguageIsOneThePortalOffers() {
		Document refused = page(create("mainLanguage", "de"));
		assertThat(refused.select("#mainLanguage-error").text())
			.isEqualTo("Choose one of the languages the portal is offered in.");
		assertThat(refused.select("#mainLanguage option").eachText()).containsExactly("English", "Svenska");
		assertThat(create("mainLanguage", "sv")).hasRedirectedUrl("/admin/catalogue/institutions");
		assertThat(this.jdbc.sql("select main_language from institution where slug = 'soton'")
			.query(String.class)
			.single()).isEqualTo("sv");
	}

	@Test
	void eachMistakeIsShownBesideItsFieldAndEverythingTypedIsKept() {
		MvcTestResult result = create("slug", "Not A Slug", "timeZone", "Europe/Stockholmm", "currency", "XXQ",
				"website", "www.example.org", "name", "", "retentionAdmittedMonths", "two years", "admissionsEmail",
				"admissions at example.org");
		assertThat(result).hasStatusOk();
		Document page = page(result);
		assertThat(page.select("#retentionAdmittedMonths-error").text())
			.isEqualTo("Enter a whole number from 1 to 120.");
		assertThat(page.select("#retentionAdmittedMonths").val()).isEqualTo("two years");
		assertThat(page.select("#retentionDraftMonths").val()).isEqualTo("6");
		assertThat(page.select("#admissionsEmail-error").text())
			.isEqualTo("Enter an e-mail address, such as admissions@example.org.");
		assertThat(page.select("#slug-error").text())
			.isEqualTo("Use lower-case letters, digits and single hyphens only.");
		assertThat(page.select("#timeZone-error").text())
			.isEqualTo("This is not a time zone name. Choose one such as Europe/Stockholm.");
		assertThat(page.select("#currency-error").text())
			.isEqualTo("This is not a currency code. Use three letters such as SEK, GBP or EUR.");
		assertThat(page.select("#website-error").text())
			.isEqualTo("Enter a full address starting with https:// or http://");
		assertThat(page.select("#name-error").text()).isEqualTo("Enter the institution's name.");
		Document empty = page(create("slug", "", "countryCode", ""));
		assertThat(empty.select("#slug-error").text()).as("one message for a missing value")
			.isEqualTo("Enter a slug, such as kth.");
		assertThat(empty.select("#countryCode-error").text()).isEqualTo("Enter a two-letter country code.");
		assertThat(page.select("#slug").val()).isEqualTo("Not A Slug");
		assertThat(page.select("#timeZone").val()).isEqualTo("Europe/Stockholmm");
		assertThat(page.select("#campuses").text()).contains("Highfield");
		assertThat(this.jdbc.sql("select count(*) from institution").query(Integer.class).single()).isZero();
	}

	@Test
	void aSlugInUseIsRefused() {
		this.fixtures.institution("soton", "Europe/London");
		assertThat(page(create()).select("#slug-error").text())
			.isEqualTo("Another institution already uses this slug.");
	}

	/**
	 * The form's fields as the edit page filled them, as a browser sends them: an
	 * unticked box not at all.
	 */
	static Map<String, String> values(Document form) {
		Map<String, String> values = new LinkedHashMap<>();
		form.select("form[method=post] input[name], form[method=post] textarea[name]")
			.stream()
			.filter((input) -> !input.attr("type").equals("checkbox") || input.hasAttr("checked"))
			.forEach((input) -> values.put(input.attr("name"), input.is("textarea") ? input.text() : input.val()));
		return values;
	}

	MvcTestResult save(long id, Map<String, String> values, String field, String value) {
		var post = MockMvcRequestBuilders.post("/admin/catalogue/institutions/{id}", id)
			.session(this.editor)
			.with(csrf());
		Map<String, String> posted = new LinkedHashMap<>(values);
		posted.put(field, value);
		posted.forEach(post::param);
		return this.mvc.perform(post);
	}

	@Test
	void anEditRecordsEachChangedFieldAndAStaleEditGetsTheConflictPage() {
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Map<String, String> form = values(page(this.mvc.get()
			.uri("/admin/catalogue/institutions/{id}/edit", kth.getId())
			.session(this.editor)
			.exchange()));
		assertThat(save(kth.getId(), form, "city", "Solna")).hasRedirectedUrl("/admin/catalogue/institutions");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, "institution", null, null), 5))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.changes()).singleElement()
				.satisfies((change) -> assertThat(change.before() + " -> " + change.after())
					.isEqualTo("City of kth -> Solna")));
		// The same form again, still carrying the version it was shown with.
		MvcTestResult conflict = save(kth.getId(), form, "city", "Kista");
		assertThat(conflict).hasStatus(409);
		assertThat(page(conflict).select("tr.table-warning").text()).contains("Solna", "Kista");
		assertThat(this.jdbc.sql("select city from institution").query(String.class).single()).isEqualTo("Solna");
	}

	/**
	 * An institution's own texts are translated beside them, checked like them, and
	 * audited under their language (issue 29).
	 */
	@Test
	void anInstitutionsTextsAreTranslatedBesideThemAndAudited() {
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Document page = page(this.mvc.get()
			.uri("/admin/catalogue/institutions/{id}/edit", kth.getId())
			.session(this.editor)
			.exchange());
		assertThat(page.select("label[for=translation-sv-regulatorNote]").text()).isEqualTo("Regulator in Swedish");
		assertThat(page.select("#translation-sv-name").attr("lang")).isEqualTo("sv");
		assertThat(page.select(".translation-count").text()).startsWith("1 text is still to be translated");
		Map<String, String> form = values(page);
		MvcTestResult tooLong = save(kth.getId(), form, "translations[sv:awardingBody]", "x".repeat(201));
		assertThat(tooLong).hasStatusOk();
		assertThat(page(tooLong).select("#translation-sv-awardingBody-error").text()).contains("200");
		assertThat(page(tooLong).select("#translation-sv-awardingBody").val()).hasSize(201);
		assertThat(save(kth.getId(), form, "translations[sv:name]", "Kungliga Tekniska högskolan"))
			.hasRedirectedUrl("/admin/catalogue/institutions");
		assertThat(
				this.jdbc.sql("select translations -> 'sv' ->> 'name' from institution").query(String.class).single())
			.isEqualTo("Kungliga Tekniska högskolan");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, "institution", null, null), 5))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.changes()).singleElement()
				.satisfies((change) -> assertThat(change.field() + " " + change.after())
					.isEqualTo("institution.form.name@sv Kungliga Tekniska högskolan")));
		assertThat(page(this.mvc.get()
			.uri("/admin/catalogue/institutions/{id}/edit", kth.getId())
			.session(this.editor)
			.exchange()).select(".translation-count").text()).startsWith("Every text is translated into");
	}

	@Test
	void theCitizenshipsExemptFromTheFeeAreEditedAndCheckedOnTheForm() {
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Map<String, String> form = values(page(this.mvc.get()
			.uri("/admin/catalogue/institutions/{id}/edit", kth.getId())
			.session(this.editor)
			.exchange()));
		MvcTestResult wrong = save(kth.getId(), form, "feeExemptCountries", "se, fi XX");
		assertThat(wrong).hasStatusOk();
		assertThat(page(wrong).select("#feeExemptCountries-error").text()).contains("two-letter country codes");
		assertThat(page(wrong).select("#feeExemptCountries").val()).isEqualTo("se, fi XX");
		assertThat(save(kth.getId(), form, "feeExemptCountries", "se, fi de se"))
			.hasRedirectedUrl("/admin/catalogue/institutions");
		assertThat(this.jdbc.sql("select array_to_string(fee_exempt_countries, ' ') from institution")
			.query(String.class)
			.single()).isEqualTo("SE FI DE");
	}

	@Test
	void admissionsOfficersCannotEditTheCatalogue() {
		MockHttpSession officer = this.staff.signIn("admissions@uni.example");
		assertThat(this.mvc.get().uri("/admin/catalogue/institutions").session(officer)).hasStatus(403);
	}

}
