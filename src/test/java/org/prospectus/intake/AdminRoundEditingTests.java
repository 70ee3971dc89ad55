package org.prospectus.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditEntry;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalIntegrationTest
@RecordApplicationEvents
class AdminRoundEditingTests {

	@Autowired
	ApplicationEvents applicationEvents;

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
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ApplicationRound round;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		Programme ml = this.fixtures.programme(kth, "ml", "Machine Learning");
		this.round = this.fixtures.round(kth, "autumn-2027", Instant.parse("2026-10-15T22:00:00Z"),
				Instant.parse("2027-01-15T22:59:59Z"), ml);
		for (String who : new String[] { "editor", "other.editor" }) {
			this.accounts.replacePassword(
					this.accounts.findOrCreate(who + "@uni.example", who, EnumSet.of(StaffRole.EDITOR)),
					StaffSessions.PASSWORD);
		}
		this.accounts.replacePassword(
				this.accounts.findOrCreate("admin@uni.example", "Admin", EnumSet.of(StaffRole.ADMIN)),
				StaffSessions.PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** The edit form's fields as the page filled them. */
	Map<String, String> formValues(MockHttpSession session) {
		return StaffSessions.formFields(page(this.mvc.get()
			.uri("/admin/catalogue/rounds/{id}/edit", this.round.getId())
			.session(session)
			.exchange()), "form[method=post]");
	}

	/** Posts the form with some fields changed, as a browser would after typing. */
	MvcTestResult save(MockHttpSession session, Map<String, String> values, String... changes) {
		Map<String, String> posted = new LinkedHashMap<>(values);
		for (int i = 0; i < changes.length; i += 2) {
			posted.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder post = MockMvcRequestBuilders
			.post("/admin/catalogue/rounds/{id}", this.round.getId())
			.session(session)
			.with(csrf());
		posted.forEach(post::param);
		return this.mvc.perform(post);
	}

	MvcTestResult save(MockHttpSession session, String... changes) {
		return save(session, formValues(session), changes);
	}

	String reviewUrl() {
		return "/admin/catalogue/rounds/" + this.round.getId();
	}

	/** Presses a button of the review page as it was shown. */
	MvcTestResult press(MockHttpSession session, Document review, String action) {
		MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(reviewUrl() + "/" + action)
			.session(session)
			.with(csrf());
		review.select("form[action$=/" + action + "] input[type=hidden]").forEach((input) -> {
			if (!input.attr("name").equals("_csrf")) {
				post.param(input.attr("name"), input.val());
			}
		});
		return this.mvc.perform(post);
	}

	Document review(MockHttpSession session) {
		return page(this.mvc.get().uri(reviewUrl()).session(session).exchange());
	}

	long pendingCount() {
		return this.jdbc.sql("select count(*) from pending_revision").query(Long.class).single();
	}

	@Test
	void aMovedDeadlineIsReviewedPreviewedAndPublishedInTheInstitutionsZone() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document form = page(this.mvc.get()
			.uri("/admin/catalogue/rounds/{id}/edit", this.round.getId())
			.session(session)
			.exchange());
		assertThat(form.select("#deadline").val()).isEqualTo("2027-01-15T23:59:59");
		assertThat(form.text()).contains("Stockholm time (Europe/Stockholm)");

		MvcTestResult saved = save(session, "deadline", "2027-01-22T23:59:59", "documentsDeadline",
				"2027-01-27T23:59:59");
		assertThat(saved).hasRedirectedUrl(reviewUrl());

		// Saved, not yet public: the review page and the programme preview show the
		// change.
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).select(".round-status").text())
			.contains("15 January 2027, 23:59 CET");
		Document review = review(session);
		assertThat(review.select("tr.table-warning").text()).contains("Application deadline",
				"2027-01-15 23:59:59 Europe/Stockholm", "2027-01-22 23:59:59 Europe/Stockholm");
		long programmeId = this.jdbc.sql("select id from programme").query(Long.class).single();
		assertThat(review.select("a[href$=/programmes/" + programmeId + "/preview]")).hasSize(1);
		Document preview = page(this.mvc.get()
			.uri("/admin/catalogue/programmes/{id}/preview", programmeId)
			.session(session)
			.exchange());
		assertThat(preview.select(".round-status").text()).contains("22 January 2027, 23:59 CET");

		assertThat(press(session, review, "publish")).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).select(".round-status").text())
			.contains("22 January 2027, 23:59 CET");
		assertThat(pendingCount()).isZero();
		for (AuditAction action : new AuditAction[] { AuditAction.UPDATE, AuditAction.PUBLISH }) {
			AuditEntry entry = this.auditLog.search(new AuditFilter(null, action, null, null, null), 10).get(0);
			assertThat(entry.actor()).isEqualTo("editor@uni.example");
			assertThat(entry.entityType()).isEqualTo("application-round");
			assertThat(entry.changes()).extracting("field", "before", "after")
				.contains(Tuple.tuple("round.milestone.DEADLINE", "2027-01-15 23:59:59 Europe/Stockholm",
						"2027-01-22 23:59:59 Europe/Stockholm"));
		}
	}

	/** A round's name is translated beside it and published with it (issue 29). */
	@Test
	void aRoundsNameIsTranslatedAndPublished() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document form = page(this.mvc.get()
			.uri("/admin/catalogue/rounds/{id}/edit", this.round.getId())
			.session(session)
			.exchange());
		assertThat(form.select("label[for=translation-sv-name]").text()).isEqualTo("Name in Swedish");
		assertThat(save(session, "translations[sv:name]", "x".repeat(121))).hasStatus(422);
		assertThat(save(session, "translations[sv:name]", "Hösten 2027")).hasRedirectedUrl(reviewUrl());
		Document review = review(session);
		assertThat(review.select("tr.table-warning").text()).contains("Name (Svenska)", "Hösten 2027");
		assertThat(press(session, review, "publish")).hasRedirectedUrl("/admin/catalogue/rounds");

		Document swedish = page(this.mvc.get().uri("/sv/deadlines").exchange());
		assertThat(swedish.select("main").text()).contains("Hösten 2027");
		assertThat(swedish.select("main span:containsOwn(Hösten 2027)").attr("lang")).isEmpty();
		assertThat(page(this.mvc.get().uri("/deadlines").exchange()).select("main").text())
			.doesNotContain("Hösten 2027");
	}

	/**
	 * Chromium sends 12:00 for a datetime-local field that held 12:00:00: untouched
	 * milestones are not changes.
	 */
	@Test
	void milestonesSentWithoutTheirZeroSecondsAreNotChanged() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Map<String, String> values = new LinkedHashMap<>(formValues(session));
		values.replaceAll((name, value) -> value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00")
				? value.substring(0, 16) : value);
		assertThat(save(session, values, "deadline", "2027-01-22T23:59:59", "documentsDeadline", "2027-01-27T23:59:59"))
			.hasRedirectedUrl(reviewUrl());
		assertThat(review(session).select("tr.table-warning th").eachText())
			.containsExactlyInAnyOrder("Application deadline", "Deadline for supporting documents");
	}

	@Test
	void publishingFromAReviewOfOlderChangesIsRefused() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other.editor@uni.example");
		save(first, "name", "Autumn 2027 (reviewed)");
		Document review = review(first);
		assertThat(save(second, "name", "Autumn 2027 (changed after the review)")).hasRedirectedUrl(reviewUrl());
		assertThat(press(first, review, "publish")).hasStatus(409);
		assertThat(this.jdbc.sql("select name from application_round").query(String.class).single())
			.isEqualTo("Round autumn-2027");
		assertThat(press(first, review, "discard")).hasStatus(409);
		assertThat(pendingCount()).isOne();
	}

	@Test
	void aProgrammeLeavingTheRoundKeepsItsPublicRoundUntilPublished() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Map<String, String> values = formValues(session);
		values.remove("programmes");
		assertThat(save(session, values)).hasRedirectedUrl(reviewUrl());
		long programmeId = this.jdbc.sql("select id from programme").query(Long.class).single();
		assertThat(page(
				this.mvc.get().uri("/admin/catalogue/programmes/{id}/preview", programmeId).session(session).exchange())
			.text()).contains("No application round has been announced for this programme yet.");
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).select(".round-status").text())
			.contains("15 January 2027");
		Document review = review(session);
		assertThat(press(session, review, "discard")).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(pendingCount()).isZero();
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.DISCARD, null, null, null), 10)).hasSize(1);
	}

	@Test
	void aJointRoundAdmitsAProgrammeOfAnotherInstitutionOnItsCoordinatorsDates() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Institution other = this.fixtures.institution("other", "Europe/London");
		long foreign = this.fixtures.programme(other, "other-ml", "Other ML").getId();
		Document form = page(this.mvc.get().uri(reviewUrl() + "/edit").session(session).exchange());
		assertThat(form.select("label[for=programme-" + foreign + "]").text()).isEqualTo("Other ML, University other");
		assertThat(save(session, "programmes", Long.toString(foreign))).hasRedirectedUrl(reviewUrl());
		assertThat(press(session, review(session), "publish")).hasRedirectedUrl("/admin/catalogue/rounds");
		// The round keeps its coordinator's zone: the deadline reads in Stockholm time.
		assertThat(page(this.mvc.get().uri("/programmes/other-ml").exchange()).select(".round-panel").text())
			.contains("15 January 2027", "(Europe/Stockholm)", "joint round coordinated by University kth");
	}

	@Test
	void anotherInstitutionsDraftProgrammeIsNeitherOfferedNorAccepted() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Institution kth = this.fixtures.find(Institution.class, this.round.getInstitution().getId());
		Institution other = this.fixtures.institution("northbridge", "Europe/London");
		long ownDraft = this.fixtures.programme(kth, "own-draft", "Own Draft").getId();
		long partnerDraft = this.fixtures.programme(other, "quantum", "Quantum Machine Learning").getId();
		long partnerPublished = this.fixtures.programme(other, "other-ml", "Other ML").getId();
		this.jdbc.sql("update programme set state = 'DRAFT' where id in (:ids)")
			.param("ids", List.of(ownDraft, partnerDraft))
			.update();

		Document edit = page(this.mvc.get().uri(reviewUrl() + "/edit").session(session).exchange());
		assertThat(edit.select("input[name=programmes]").eachAttr("value"))
			.contains(Long.toString(ownDraft), Long.toString(partnerPublished))
			.doesNotContain(Long.toString(partnerDraft));
		assertThat(edit.select("label[for=programme-" + ownDraft + "]").text()).isEqualTo("Own Draft (Draft)");
		Document created = page(this.mvc.get()
			.uri("/admin/catalogue/rounds/new")
			.param("institution", Long.toString(kth.getId()))
			.session(session)
			.exchange());
		assertThat(created.select("input[name=programmes]").eachAttr("value"))
			.contains(Long.toString(ownDraft), Long.toString(partnerPublished))
			.doesNotContain(Long.toString(partnerDraft));

		// Named anyway, it is refused beside the field, and nothing is staged.
		Document refused = page(save(session, "programmes", Long.toString(partnerDraft)));
		assertThat(refused.select("#programmes-error").text()).isEqualTo("Choose among the programmes listed.");
		assertThat(pendingCount()).isZero();
	}

	@Test
	void aProgrammeThatIsNotListedCannotBeChosen() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document page = page(save(session, "programmes", "999999"));
		assertThat(page.select("#programmes-error").text()).isEqualTo("Choose among the programmes listed.");
		assertThat(pendingCount()).isZero();
	}

	@Test
	void aNewRoundReachesItsProgrammesOnlyWhenPublished() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		long programmeId = this.jdbc.sql("select id from programme").query(Long.class).single();
		Document chooser = page(this.mvc.get().uri("/admin/catalogue/rounds/new").session(session).exchange());
		assertThat(chooser.select("select[name=institution] option").text()).contains("University kth");
		Document form = page(this.mvc.get()
			.uri("/admin/catalogue/rounds/new")
			.param("institution", Long.toString(kth))
			.session(session)
			.exchange());
		assertThat(form.text()).contains("Stockholm time (Europe/Stockholm)");
		assertThat(form.select("input[name=programmes]").val()).isEqualTo(Long.toString(programmeId));

		Map<String, String> values = new LinkedHashMap<>();
		values.put("slug", "autumn-2027");
		values.put("name", "Autumn 2028");
		values.put("opens", "2027-10-15T00:00:00");
		values.put("deadline", "2028-01-15T23:59:59");
		values.put("documentsDeadline", "2028-02-01T23:59:59");
		values.put("notification", "2028-04-01T12:00:00");
		values.put("studiesStart", "2028-08-28T09:00:00");
		values.put("choiceLimit", "4");
		values.put("referencesRequired", "2");
		values.put("referencesAtOnce", "true");
		values.put("programmes", Long.toString(programmeId));
		// A programme's own number of references is checked beside its field.
		String ownReferences = "programmeReferences[" + programmeId + "]";
		values.put(ownReferences, "3");
		MvcTestResult tooMany = createRound(session, kth, values);
		assertThat(tooMany).hasStatus(422);
		assertThat(page(tooMany).select("#programmeReferences-" + programmeId + "-error").text())
			.isEqualTo("Enter a whole number from 0 to 2.");
		assertThat(page(tooMany).select("#deadline").val()).isEqualTo("2028-01-15T23:59:59");
		values.put(ownReferences, "1");
		MvcTestResult taken = createRound(session, kth, values);
		assertThat(taken).hasStatus(422);
		Document refused = page(taken);
		assertThat(refused.select("#slug-error").text()).isEqualTo("Another round already uses this address name.");
		assertThat(refused.select("#deadline").val()).isEqualTo("2028-01-15T23:59:59");

		values.put("slug", "autumn-2028");
		MvcTestResult created = createRound(session, kth, values);
		assertThat(created).hasStatus3xxRedirection();
		String review = created.getResponse().getRedirectedUrl();
		assertThat(page(this.mvc.get().uri("/deadlines").exchange()).text()).doesNotContain("Autumn 2028");

		Document reviewPage = page(this.mvc.get().uri(review).session(session).exchange());
		assertThat(reviewPage.select("tr.table-warning").text()).contains("Machine Learning");
		assertThat(reviewPage.select("tbody tr:has(th:containsOwn(References by programme)) td").text())
			.startsWith("Machine Learning: 1");
		// Never published: no column of published values, and the list says so too.
		assertThat(reviewPage.select("table thead th").eachText()).containsExactly("Field", "After publishing");
		assertThat(reviewPage.select("tbody tr:has(th:containsOwn(Application deadline)) td").eachText())
			.containsExactly("2028-01-15 23:59:59 Europe/Stockholm");
		assertThat(reviewPage.text()).contains("This round has never been published.");
		assertThat(page(this.mvc.get().uri("/admin/catalogue/rounds").param("q", "2028").session(session).exchange())
			.select("tbody tr")
			.text()).contains("Autumn 2028", "Not published").doesNotContain("Open for applications", "Opens soon");
		MockHttpServletRequestBuilder publish = MockMvcRequestBuilders.post(review + "/publish")
			.session(session)
			.with(csrf());
		reviewPage.select("form[action$=/publish] input[type=hidden]")
			.stream()
			.filter((input) -> !input.attr("name").equals("_csrf"))
			.forEach((input) -> publish.param(input.attr("name"), input.val()));
		assertThat(this.mvc.perform(publish)).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(page(this.mvc.get().uri("/deadlines").exchange()).text()).contains("Autumn 2028",
				"Machine Learning");
		assertThat(this.jdbc.sql(
				"select references_required || ' ' || references_at_once from application_round where slug = 'autumn-2028'")
			.query(String.class)
			.single()).as("two references, asked as soon as named").isEqualTo("2 true");
		assertThat(this.applicationEvents.stream(RoundReferencesChanged.class))
			.as("its applications are worked out again")
			.hasSize(1);
		assertThat(this.jdbc.sql("select programme_references::text from application_round where slug = 'autumn-2028'")
			.query(String.class)
			.single()).as("but one for Machine Learning").isEqualTo("{\"" + programmeId + "\": 1}");
		assertThat(page(this.mvc.get().uri(review + "/edit").session(session).exchange())
			.select("#programmeReferences-" + programmeId + " option[selected]")
			.val()).isEqualTo("1");
		Document published = page(this.mvc.get().uri(review).session(session).exchange());
		assertThat(published.select("table thead th").eachText()).containsExactly("Field", "Published");
		assertThat(published.select("tbody tr:has(th:containsOwn(Application deadline)) td").eachText())
			.containsExactly("2028-01-15 23:59:59 Europe/Stockholm");
		assertThat(this.auditLog.search(new AuditFilter(null, AuditAction.CREATE, "application-round", null, null), 5))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.summary())
				.isEqualTo("Created the round Autumn 2028 of University kth"));
	}

	MvcTestResult createRound(MockHttpSession session, long institution, Map<String, String> values) {
		MockHttpServletRequestBuilder create = MockMvcRequestBuilders.post("/admin/catalogue/rounds")
			.param("institution", Long.toString(institution))
			.session(session)
			.with(csrf());
		values.forEach(create::param);
		return this.mvc.perform(create);
	}

	@Test
	void milestonesOutOfOrderAreRefusedBesideTheFieldKeepingWhatWasTyped() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		MvcTestResult result = save(session, "deadline", "2026-10-01T12:00", "name", "Autumn 2027 (moved)");
		assertThat(result).hasStatus(422);
		Document page = page(result);
		assertThat(page.select("#deadline-error").text())
			.isEqualTo("The application deadline must come after applications open.");
		assertThat(page.select("#deadline").val()).isEqualTo("2026-10-01T12:00");
		assertThat(page.select("#name").val()).isEqualTo("Autumn 2027 (moved)");
		assertThat(this.jdbc.sql("select name from application_round").query(String.class).single())
			.isEqualTo("Round autumn-2027");
		assertThat(pendingCount()).isZero();
	}

	@Test
	void aReplyByIsTypedInTheZoneRefusedBeforeTheResultsAndShownOnceMilestonesArePublished() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document refused = page(save(session, "replyBy", "2027-01-20T12:00"));
		assertThat(refused.select("#replyBy-error").text())
			.isEqualTo("Replies must be due after the results and before studies start.");
		assertThat(refused.select("#replyBy").val()).isEqualTo("2027-01-20T12:00");
		assertThat(pendingCount()).isZero();

		assertThat(save(session, "replyBy", "2027-02-12T23:59:59")).hasRedirectedUrl(reviewUrl());
		Document review = review(session);
		assertThat(review.select("tr.table-warning").text()).contains("Reply to offers by",
				"2027-02-12 23:59:59 Europe/Stockholm");
		assertThat(press(session, review, "publish")).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(
				this.jdbc.sql("select reply_by_at from application_round").query(Timestamp.class).single().toInstant())
			.isEqualTo(Instant.parse("2027-02-12T22:59:59Z"));
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).text()).contains("Reply to offers by",
				"12 February 2027, 23:59 CET");
	}

	@Test
	void textThatIsNotADateIsRefusedAndKept() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document page = page(save(session, "notification", "early April"));
		assertThat(page.select("#notification-error").text())
			.isEqualTo("Enter a date and time such as 2027-01-15 23:59.");
		assertThat(page.select("#notification").val()).isEqualTo("early April");
	}

	@Test
	void aTimeTheClocksSkipIsRefused() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document page = page(save(session, "notification", "2027-03-28T02:30:00"));
		assertThat(page.select("#notification-error").text())
			.contains("There is no 2027-03-28T02:30:00 in Europe/Stockholm");
	}

	@Test
	void theSecondOfTwoConcurrentEditsGetsTheConflictPageAndNothingIsOverwritten() {
		MockHttpSession first = this.staff.signIn("editor@uni.example");
		MockHttpSession second = this.staff.signIn("other.editor@uni.example");
		// Both open the form before either saves.
		Map<String, String> firstForm = formValues(first);
		Map<String, String> secondForm = formValues(second);
		assertThat(
				save(first, firstForm, "deadline", "2027-01-20T23:59:59", "documentsDeadline", "2027-01-27T23:59:59"))
			.hasRedirectedUrl(reviewUrl());
		MvcTestResult conflict = save(second, secondForm, "deadline", "2027-01-25T23:59:59", "documentsDeadline",
				"2027-01-27T23:59:59");
		assertThat(conflict).hasStatus(409);
		Document page = page(conflict);
		assertThat(page.select("h1").text()).isEqualTo("Someone else saved Round autumn-2027 first");
		assertThat(page.select("tr.table-warning").text()).contains("2027-01-20 23:59:59", "2027-01-25 23:59:59");
		assertThat(this.jdbc.sql("select payload ->> 'deadline' from pending_revision").query(String.class).single())
			.isEqualTo("2027-01-20T23:59:59");
	}

	@Test
	void extraParametersNamedAfterTheEntityChangeNothing() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		long otherInstitution = this.fixtures.institution("other", "Europe/London").getId();
		assertThat(save(session, "name", "Renamed", "id", "999", "slug", "hijacked", "institution.id",
				Long.toString(otherInstitution), "institution", Long.toString(otherInstitution), "programmes", "1",
				"createdAt", "2000-01-01T00:00:00Z", "class.module.classLoader.defaultAssertionStatus", "true"))
			.hasRedirectedUrl(reviewUrl());
		assertThat(press(session, review(session), "publish")).hasRedirectedUrl("/admin/catalogue/rounds");
		assertThat(this.jdbc.sql("select name from application_round").query(String.class).single())
			.isEqualTo("Renamed");
		assertThat(this.jdbc.sql("select slug from application_round").query(String.class).single())
			.isEqualTo("autumn-2027");
		assertThat(this.jdbc.sql("select i.slug from application_round r join institution i on i.id = r.institution_id")
			.query(String.class)
			.single()).isEqualTo("kth");
	}

	@Test
	void onlyAnAdministratorReadsTheAuditLog() {
		assertThat(this.mvc.get().uri("/admin/audit").session(this.staff.signIn("editor@uni.example"))).hasStatus(403);
		MvcTestResult audit = this.mvc.get()
			.uri("/admin/audit")
			.session(this.staff.signIn("admin@uni.example"))
			.exchange();
		assertThat(audit).hasStatusOk();
		assertThat(page(audit).select(".audit-table").text()).contains("admin@uni.example", "Signed in");
	}

	/** A record's history: its own events only, each publication with what it changed. */
	@Test
	void aRoundsHistoryListsItsPublicationsWithWhatEachChanged() {
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		assertThat(review(editor).select("a[href*=/admin/audit]")).isEmpty();
		save(editor, "name", "Autumn 2027 (renamed)");
		assertThat(press(editor, review(editor), "publish")).hasRedirectedUrl("/admin/catalogue/rounds");
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		String history = review(admin).select("a[href*=/admin/audit]").attr("href");
		assertThat(history).isEqualTo("/admin/audit?type=application-round&record=" + this.round.getId());
		Document log = page(this.mvc.get().uri(history).session(admin).exchange());
		assertThat(log.select(".audit-table > tbody > tr > td:nth-child(3)").eachText()).containsExactly("Published",
				"Changed");
		assertThat(log.select(".audit-table > tbody > tr").first().select(".audit-changes").text())
			.contains("Round autumn-2027", "Autumn 2027 (renamed)");
	}

	/**
	 * An event of an institution's record is dated in that institution's zone; one that
	 * belongs to none (a sign-in) says UTC. Coded values read as words.
	 */
	@Test
	void theAuditLogDatesEachEventInItsInstitutionsZoneAndSpellsValuesOut() {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.auditLog.recordAs("editor@uni.example", AuditAction.UPDATE,
					"application-round", this.round.getId(), "Changed the syllabus",
					List.of(new FieldChange("course.form.syllabus.valid-from", "SPRING 2027", "AUTUMN 2027"),
							new FieldChange("course.grading-scale", "P_F", "A_F"))));
		MockHttpSession admin = this.staff.signIn("admin@uni.example");
		this.clock.setInstant(NOW.plusSeconds(60));
		Document log = page(this.mvc.get().uri("/admin/audit").session(admin).exchange());
		Elements rows = log.select(".audit-table > tbody > tr");
		Element change = rows.stream()
			.filter((row) -> row.text().contains("Changed the syllabus"))
			.findFirst()
			.orElseThrow();
		assertThat(change.select("td").first().text()).isEqualTo("21 November 2026, 13:00 CET");
		assertThat(change.select(".audit-changes tbody").text())
			.contains("Spring 2027", "Autumn 2027", "A, B, C, D, E, FX, F", "P, F")
			.doesNotContain("AUTUMN", "A_F");
		Element signIn = rows.stream().filter((row) -> row.text().contains("Signed in")).findFirst().orElseThrow();
		assertThat(signIn.select("td").first().text()).isEqualTo("2026-11-21 12:00:00 UTC");
		assertThat(log.select(".audit-table th").first().text()).doesNotContain("UTC");
	}

	@Test
	void theRoundsListSearchesAndLinksToEditing() {
		MockHttpSession session = this.staff.signIn("editor@uni.example");
		Document list = page(
				this.mvc.get().uri("/admin/catalogue/rounds").param("q", "autumn").session(session).exchange());
		assertThat(list.select("tbody tr").text()).contains("Round autumn-2027", "15 January 2027, 23:59 CET",
				"Open for applications");
		Document none = page(
				this.mvc.get().uri("/admin/catalogue/rounds").param("q", "spring").session(session).exchange());
		assertThat(none.text()).contains("No round matches.");
	}

}
