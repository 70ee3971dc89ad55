package org.prospectus.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
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
 * Editing a course, its syllabus versions and its offerings: every change is staged until
 * the course is published from its preview, bad input comes back beside its field with
 * everything typed, and two editors never overwrite each other.
 */
@PortalIntegrationTest
class CourseEditingTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

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

	long courseId;

	long syllabusId;

	long offeringId;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Course course = this.fixtures.course(kth, "DD2424", "Deep Learning in Data Science",
				(c) -> c.setSummary("Neural networks."));
		this.courseId = course.getId();
		this.syllabusId = this.fixtures.syllabus(course, Term.of(2024, Season.AUTUMN), (s) -> {
			s.setContentsAndOutcomes("Backpropagation.", "Train networks.");
			s.addModule("TEN1", "Examination", new BigDecimal("3.0"), GradingScale.A_F);
			s.addModule("LAB1", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
			s.addPrerequisite("Programming", List.of("DD1337"));
		}).getId();
		this.offeringId = this.fixtures
			.offering(course, Term.of(2027, Season.SPRING), LocalDate.of(2027, 3, 15), LocalDate.of(2027, 6, 1),
					"60228", (o) -> o.addPeriod(Term.of(2027, Season.SPRING), "P4", new BigDecimal("7.5")))
			.getId();
		for (String who : List.of("editor", "other")) {
			this.accounts.replacePassword(
					this.accounts.findOrCreate(who + "@uni.example", who, EnumSet.of(StaffRole.EDITOR)),
					StaffSessions.PASSWORD);
		}
		this.staff.create("admissions@uni.example", "admissions", StaffRole.ADMISSIONS);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A form page's fields as a browser would send them back unchanged. */
	Map<String, String> formValues(MockHttpSession session, String uri) {
		return StaffSessions.formFields(page(this.mvc.get().uri(uri).session(session).exchange()), "form[method=post]");
	}

	MvcTestResult post(MockHttpSession session, String uri, Map<String, String> values) {
		var request = this.mvc.post().uri(uri).session(session).with(csrf());
		values.forEach(request::param);
		return request.exchange();
	}

	String courseUri(String rest) {
		return "/admin/catalogue/courses/" + this.courseId + rest;
	}

	String syllabusUri(String rest) {
		return courseUri("/syllabuses/" + this.syllabusId + rest);
	}

	String offeringUri(String rest) {
		return courseUri("/offerings/" + this.offeringId + rest);
	}

	Document preview(MockHttpSession session) {
		return page(this.mvc.get().uri(courseUri("/preview")).session(session).exchange());
	}

	MvcTestResult publish(MockHttpSession session, Document preview) {
		var request = this.mvc.post()
			.uri(courseUri("/publish"))
			.session(session)
			.with(csrf())
			.param("version", preview.select("form[action$=/publish] input[name=version]").val());
		for (Element seen : preview.select("form[action$=/publish] input[name=seen]")) {
			request.param("seen", seen.val());
		}
		return request.exchange();
	}

	String publicPage() {
		return page(this.mvc.get().uri("/courses/DD2424").exchange()).text();
	}

	long pendingRevisions() {
		return this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single();
	}

	/**
	 * A course's title and summary are translated beside them and published (issue 29).
	 */
	@Test
	void aCoursesTitleIsTranslatedAndPublished() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> course = formValues(editor, courseUri("/edit"));
		assertThat(course).containsKey("translations[sv:title]").containsKey("translations[sv:summary]");
		course.put("translations[sv:title]", "Djupinlärning i datavetenskap");
		assertThat(post(editor, courseUri(""), course)).hasRedirectedUrl(courseUri("/preview"));
		Document preview = preview(editor);
		assertThat(preview.text()).contains("Title (Svenska)");
		assertThat(publish(editor, preview)).hasStatus3xxRedirection();
		Document swedish = page(this.mvc.get().uri("/sv/courses/DD2424").exchange());
		assertThat(swedish.select("h1").text()).isEqualTo("DD2424 Djupinlärning i datavetenskap");
		assertThat(swedish.select("h1 span[lang]")).isEmpty();
		assertThat(page(this.mvc.get().uri("/courses/DD2424").exchange()).select("h1").text())
			.isEqualTo("DD2424 Deep Learning in Data Science");
	}

	/**
	 * A syllabus version's texts and its modules' names are translated beside them,
	 * checked like them, and shown on the page and in the PDF in its language; what is
	 * not translated is marked (issue 29).
	 */
	@Test
	void aSyllabusTextIsTranslatedBesideItAndShownInTheAddresssLanguage() throws Exception {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Document form = page(this.mvc.get().uri(syllabusUri("/edit")).session(editor).exchange());
		assertThat(form.select(".translation-count").text())
			.isEqualTo("5 texts are still to be translated into Swedish.");
		assertThat(form.select("label[for=translation-sv-contents]").text()).isEqualTo("Course contents in Swedish");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		assertThat(syllabus).containsKey("translations[sv:outcomes]")
			.containsKey("modules[0].translations[sv:name]")
			.containsKey("prerequisites[0].translations[sv:description]");
		syllabus.put("translations[sv:contents]", "x".repeat(20001));
		syllabus.put("modules[0].translations[sv:name]", "x".repeat(201));
		syllabus.put("prerequisites[0].translations[sv:description]", "x".repeat(2001));
		Document refused = page(post(editor, syllabusUri(""), syllabus));
		assertThat(refused.getElementById("translation-sv-contents-error").text())
			.isEqualTo("Use at most 20,000 characters.");
		assertThat(refused.getElementById("modules[0].translations[sv:name]-error").text())
			.isEqualTo("Use at most 200 characters.");
		assertThat(refused.getElementById("modules[0].translations[sv:name]").attr("lang")).isEqualTo("sv");
		assertThat(refused.getElementById("prerequisites-0-translation-sv-description-error").text())
			.isEqualTo("Use at most 2,000 characters.");
		assertThat(pendingRevisions()).isZero();

		syllabus.put("translations[sv:contents]", "Bakåtpropagering.");
		syllabus.put("modules[0].translations[sv:name]", "Tentamen");
		syllabus.put("prerequisites[0].translations[sv:description]", "Programmering");
		assertThat(post(editor, syllabusUri(""), syllabus)).hasRedirectedUrl(courseUri("/preview"));
		Document preview = preview(editor);
		assertThat(preview.select("section[aria-labelledby=pending-changes] tr").text()).contains(
				"Course contents (Svenska)", "Bakåtpropagering.", "Examination modules (Svenska)", "TEN1 Tentamen",
				"Specific prerequisites (Svenska)", "Programmering");
		assertThat(publish(editor, preview)).hasStatus3xxRedirection();
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, null, null, null), 5))
			.anySatisfy((entry) -> assertThat(entry.changes()).extracting((change) -> change.field())
				.contains("course.syllabus.contents@sv", "course.syllabus.prerequisites@sv"));

		Document swedish = page(this.mvc.get().uri("/sv/courses/DD2424").exchange());
		assertThat(swedish.select("p:containsOwn(Bakåtpropagering.)").attr("lang")).isEmpty();
		assertThat(swedish.select("p:containsOwn(Train networks.)").attr("lang")).isEqualTo("en");
		assertThat(swedish.select("td:containsOwn(Tentamen)").attr("lang")).isEmpty();
		assertThat(swedish.select("td:containsOwn(Laboratory work)").attr("lang")).isEqualTo("en");
		assertThat(swedish.select(".prerequisites span:containsOwn(Programmering)")).hasSize(1)
			.allSatisfy((description) -> assertThat(description.attr("lang")).isEmpty());
		assertThat(swedish.select(".untranslated").text()).startsWith("Vissa texter");
		assertThat(swedish.select(".syllabus-binding").text()).isEqualTo(
				"Kursplanen är översatt från engelska. Om versionerna skiljer sig åt gäller kursplanen på engelska.");
		Document english = page(this.mvc.get().uri("/courses/DD2424").exchange());
		assertThat(english.text()).contains("Backpropagation.", "Examination").doesNotContain("Bakåt", "Tentamen");
		assertThat(english.select(".syllabus-binding")).isEmpty();
		byte[] pdf = this.mvc.get()
			.uri("/sv/courses/DD2424/syllabus.pdf")
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Bakåtpropagering.", "Tentamen",
					"Programmering", "Train networks.", "Kursplanen är översatt från engelska.");
		}
	}

	/** An offering's target group is translated beside it, like a syllabus text. */
	@Test
	void anOfferingsTargetGroupIsTranslatedBesideIt() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> offering = formValues(editor, offeringUri("/edit"));
		offering.put("targetGroup", "Programme students.");
		offering.put("translations[sv:targetGroup]", "x".repeat(5001));
		Document refused = page(post(editor, offeringUri(""), offering));
		assertThat(refused.getElementById("translation-sv-targetGroup-error").text())
			.isEqualTo("Use at most 5,000 characters.");
		offering.put("translations[sv:targetGroup]", "Programstudenter.");
		assertThat(post(editor, offeringUri(""), offering)).hasRedirectedUrl(courseUri("/preview"));
		Document preview = preview(editor);
		assertThat(preview.text()).contains("Target group (Svenska)");
		assertThat(publish(editor, preview)).hasStatus3xxRedirection();
		Document swedish = page(this.mvc.get().uri("/sv/courses/DD2424").exchange());
		assertThat(swedish.select("p:containsOwn(Programstudenter.)").attr("lang")).isEmpty();
		assertThat(page(this.mvc.get().uri("/courses/DD2424").exchange()).text()).contains("Programme students.")
			.doesNotContain("Programstudenter.");
	}

	@Test
	void aChangeToEveryPartIsStagedPreviewedThenPublishedTogether() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> course = formValues(editor, courseUri("/edit"));
		assertThat(course).containsEntry("title", "Deep Learning in Data Science").containsEntry("credits", "7.5");
		course.put("title", "Deep Learning");
		course.put("examiner", "Ada Examiner");
		assertThat(post(editor, courseUri(""), course)).hasRedirectedUrl(courseUri("/preview"));

		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		assertThat(syllabus).containsEntry("modules[0].code", "TEN1").containsEntry("modules[1].credits", "4.5");
		syllabus.put("contents", "Transformers and attention.");
		syllabus.put("modules[2].code", "PRO1");
		syllabus.put("modules[2].name", "Project");
		syllabus.put("modules[2].credits", "1.5");
		syllabus.put("modules[2].gradingScale", "P_F");
		syllabus.put("modules[1].credits", "3.0");
		assertThat(post(editor, syllabusUri(""), syllabus)).hasRedirectedUrl(courseUri("/preview"));

		Map<String, String> offering = formValues(editor, offeringUri("/edit"));
		assertThat(offering).containsEntry("applicationCode", "60228").containsEntry("startDate", "2027-03-15");
		offering.put("location", "Albanova");
		assertThat(post(editor, offeringUri(""), offering)).hasRedirectedUrl(courseUri("/preview"));
		assertThat(pendingRevisions()).isEqualTo(3);

		// Nothing a visitor sees has changed; the preview shows it all.
		assertThat(publicPage()).contains("Deep Learning in Data Science", "Backpropagation.")
			.doesNotContain("Ada Examiner", "Transformers", "PRO1", "Albanova");
		Document preview = preview(editor);
		assertThat(preview.text()).contains("DD2424 Deep Learning", "Ada Examiner", "Transformers and attention.",
				"PRO1", "Albanova");
		// What publishing will change, part by part, before it is published.
		assertThat(preview.select("section[aria-labelledby=pending-changes] caption").eachText()).containsExactly(
				"The course DD2424", "The syllabus version from Autumn 2024",
				"The Spring 2027 offering, application code 60228");
		assertThat(preview.select("section[aria-labelledby=pending-changes] tr:has(th:contains(Location))").text())
			.contains("Albanova");

		assertThat(publish(editor, preview)).hasRedirectedUrl(courseUri(""));
		assertThat(publicPage())
			.contains("Deep Learning", "Ada Examiner", "Transformers and attention.", "PRO1", "Albanova")
			.doesNotContain("Deep Learning in Data Science");
		assertThat(pendingRevisions()).isZero();

		List<AuditEntry> published = this.auditLog.search(new AuditFilter(null, AuditAction.PUBLISH, null, null, null),
				10);
		assertThat(published).hasSize(3).anySatisfy((entry) -> {
			assertThat(entry.entityType()).isEqualTo("course");
			assertThat(entry.actor()).isEqualTo("editor@uni.example");
			assertThat(entry.summary()).isEqualTo("Published changes to the course DD2424 Deep Learning");
			assertThat(entry.changes()).anySatisfy((change) -> {
				assertThat(change.field()).isEqualTo("course.form.title");
				assertThat(change.before()).isEqualTo("Deep Learning in Data Science");
				assertThat(change.after()).isEqualTo("Deep Learning");
			});
		}).anySatisfy((entry) -> assertThat(entry.entityType()).isEqualTo("syllabus"));
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.UPDATE, null, null, null), 10)).hasSize(3);
	}

	@Test
	void moduleCreditsThatDoNotAddUpComeBackBesideTheModulesWithEverythingTyped() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		syllabus.put("contents", "Typed contents.");
		syllabus.put("modules[1].credits", "3.0");
		MvcTestResult result = post(editor, syllabusUri(""), syllabus);
		assertThat(result).hasStatusOk();
		Document form = page(result);
		assertThat(form.getElementById("modules-error").text()).isEqualTo(
				"The modules add up to 6.0 credits, but the course has 7.5 credits. Change the modules' credits so that they add up to 7.5.");
		assertThat(form.select("fieldset#modules").attr("aria-describedby")).contains("modules-error");
		assertThat(form.getElementById("modules-hint").text()).contains("the course's 7.5 credits");
		assertThat(form.getElementById("modules[1].credits").val()).isEqualTo("3.0");
		assertThat(form.select("textarea[name=contents]").text()).isEqualTo("Typed contents.");
		assertThat(form.select(".alert-danger li a[href=#modules]")).hasSize(1);
		assertThat(pendingRevisions()).isZero();
	}

	/**
	 * KTH writes prerequisites as ranges of codes: DD2424's syllabus saves unchanged, and
	 * the course page reads the range as one.
	 */
	@Test
	void prerequisiteCodeRangesAreSavedUnchangedAndShownAsRanges() {
		this.jdbc.sql(
				"update syllabus_prerequisite set equivalent_codes = array['DD1337', 'DD1310-DD1319', 'SF1910-SF1924']")
			.update();
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		assertThat(syllabus).containsEntry("prerequisites[0].equivalentCodes", "DD1337, DD1310-DD1319, SF1910-SF1924");
		syllabus.put("contents", "Transformers and attention.");
		assertThat(post(editor, syllabusUri(""), syllabus)).hasRedirectedUrl(courseUri("/preview"));
		assertThat(publish(editor, preview(editor))).hasStatus3xxRedirection();
		assertThat(publicPage()).contains("DD1337, DD1310 to DD1319, SF1910 to SF1924");
	}

	@Test
	void aMalformedCodeRangeIsRefusedBesideItsFieldAsTyped() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		syllabus.put("prerequisites[0].equivalentCodes", "DD1337, DD1319-DD1310");
		Document backwards = page(post(editor, syllabusUri(""), syllabus));
		assertThat(backwards.getElementById("prerequisites[0].equivalentCodes-error").text())
			.isEqualTo("DD1319-DD1310 runs backwards: write the lower code first, such as DD1310-DD1319.");
		assertThat(backwards.getElementById("prerequisites[0].equivalentCodes").val())
			.isEqualTo("DD1337, DD1319-DD1310");
		syllabus.put("prerequisites[0].equivalentCodes", "DD1310-SF1919");
		Document mixed = page(post(editor, syllabusUri(""), syllabus));
		assertThat(mixed.getElementById("prerequisites[0].equivalentCodes-error").text()).isEqualTo(
				"DD1310-SF1919 is not a range: both codes start with the same letters and are as long, such as DD1310-DD1319.");
		assertThat(pendingRevisions()).isZero();
	}

	@Test
	void duplicateModuleCodesValidFromTermsAndApplicationCodesAreRefusedBesideTheirFields() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		syllabus.put("modules[1].code", "ten1");
		Document duplicateModule = page(post(editor, syllabusUri(""), syllabus));
		assertThat(duplicateModule.getElementById("modules[1].code-error").text())
			.isEqualTo("Another module of this syllabus has the code TEN1. Give each module its own code.");

		Map<String, String> version = formValues(editor, courseUri("/syllabuses/new"));
		version.put("validFrom", Integer.toString(Term.of(2024, Season.AUTUMN).code()));
		version.put("modules[0].code", "TEN1");
		version.put("modules[0].name", "Examination");
		version.put("modules[0].credits", "7.5");
		version.put("modules[0].gradingScale", "A_F");
		Document takenTerm = page(post(editor, courseUri("/syllabuses"), version));
		assertThat(takenTerm.getElementById("validFrom-error").text()).startsWith("Another version of this syllabus");
		assertThat(takenTerm.getElementById("modules[0].name").val()).isEqualTo("Examination");

		Map<String, String> offering = newOffering(editor, Term.of(2027, Season.SPRING), "60228");
		offering.put("endDate", "2027-01-01");
		Document refused = page(post(editor, courseUri("/offerings"), offering));
		assertThat(refused.getElementById("applicationCode-error").text())
			.isEqualTo("Another offering of this course uses this application code in the same term.");
		assertThat(refused.getElementById("endDate-error").text())
			.isEqualTo("The last day cannot come before the first day.");
		assertThat(refused.select("input[name=applicationCode]").val()).isEqualTo("60228");
		assertThat(this.jdbc.sql("select count(*) from course_offering").query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from syllabus").query(Long.class).single()).isOne();
	}

	Map<String, String> newOffering(MockHttpSession editor, Term term, String applicationCode) {
		Map<String, String> offering = formValues(editor, courseUri("/offerings/new"));
		offering.put("term", Integer.toString(term.code()));
		offering.put("startDate", "2027-08-30");
		offering.put("endDate", "2027-10-25");
		offering.put("formOfStudy", "DAYTIME");
		offering.put("audience", "ALL");
		offering.put("applicationCode", applicationCode);
		offering.put("periods[0].term", Integer.toString(term.code()));
		offering.put("periods[0].periodCode", "P1");
		offering.put("periods[0].credits", "7.5");
		return offering;
	}

	@Test
	void aNewOfferingAndSyllabusVersionStayOffThePublicPageUntilPublished() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(post(editor, courseUri("/offerings"), newOffering(editor, Term.of(2027, Season.AUTUMN), "50999")))
			.hasRedirectedUrl(courseUri(""));
		Map<String, String> version = formValues(editor, courseUri("/syllabuses/new"));
		// A new version starts as a copy of the latest, with no term of its own.
		assertThat(version).containsEntry("contents", "Backpropagation.")
			.containsEntry("outcomes", "Train networks.")
			.containsEntry("modules[0].code", "TEN1")
			.containsEntry("modules[1].code", "LAB1")
			.containsEntry("prerequisites[0].equivalentCodes", "DD1337")
			.containsEntry("validFrom", "");
		version.put("validFrom", Integer.toString(Term.of(2025, Season.AUTUMN).code()));
		version.put("contents", "The new version's contents.");
		version.put("modules[0].code", "TEN2");
		version.put("modules[0].name", "Written exam");
		version.put("modules[0].credits", "7.5");
		version.put("modules[0].gradingScale", "A_F");
		version.put("modules[1].code", "");
		version.put("modules[1].name", "");
		version.put("modules[1].credits", "");
		assertThat(post(editor, courseUri("/syllabuses"), version)).hasRedirectedUrl(courseUri(""));

		assertThat(publicPage()).doesNotContain("50999", "The new version", "TEN2").contains("Backpropagation.");
		assertThat(this.mvc.get().uri("/admin/catalogue/courses").session(editor)).bodyText()
			.contains("DD2424", "Unpublished changes");
		Document preview = preview(editor);
		assertThat(preview.text()).contains("50999", "The new version's contents.", "TEN2");

		assertThat(publish(editor, preview)).hasRedirectedUrl(courseUri(""));
		assertThat(publicPage()).contains("50999", "The new version's contents.", "TEN2");
		assertThat(this.jdbc.sql("select count(*) from course_offering where not published").query(Long.class).single())
			.isZero();
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, null, null, null), 10)).hasSize(2);
	}

	@Test
	void theSecondOfTwoEditorsGetsTheConflictPageAndTheFirstEditStays() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other@uni.example");
		Map<String, String> mine = formValues(first, offeringUri("/edit"));
		Map<String, String> theirs = formValues(second, offeringUri("/edit"));
		mine.put("location", "Campus (first)");
		theirs.put("location", "Campus (second)");
		assertThat(post(first, offeringUri(""), mine)).hasStatus3xxRedirection();
		MvcTestResult conflict = post(second, offeringUri(""), theirs);
		assertThat(conflict).hasStatus(409);
		assertThat(page(conflict).text()).contains("Campus (first)", "Campus (second)");
		assertThat(formValues(first, offeringUri("/edit"))).containsEntry("location", "Campus (first)");

		Map<String, String> course = formValues(first, courseUri("/edit"));
		Map<String, String> courseTheirs = formValues(second, courseUri("/edit"));
		course.put("title", "Deep Learning (first)");
		courseTheirs.put("title", "Deep Learning (second)");
		assertThat(post(first, courseUri(""), course)).hasStatus3xxRedirection();
		assertThat(post(second, courseUri(""), courseTheirs)).hasStatus(409);
		assertThat(this.jdbc.sql("select payload ->> 'title' from pending_revision where entity_type = 'course'")
			.query(String.class)
			.single()).isEqualTo("Deep Learning (first)");
	}

	@Test
	void publishingFromAPreviewOfOlderChangesIsRefused() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other@uni.example");
		Map<String, String> course = formValues(first, courseUri("/edit"));
		course.put("title", "Deep Learning (previewed)");
		post(first, courseUri(""), course);
		Document preview = preview(first);

		Map<String, String> offering = formValues(second, offeringUri("/edit"));
		offering.put("location", "Changed after the preview");
		assertThat(post(second, offeringUri(""), offering)).hasStatus3xxRedirection();
		assertThat(publish(first, preview)).hasStatus(409);
		assertThat(publicPage()).contains("Deep Learning in Data Science").doesNotContain("previewed", "Changed after");
		assertThat(pendingRevisions()).isEqualTo(2);

		// A new offering added after the preview is not published unseen either.
		Document fresh = preview(first);
		assertThat(post(second, courseUri("/offerings"), newOffering(second, Term.of(2027, Season.AUTUMN), "50998")))
			.hasStatus3xxRedirection();
		assertThat(publish(first, fresh)).hasStatus(409);
		assertThat(publicPage()).doesNotContain("50998");
	}

	@Test
	void discardingThrowsAwayThePendingChangesAndKeepsTheLiveCourse() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> course = formValues(editor, courseUri("/edit"));
		course.put("summary", "A summary nobody will see.");
		post(editor, courseUri(""), course);
		Document preview = preview(editor);
		var discard = this.mvc.post().uri(courseUri("/discard")).session(editor).with(csrf());
		preview.select("form[action$=/discard] input[name=seen]").forEach((seen) -> discard.param("seen", seen.val()));
		assertThat(discard.exchange()).hasRedirectedUrl(courseUri(""));
		assertThat(pendingRevisions()).isZero();
		assertThat(formValues(editor, courseUri("/edit"))).containsEntry("summary", "Neural networks.");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.DISCARD, null, null, null), 5)).hasSize(1);
	}

	@Test
	void aNewCourseIsADraftWithACodeUniqueAcrossThePortal() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(editor, "/admin/catalogue/courses/new");
		Document blank = page(this.mvc.get().uri("/admin/catalogue/courses/new").session(editor).exchange());
		values.put("institution", blank.select("select[name=institution] option:contains(University kth)").val());
		values.put("code", "dd2424");
		values.put("title", "Another Deep Learning");
		values.put("credits", "7.5");
		Document taken = page(post(editor, "/admin/catalogue/courses", values));
		assertThat(taken.getElementById("code-error").text()).isEqualTo("Another course already has this code.");
		assertThat(taken.select("input[name=title]").val()).isEqualTo("Another Deep Learning");

		values.put("code", "dd2425");
		assertThat(post(editor, "/admin/catalogue/courses", values)).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("select state from course where code = 'DD2425'").query(String.class).single())
			.isEqualTo("DRAFT");
		assertThat(this.mvc.get().uri("/courses/DD2425")).hasStatus(404);
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, null, null, null), 5))
			.anySatisfy((entry) -> assertThat(entry.summary())
				.startsWith("Created the draft course DD2425 Another Deep Learning"));
	}

	@Test
	void anAdmissionsOfficerCannotEditCourses() {
		MockHttpSession admissions = this.staff.signIn("admissions@uni.example");
		assertThat(this.mvc.get().uri("/admin/catalogue/courses").session(admissions)).hasStatus(403);
		assertThat(this.mvc.get().uri(courseUri("/preview")).session(admissions)).hasStatus(403);
		assertThat(this.mvc.post()
			.uri(courseUri(""))
			.session(admissions)
			.with(csrf())
			.param("title", "Taken over")
			.param("credits", "7.5")
			.param("creditSystem", "ECTS")).hasStatus(403);
		assertThat(pendingRevisions()).isZero();
	}

	@Test
	void changesThatNoLongerAddUpAreNotPublishedAndNothingElseIs() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Map<String, String> syllabus = formValues(editor, syllabusUri("/edit"));
		syllabus.put("contents", "Checked against 7.5 credits.");
		assertThat(post(editor, syllabusUri(""), syllabus)).hasStatus3xxRedirection();
		Map<String, String> course = formValues(editor, courseUri("/edit"));
		course.put("credits", "6");
		course.put("title", "Deep Learning, shorter");
		assertThat(post(editor, courseUri(""), course)).hasStatus3xxRedirection();

		MvcTestResult refused = publish(editor, preview(editor));
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select(".alert-danger li").text()).isEqualTo(
				"The modules add up to 7.5 credits, but the course has 6.0 credits. Change the modules' credits so that they add up to 6.0.");
		assertThat(pendingRevisions()).isEqualTo(2);
		assertThat(publicPage()).contains("Deep Learning in Data Science", "Backpropagation.")
			.doesNotContain("shorter", "Checked against");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.PUBLISH, null, null, null), 5)).isEmpty();
	}

	@Test
	void retiringKeepsThePageAndSaysTheCourseIsNoLongerGiven() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		Document preview = preview(editor);
		assertThat(this.mvc.post()
			.uri(courseUri("/retire"))
			.session(editor)
			.with(csrf())
			.param("version", preview.select("form[action$=/retire] input[name=version]").val()))
			.hasRedirectedUrl(courseUri(""));
		assertThat(publicPage()).contains("This course is no longer given");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.RETIRE, null, null, null), 5)).hasSize(1);
	}

}
