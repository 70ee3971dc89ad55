package org.prospectus.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditEntry;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Editing a programme's content: edits are staged as pending changes that the preview
 * shows and publishing puts live; bad input comes back beside its field with everything
 * typed; two editors never overwrite each other.
 */
@PortalIntegrationTest
class ProgrammeEditingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long id;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(Instant.parse("2026-11-21T12:00:00Z"));
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.fixtures.course(kth, "DD2424", "Deep Learning in Data Science", (c) -> {
		});
		this.id = this.fixtures.programme(kth, "ml", "Machine Learning", (p) -> {
			p.setTuition(new Money(new BigDecimal("155000"), "SEK"), TuitionPeriod.PER_YEAR, null);
			p.setContact("Ada Lead", "ml@kth.example", null);
			p.setSummary("A two-year programme in machine learning, from its theory to systems that learn at scale.");
		}).getId();
		for (String who : List.of("editor", "other")) {
			this.accounts.replacePassword(
					this.accounts.findOrCreate(who + "@uni.example", who, EnumSet.of(StaffRole.EDITOR)),
					StaffSessions.PASSWORD);
		}
		this.clock.reset();
	}

	/** The edit page's form fields as a browser would send them back unchanged. */
	Map<String, String> formValues(MockHttpSession session) {
		return StaffSessions.formFields(
				page(this.mvc.get().uri("/admin/catalogue/programmes/{id}/edit", this.id).session(session).exchange()),
				"form[method=post]");
	}

	MvcTestResult save(MockHttpSession session, Map<String, String> values) {
		var request = this.mvc.post().uri("/admin/catalogue/programmes/{id}", this.id).session(session).with(csrf());
		values.forEach(request::param);
		return request.exchange();
	}

	MvcTestResult publish(MockHttpSession session, Document preview) {
		var request = this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/publish", this.id)
			.session(session)
			.with(csrf())
			.param("version", preview.select("form[action$=/publish] input[name=version]").val());
		String revision = preview.select("form[action$=/publish] input[name=revision]").val();
		if (!revision.isEmpty()) {
			request.param("revision", revision);
		}
		return request.exchange();
	}

	String dashboardChanges(MockHttpSession session) {
		return page(this.mvc.get().uri("/admin").session(session).exchange()).select("section[aria-labelledby=changes]")
			.text();
	}

	Document preview(MockHttpSession session) {
		return page(
				this.mvc.get().uri("/admin/catalogue/programmes/{id}/preview", this.id).session(session).exchange());
	}

	/** Browsers send a textarea's line breaks as CR LF, whatever the page held. */
	static Map<String, String> asABrowserSendsThem(Map<String, String> values) {
		Map<String, String> sent = new LinkedHashMap<>();
		values.forEach((name, value) -> sent.put(name, value.replace("\n", "\r\n")));
		return sent;
	}

	int auditedUpdates() {
		return this.jdbc.sql("select count(*) from audit_event where entity_type = 'programme' and action = 'UPDATE'")
			.query(Integer.class)
			.single();
	}

	@Test
	void savingWithoutChangingAnythingChangesNothing() {
		this.jdbc.sql("""
				update programme set section_about = 'About it.' || chr(10) || chr(10) || 'More about it.',
				  section_learning = 'What you learn.' || chr(10) || 'And more.', section_project = 'A project.',
				  section_careers = 'Careers.' || chr(10) || chr(10) || 'And more careers.',
				  typical_offer = 'A good degree.' || chr(10) || 'In a subject.',
				  entry_requirements = 'Requirements.' || chr(10) || chr(10) || 'More.',
				  language_requirements = 'English.' || chr(10) || 'At level C1.'
				where id = :id""").param("id", this.id).update();
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(save(editor, asABrowserSendsThem(formValues(editor)))).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Integer.class).single())
			.as("pending revisions")
			.isZero();
		assertThat(auditedUpdates()).as("audit entries").isZero();
		assertThat(dashboardChanges(editor)).doesNotContain("Machine Learning");
	}

	@Test
	void aOneFieldEditRecordsOneField() {
		this.jdbc.sql("""
				update programme set section_about = 'About it.' || chr(10) || chr(10) || 'More about it.',
				  section_learning = 'What you learn.' || chr(10) || 'And more.', section_project = 'A project.'
				where id = :id""").param("id", this.id).update();
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = asABrowserSendsThem(formValues(editor));
		values.put("sectionProject", "A project, in a sentence more.");
		save(editor, values);
		List<String> fields = this.jdbc
			.sql("select c.field from audit_change c join audit_event e on e.id = c.event_id "
					+ "where e.entity_type = 'programme' and e.action = 'UPDATE'")
			.query(String.class)
			.list();
		assertThat(fields).containsExactly("programme.section.project");
	}

	/**
	 * An editor translates a programme beside its main language's texts, sees how many
	 * are left, and publishes: the Swedish page shows the translation unmarked and the
	 * rest in English, marked; the diff and the audit log name each language's field.
	 */
	@Test
	void anEditorTranslatesAProgrammeAndPublishesIt() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Document form = page(
				this.mvc.get().uri("/admin/catalogue/programmes/{id}/edit", this.id).session(editor).exchange());
		assertThat(form.select("label[for=translation-sv-title]").text()).isEqualTo("Title in Swedish");
		assertThat(form.select("#translation-sv-summary").attr("lang")).isEqualTo("sv");
		assertThat(form.select(".translation-count").text())
			.isEqualTo("3 texts are still to be translated into Swedish.");

		Map<String, String> values = formValues(editor);
		values.put("translations[sv:title]", "Maskininlärning");
		values.put("translations[sv:summary]", "x".repeat(1001));
		Document refused = page(save(editor, values));
		assertThat(refused.select("#translation-sv-summary-error").text()).isNotBlank();
		assertThat(refused.select("#translation-sv-title").val()).isEqualTo("Maskininlärning");

		values.put("translations[sv:summary]",
				"Ett tvåårigt program i maskininlärning, från teorin till system som lär sig i stor skala.");
		assertThat(save(editor, values)).hasRedirectedUrl("/admin/catalogue/programmes/" + this.id + "/preview");
		Document preview = preview(editor);
		assertThat(preview.select("section[aria-labelledby=pending-changes] th").eachText()).contains("Title (Svenska)",
				"Summary (Svenska)");
		assertThat(publish(editor, preview)).hasRedirectedUrl("/admin/catalogue/programmes");

		Document swedish = page(this.mvc.get().uri("/sv/programmes/ml").exchange());
		assertThat(swedish.selectFirst("h1").text()).isEqualTo("Maskininlärning");
		assertThat(swedish.selectFirst("h1").hasAttr("lang")).isFalse();
		assertThat(swedish.selectFirst("p.lead").text()).startsWith("Ett tvåårigt program");
		assertThat(swedish.select("p.eyebrow").attr("lang")).as("the award is not translated").isEqualTo("en");
		assertThat(swedish.select(".untranslated").text()).contains("engelska");
		assertThat(swedish.select("title").text()).startsWith("Maskininlärning");
		Document english = page(this.mvc.get().uri("/programmes/ml").exchange());
		assertThat(english.selectFirst("h1").text()).isEqualTo("Machine Learning");
		assertThat(english.select("main [lang]")).isEmpty();

		List<AuditEntry> published = this.auditLog.search(new AuditFilter(null, AuditAction.PUBLISH, null, null, null),
				5);
		assertThat(published).singleElement()
			.satisfies((entry) -> assertThat(entry.changes()).extracting("field")
				.contains("programme.form.title@sv", "programme.form.summary@sv"));
	}

	/**
	 * Lists, a year's texts and testimonials are translated too: a topic's translation
	 * keeps its link to the search by the topic's own name, one line a topic.
	 */
	@Test
	void topicsEntryRequirementsAndTestimonialsAreTranslated() {
		this.jdbc.sql("""
				update programme set topics = array['Deep learning', 'Computer vision'],
				  entry_requirements = 'A degree in computing.' where id = :id""").param("id", this.id).update();
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor);
		values.put("testimonials[0].quote", "The best two years.");
		values.put("testimonials[0].authorName", "Sam Graduate");
		values.put("testimonials[0].authorOrigin", "Sweden");
		values.put("testimonials[0].translations[sv:quote]", "De bästa två åren.");
		values.put("translations[sv:topics]", "Djupinlärning");
		values.put("translations[sv:entryRequirements]", "En examen i datavetenskap.");
		Document refused = page(save(editor, values));
		assertThat(refused.select("#translation-sv-topics-error").text()).contains("2 lines");
		assertThat(refused.select("#testimonials-0-translation-sv-quote").val()).isEqualTo("De bästa två åren.");
		assertThat(refused.select("#translation-sv-entryRequirements").val()).isEqualTo("En examen i datavetenskap.");

		values.put("translations[sv:topics]", "Djupinlärning\r\nDatorseende\r\n");
		assertThat(save(editor, values)).hasRedirectedUrl("/admin/catalogue/programmes/" + this.id + "/preview");
		Document preview = preview(editor);
		assertThat(preview.select("section[aria-labelledby=pending-changes] th").eachText())
			.contains("Topics covered (Svenska)", "Academic background (Svenska)", "Meet the graduates (Svenska)");
		assertThat(publish(editor, preview)).hasRedirectedUrl("/admin/catalogue/programmes");

		Document swedish = page(this.mvc.get().uri("/sv/programmes/ml").exchange());
		assertThat(swedish.select("#topics + ul a").eachText()).containsExactly("Djupinlärning", "Datorseende");
		assertThat(swedish.select("#topics + ul a").eachAttr("href")).first().asString().contains("Deep");
		assertThat(swedish.select("section[aria-labelledby=entry]").text()).contains("En examen i datavetenskap.");
		Element quote = swedish.selectFirst("figure.testimonial blockquote p");
		assertThat(quote.text()).isEqualTo("De bästa två åren.");
		assertThat(quote.hasAttr("lang")).isFalse();
		assertThat(swedish.select("figure.testimonial figcaption span[lang=en]").text())
			.as("the origin is not translated")
			.isEqualTo("Sweden");
		assertThat(swedish.select(".untranslated").text()).as("the title and summary are not translated")
			.contains("inte översatta till svenska");
	}

	@Test
	void aChangeIsStagedPreviewedThenPublished() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor);
		assertThat(values).containsEntry("title", "Machine Learning")
			.containsEntry("tuitionAmount", "155000")
			.containsEntry("tuitionCurrency", "SEK")
			.containsEntry("tuitionPeriod", "PER_YEAR");
		values.put("tuitionAmount", "160000");
		values.put("topics", "Deep learning\nReinforcement learning");
		values.put("testimonials[0].quote", "The project course was the best part.");
		values.put("testimonials[0].authorName", "Sam Graduate");
		values.put("plan[0].courseCode", "dd2424");
		values.put("plan[0].studyYear", "1");
		values.put("plan[0].term", "SPRING");
		values.put("plan[0].category", "COMPULSORY");
		values.put("summary", "A two-year programme in machine learning, from its theory to systems that learn well.");
		assertThat(save(editor, values)).hasRedirectedUrl("/admin/catalogue/programmes/" + this.id + "/preview");

		// The public page is unchanged; the preview shows the change.
		assertThat(this.mvc.get().uri("/programmes/ml")).bodyText()
			.contains("155,000")
			.doesNotContain("160,000")
			.doesNotContain("Sam Graduate");
		Document preview = preview(editor);
		assertThat(preview.text()).contains("160,000", "Sam Graduate", "Reinforcement learning", "DD2424",
				"Unpublished changes saved by editor@uni.example");
		assertThat(dashboardChanges(editor)).contains("Machine Learning");
		// Before publishing, each changed field: a long text word by word, a short value
		// whole.
		Element changes = preview.selectFirst("section[aria-labelledby=pending-changes]");
		assertThat(changes).isNotNull();
		Element summary = changes.select("tr")
			.stream()
			.filter((row) -> row.select("th").text().equals("Summary"))
			.findFirst()
			.orElseThrow();
		assertThat(summary.select(".word-diff del").eachText()).containsExactly("deleted: at scale. end of deletion.");
		assertThat(summary.select(".word-diff ins").eachText()).containsExactly("inserted: well. end of insertion.");
		assertThat(summary.select(".word-diff").text()).startsWith("A two-year programme in machine learning,");
		assertThat(changes.select("del.word-diff-whole").eachText()).contains("deleted: 155000 SEK PER_YEAR");
		assertThat(changes.select("ins.word-diff-whole").eachText()).contains("inserted: 160000 SEK PER_YEAR");

		assertThat(publish(editor, preview)).hasRedirectedUrl("/admin/catalogue/programmes");
		assertThat(this.mvc.get().uri("/programmes/ml")).bodyText()
			.contains("160,000", "Sam Graduate", "Reinforcement learning", "DD2424");
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single()).isZero();
		assertThat(dashboardChanges(editor)).isEqualTo("Unpublished changes Every saved change is published.");

		List<AuditEntry> published = this.auditLog.search(new AuditFilter(null, AuditAction.PUBLISH, null, null, null),
				5);
		assertThat(published).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("editor@uni.example");
			assertThat(entry.summary())
				.isEqualTo("Published changes to the programme Machine Learning of University kth");
			assertThat(entry.changes()).anySatisfy((change) -> {
				assertThat(change.field()).isEqualTo("programme.fees.tuition");
				assertThat(change.before()).isEqualTo("155000 SEK PER_YEAR");
				assertThat(change.after()).isEqualTo("160000 SEK PER_YEAR");
			});
		});
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, null, null, null), 5)).singleElement()
			.satisfies((entry) -> assertThat(entry.summary()).startsWith("Saved unpublished changes"));
	}

	@Test
	void badInputComesBackBesideItsFieldWithEverythingTyped() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor);
		values.put("title", "Machine Learning, renamed");
		values.put("credits", "lots");
		values.put("contactEmail", "not-an-address");
		values.put("tuitionAmount", "160000");
		values.put("tuitionCurrency", "XYZ");
		values.put("plan[0].courseCode", "NOPE1");
		values.put("plan[0].studyYear", "9");
		values.put("plan[0].term", "SPRING");
		values.put("plan[0].category", "COMPULSORY");
		MvcTestResult result = save(editor, values);
		assertThat(result).hasStatusOk();
		Document form = page(result);
		assertThat(form.select("#credits-error").text()).isEqualTo("Enter a number such as 120 or 7.5.");
		assertThat(form.select("#contactEmail-error").text()).startsWith("Enter an e-mail address");
		assertThat(form.select("#tuitionCurrency-error").text()).startsWith("Enter a currency code");
		assertThat(form.getElementById("plan[0].courseCode-error").text())
			.isEqualTo("There is no course with the code NOPE1. Create the course first.");
		assertThat(form.getElementById("plan[0].studyYear-error").text())
			.isEqualTo("Enter a whole number from 1 to 8.");
		assertThat(form.select("input[name=title]").val()).isEqualTo("Machine Learning, renamed");
		assertThat(form.select("input[name=credits]").val()).isEqualTo("lots");
		assertThat(form.select("input[name=tuitionCurrency]").val()).isEqualTo("XYZ");
		assertThat(form.getElementById("plan[0].courseCode").val()).isEqualTo("NOPE1");
		assertThat(form.select(".alert-danger li")).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single()).isZero();
	}

	@Test
	void theSecondOfTwoEditorsGetsTheConflictPageAndTheFirstEditStays() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other@uni.example");
		Map<String, String> mine = formValues(first);
		Map<String, String> theirs = formValues(second);
		mine.put("title", "Machine Learning (first)");
		theirs.put("title", "Machine Learning (second)");
		assertThat(save(first, mine)).hasStatus3xxRedirection();
		MvcTestResult conflict = save(second, theirs);
		assertThat(conflict).hasStatus(409);
		Document page = page(conflict);
		assertThat(page.text()).contains("Machine Learning (first)", "Machine Learning (second)");
		assertThat(formValues(first)).containsEntry("title", "Machine Learning (first)");
		assertThat(this.jdbc.sql("select payload ->> 'title' from pending_revision").query(String.class).single())
			.isEqualTo("Machine Learning (first)");
	}

	@Test
	void publishingFromAPreviewOfOlderChangesIsRefused() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other@uni.example");
		Map<String, String> values = formValues(first);
		values.put("title", "Machine Learning (previewed)");
		save(first, values);
		Document preview = preview(first);
		Map<String, String> later = formValues(second);
		later.put("title", "Machine Learning (changed after the preview)");
		assertThat(save(second, later)).hasStatus3xxRedirection();
		assertThat(publish(first, preview)).hasStatus(409);
		assertThat(this.mvc.get().uri("/programmes/ml")).bodyText().contains("Machine Learning").doesNotContain("(");
	}

	@Test
	void discardingLeavesTheLiveProgrammeAsItWas() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor);
		values.put("summary", "A summary nobody will see.");
		save(editor, values);
		Document preview = preview(editor);
		assertThat(this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/discard", this.id)
			.param("revision", preview.select("form[action$=/discard] input[name=revision]").val())
			.session(editor)
			.with(csrf())).hasRedirectedUrl("/admin/catalogue/programmes/" + this.id + "/preview");
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single()).isZero();
		assertThat(formValues(editor).get("summary")).isNotEqualTo("A summary nobody will see.");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.DISCARD, null, null, null), 5)).hasSize(1);
	}

	@Test
	void changesThatNoLongerPassTheChecksAreNotPublished() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor);
		values.put("plan[0].courseCode", "DD2424");
		values.put("plan[0].studyYear", "1");
		values.put("plan[0].term", "AUTUMN");
		values.put("plan[0].category", "ELECTIVE");
		save(editor, values);
		// The course the plan names is renamed away before the changes are published.
		this.jdbc.sql("update course set code = 'DD9999' where code = 'DD2424'").update();
		MvcTestResult refused = publish(editor, preview(editor));
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).getElementById("plan[0].courseCode-error").text())
			.isEqualTo("There is no course with the code DD2424. Create the course first.");
		assertThat(this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from programme_plan_entry").query(Long.class).single()).isZero();
	}

	@Test
	void aNewProgrammeIsADraftWithAUniqueAddress() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Document blank = page(this.mvc.get().uri("/admin/catalogue/programmes/new").session(editor).exchange());
		String institution = blank.select("select[name=institution] option:contains(University kth)").val();
		Map<String, String> values = new LinkedHashMap<>(Map.of("institution", institution, "code", "TQML", "slug",
				"ml", "title", "Quantum ML", "award", "Master of Science", "level", "MASTER", "credits", "120"));
		values.putAll(Map.of("creditSystem", "ECTS", "durationMonths", "24", "pacePercent", "100", "mode", "CAMPUS",
				"language", "en", "summary", "Qubits and models."));
		var taken = this.mvc.post().uri("/admin/catalogue/programmes").session(editor).with(csrf());
		values.forEach(taken::param);
		Document refused = page(taken.exchange());
		assertThat(refused.select("#slug-error").text()).isEqualTo("Another programme already uses this address.");
		assertThat(refused.select("input[name=title]").val()).isEqualTo("Quantum ML");

		values.put("slug", "quantum-ml");
		var create = this.mvc.post().uri("/admin/catalogue/programmes").session(editor).with(csrf());
		values.forEach(create::param);
		assertThat(create.exchange()).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("select state from programme where slug = 'quantum-ml'").query(String.class).single())
			.isEqualTo("DRAFT");
		assertThat(this.mvc.get().uri("/programmes/quantum-ml")).hasStatus(404);
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, null, null, null), 5))
			.anySatisfy((entry) -> assertThat(entry.summary()).startsWith("Created the draft programme Quantum ML"));
	}

}
