package org.prospectus.decisions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.applications.UploadFiles;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
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
 * An admissions officer works one submitted application: reads it as submitted, opens its
 * documents (each opening audited), gives verdicts, asks for documents, moves it along
 * the allowed transitions to a decision, and keeps notes; a colleague deciding on a stale
 * page gets the 409 page; the applicant sees the decision, and is e-mailed it, only from
 * the round's notification date.
 */
@PortalIntegrationTest
class ApplicationReviewTests {

	/** The fixtures' round: documents a week after the deadline, results a week later. */
	static final Instant NOTIFICATION = Instant.parse("2027-01-29T22:59:59Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	StaffSessions staff;

	@Autowired
	DecisionNotifier notifier;

	Applying applying;

	long ml;

	long applied;

	MockHttpSession applicant;

	String id;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.applied = catalogue.applied();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.applicant = this.applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = this.applying.start(this.applicant);
		this.applying.fillEverything(this.applicant, this.id, "SE", this.ml, this.applied);
		assertThat(this.applying.submit(this.applicant, this.id)).hasRedirectedUrl("/applications/" + this.id);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.staff.create("second@uni.example", "Sam Second", StaffRole.ADMISSIONS);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Document detail(MockHttpSession officer) {
		MvcTestResult result = this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer).exchange();
		assertThat(result).hasStatusOk();
		return page(result);
	}

	MvcTestResult post(MockHttpSession officer, String path, String... pairs) {
		var request = this.mvc.post().uri("/admin/applications/" + this.id + path).session(officer).with(csrf());
		for (int i = 0; i < pairs.length; i += 2) {
			request = request.param(pairs[i], pairs[i + 1]);
		}
		return request.exchange();
	}

	MvcTestResult move(MockHttpSession officer, String status, String... more) {
		String version = detail(officer).select("form[action$=/status] input[name=version]").val();
		String[] pairs = new String[more.length + 4];
		pairs[0] = "status";
		pairs[1] = status;
		pairs[2] = "version";
		pairs[3] = version;
		System.arraycopy(more, 0, pairs, 4, more.length);
		return post(officer, "/status", pairs);
	}

	String status() {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", this.id)
			.query(String.class)
			.single();
	}

	List<String> history() {
		return this.jdbc
			.sql("select action from audit_event where entity_uuid = cast(:id as uuid) order by occurred_at, id")
			.param("id", this.id)
			.query(String.class)
			.list();
	}

	String applicantStatusPage() {
		MvcTestResult result = this.mvc.get().uri("/applications/{id}", this.id).session(this.applicant).exchange();
		assertThat(result).hasStatusOk();
		return page(result).select("main").text();
	}

	String accountPage() {
		MvcTestResult result = this.mvc.get().uri("/account").session(this.applicant).exchange();
		assertThat(result).hasStatusOk();
		return page(result).select("main").text();
	}

	@Test
	void theOfficerReadsTheAnswersAsSubmittedWithTheDocumentChecklist() {
		// A later draft edit cannot exist, but the snapshot is what is shown even so.
		this.jdbc.sql("update application set answers = '{}'::jsonb where id = cast(:id as uuid)")
			.param("id", this.id)
			.update();
		Document page = detail(this.staff.signIn("officer@uni.example"));
		assertThat(page.select("h1").text()).isEqualTo("Ada Lovelace, application "
				+ this.jdbc.sql("select reference from application").query(String.class).single());
		assertThat(page.select("#answers-heading ~ section").text()).contains("Ada", "Lovelace", "Uppsala University",
				"I want to build learning systems that last.");
		// Each names its institution, so that programmes of a joint round that share a
		// title cannot be confused.
		assertThat(page.select("#choices-heading + ol li").eachText())
			.containsExactly("Machine Learning, University kth", "Applied Machine Learning, University kth");
		assertThat(page.select("#checklist tbody th[scope=row] > span:first-child").eachText())
			.containsExactly("Transcript of records", "Degree certificate", "Passport or national identity card");
		assertThat(page.select("#checklist tbody td .badge").eachText()).containsOnly("Received, not checked");
	}

	/** What fillEverything types, as a reader sees it. */
	static final List<String> EVERY_ANSWER = List.of("Ada", "Lovelace", "2000-12-10", "Drottninggatan 1", "Flat 2B",
			"Stockholm", "111 51", "+46 8 123 456", "Sweden", "Norway", "Uppsala University", "Bachelor of Science",
			"Mathematics", "2019-09", "2022-06", "Machine Learning", "Applied Machine Learning",
			"I want to build learning systems that last.");

	@Test
	void everyAnswerTypedIsShownToTheApplicantBeforeSubmittingAndToTheOfficer() {
		MockHttpSession grace = this.applying.applicant("grace@example.org", "Grace Hopper");
		String draft = this.applying.start(grace);
		this.applying.fillEverything(grace, draft, "SE", this.ml, this.applied);
		String checkYourAnswers = page(this.mvc.get().uri("/applications/{id}/review", draft).session(grace).exchange())
			.select("main")
			.text();
		assertThat(checkYourAnswers).contains(EVERY_ANSWER);
		assertThat(this.applying.submit(grace, draft)).hasRedirectedUrl("/applications/" + draft);
		MvcTestResult detail = this.mvc.get()
			.uri("/admin/applications/{id}", draft)
			.session(this.staff.signIn("officer@uni.example"))
			.exchange();
		String staffPage = page(detail).select("#answers-heading ~ section").text();
		assertThat(staffPage).contains(EVERY_ANSWER);
		assertThat(page(detail).text()).doesNotContain("You pay", "you can submit", "you chose");
	}

	@Test
	void aDraftIsNotTheOfficersToSee() {
		MockHttpSession other = this.applying.applicant("grace@example.org", "Grace Hopper");
		String draft = this.applying.start(other);
		assertThat(this.mvc.get()
			.uri("/admin/applications/{id}", draft)
			.session(this.staff.signIn("officer@uni.example"))
			.exchange()).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/admin/applications/not-a-uuid")
			.session(this.staff.signIn("officer@uni.example"))
			.exchange()).hasStatus(404);
	}

	@Test
	void everyDocumentOpeningIsAuditedAndServedSoNothingInItCanRun() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		Document page = detail(officer);
		String view = page.select("#check-transcript td a").first().attr("href");
		String download = page.select("#check-transcript td a[href*=download]").attr("href");

		MvcTestResult shown = this.mvc.get().uri(view).session(officer).exchange();
		assertThat(shown).hasStatusOk().hasContentType("application/pdf");
		assertThat(shown.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
		assertThat(shown.getResponse().getHeader("Content-Security-Policy")).contains("sandbox")
			.contains("default-src 'none'");
		assertThat(shown.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(shown.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(shown.getResponse().getContentAsByteArray()).startsWith("%PDF-".getBytes());

		MvcTestResult saved = this.mvc.get().uri(download).session(officer).exchange();
		assertThat(saved.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");

		assertThat(history()).endsWith("VIEW", "DOWNLOAD");
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'VIEW'").query(String.class).single())
			.isEqualTo("officer@uni.example");
		assertThat(this.mvc.get()
			.uri("/admin/applications/{id}/documents/{doc}", this.id, UUID.randomUUID())
			.session(officer)
			.exchange()).hasStatus(404);
	}

	@Test
	void theOfficerMovesTheApplicationToAnOfferOnARankedProgrammeAndEveryStepIsInTheHistory() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		assertThat(move(officer, "ELIGIBILITY_CHECKED")).hasRedirectedUrl("/admin/applications/" + this.id);
		assertThat(move(officer, "UNDER_REVIEW")).hasRedirectedUrl("/admin/applications/" + this.id);

		MvcTestResult noProgramme = move(officer, "ADMITTED");
		assertThat(noProgramme).hasStatus(422);
		assertThat(page(noProgramme).select("#programme-error").text())
			.isEqualTo("Choose the ranked programme the offer or reserve place is for.");
		long elsewhere = this.fixtures
			.programme(this.fixtures.institution("other", "Europe/London"), "other-ml", "Other ML")
			.getId();
		assertThat(move(officer, "ADMITTED", "programme", Long.toString(elsewhere))).hasStatus(422);

		assertThat(move(officer, "ADMITTED", "programme", Long.toString(this.applied)))
			.hasRedirectedUrl("/admin/applications/" + this.id);
		assertThat(status()).isEqualTo("ADMITTED");
		assertThat(this.jdbc.sql("select decision_programme_id from application").query(Long.class).single())
			.isEqualTo(this.applied);
		assertThat(history()).containsExactly("UPLOAD", "UPLOAD", "UPLOAD", "SUBMIT", "STATUS_CHANGE", "STATUS_CHANGE",
				"STATUS_CHANGE");
		Document page = detail(officer);
		assertThat(page.select("#history-heading + ol li").last().text()).contains("officer@uni.example",
				"from Under review to Admitted");
		assertThat(page.select("select#status option").eachAttr("value")).containsExactly("", "UNDER_REVIEW");
	}

	@Test
	void aMoveOutsideTheTableOrARefusalWithoutAReasonComesBackWithTheReasonBesideTheField() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		MvcTestResult skip = move(officer, "ADMITTED", "programme", Long.toString(this.ml));
		assertThat(skip).hasStatus(422);
		assertThat(page(skip).select("#status-error").text()).isEqualTo("Choose one of the statuses listed.");

		MvcTestResult refusal = move(officer, "NOT_ADMITTED", "reason", "  ");
		assertThat(refusal).hasStatus(422);
		Document page = page(refusal);
		assertThat(page.select("#reason-error").text()).isEqualTo("Give the reason.");
		assertThat(page.select("select#status option[selected]").val()).isEqualTo("NOT_ADMITTED");
		assertThat(status()).isEqualTo("SUBMITTED");
	}

	@Test
	void twoOfficersDecidingAtOnceTheSecondGetsTheConflictPageAndOverwritesNothing() {
		MockHttpSession first = this.staff.signIn("officer@uni.example");
		MockHttpSession second = this.staff.signIn("second@uni.example");
		String version = detail(second).select("form[action$=/status] input[name=version]").val();
		assertThat(move(first, "NOT_ADMITTED", "reason", "The degree is not in a relevant subject."))
			.hasRedirectedUrl("/admin/applications/" + this.id);

		MvcTestResult stale = post(second, "/status", "status", "ELIGIBILITY_CHECKED", "version", version);
		assertThat(stale).hasStatus(409);
		Document page = page(stale);
		assertThat(page.select("tr.table-warning").text()).contains("NOT_ADMITTED", "ELIGIBILITY_CHECKED");
		assertThat(status()).isEqualTo("NOT_ADMITTED");
	}

	@Test
	void aRejectedDocumentIsMissingAgainUntilTheApplicantUploadsAnother() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		MvcTestResult noReason = post(officer, "/documents/transcript/check", "verdict", "REJECTED");
		assertThat(noReason).hasStatus(422);
		assertThat(page(noReason).select("#transcript-reason-error").text())
			.isEqualTo("Say why the document is rejected, so the applicant knows what to send instead.");

		assertThat(post(officer, "/documents/transcript/check", "verdict", "REJECTED", "reason",
				"The grades page is missing."))
			.hasRedirectedUrl("/admin/applications/" + this.id + "#checklist");
		assertThat(post(officer, "/documents/passport/check", "verdict", "VERIFIED"))
			.hasRedirectedUrl("/admin/applications/" + this.id + "#checklist");
		assertThat(missing()).isTrue();
		assertThat(applicantStatusPage())
			.contains("Transcript of records: Rejected (not accepted: The grades page is missing.)");

		this.clock.setInstant(this.clock.instant().plusSeconds(60));
		assertThat(this.applying.upload(this.applicant, this.id, "TRANSCRIPT", "transcript.pdf",
				UploadFiles.pdf("All pages")))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(this.id));
		assertThat(missing()).isFalse();
		Document page = detail(officer);
		assertThat(page.select("#check-transcript .badge").text()).isEqualTo("Received, not checked");
		assertThat(page.select("#check-passport .badge").text()).isEqualTo("Verified");
		assertThat(page.select("#check-transcript td a:not([href*=download])").eachText()).hasSize(2);
	}

	boolean missing() {
		return this.jdbc.sql("select missing_documents from application").query(Boolean.class).single();
	}

	@Test
	void askingForDocumentsEmailsTheApplicantAndKeepsUploadsOpenUntilThatDate() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		post(officer, "/documents/transcript/check", "verdict", "REJECTED", "reason", "Unreadable scan.");
		String version = detail(officer).select("form[action$=/request-documents] input[name=version]").val();
		MvcTestResult past = post(officer, "/request-documents", "by", "2027-01-09", "message", "Send it again.",
				"version", version);
		assertThat(past).hasStatus(422);
		assertThat(page(past).select("#by-error").text()).isEqualTo("Choose a date that has not passed.");

		assertThat(post(officer, "/request-documents", "by", "2027-02-05", "message",
				"Please send a readable scan of your transcript.", "version", version))
			.hasRedirectedUrl("/admin/applications/" + this.id);
		assertThat(status()).isEqualTo("DOCUMENTS_MISSING");
		String mail = this.jdbc
			.sql("select text_body from mail_outbox where recipient = 'ada@example.org' and subject like 'We need%'")
			.query(String.class)
			.single();
		assertThat(mail).contains("by 5 February 2027, 23:59 CET", "- Transcript of records",
				"Please send a readable scan of your transcript.", "/applications/" + this.id + "/documents");
		assertThat(applicantStatusPage()).contains("Documents missing",
				"The admissions office asks you for documents by 5 February 2027, 23:59 CET.",
				"Please send a readable scan of your transcript.");

		// After the round's documents deadline, but before the date asked for.
		this.clock.setInstant(Instant.parse("2027-02-05T22:59:59Z"));
		assertThat(this.applying.upload(this.applicant, this.id, "TRANSCRIPT", "transcript.pdf",
				UploadFiles.pdf("Readable")))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(this.id));
		this.clock.setInstant(Instant.parse("2027-02-05T23:00:00Z"));
		assertThat(
				this.applying.upload(this.applicant, this.id, "TRANSCRIPT", "transcript.pdf", UploadFiles.pdf("Late")))
			.hasStatus(422);
	}

	@Test
	void theApplicantSeesTheDecisionAndIsEmailedItOnlyFromTheNotificationDate() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		move(officer, "ELIGIBILITY_CHECKED");
		move(officer, "UNDER_REVIEW");
		assertThat(move(officer, "ADMITTED", "programme", Long.toString(this.ml)))
			.hasRedirectedUrl("/admin/applications/" + this.id);

		this.clock.setInstant(NOTIFICATION.minusSeconds(1));
		assertThat(applicantStatusPage()).contains("Under review").doesNotContain("Admitted", "offered a place");
		assertThat(accountPage()).contains("Under review").doesNotContain("Admitted");
		assertThat(this.notifier.notifyDue()).isZero();

		this.clock.setInstant(NOTIFICATION);
		assertThat(applicantStatusPage()).contains("Admitted", "You are offered a place on Machine Learning.");
		assertThat(accountPage()).contains("Admitted");
		assertThat(this.notifier.notifyDue()).isEqualTo(1);
		assertThat(this.notifier.notifyDue()).as("told once").isZero();
		assertThat(this.jdbc.sql("select text_body from mail_outbox where subject = 'A decision on your application'")
			.query(String.class)
			.single()).contains("You are offered a place on Machine Learning.");

		MvcTestResult takeBack = move(officer, "UNDER_REVIEW", "reason", "Wrong programme.");
		assertThat(takeBack).hasStatus(422);
		assertThat(page(takeBack).select("#status-error").text())
			.isEqualTo("The applicant has been told of this decision, so it cannot be taken back here.");
	}

	@Test
	void anApplicationUndecidedAfterTheResultsSaysSoRatherThanADateGone() {
		assertThat(applicantStatusPage()).contains("Results are published on 29 January 2027.");
		this.clock.setInstant(NOTIFICATION.plusSeconds(86400));
		assertThat(applicantStatusPage())
			.contains("Results came out on 29 January 2027", "has not decided on this application yet")
			.doesNotContain("Results are published on");
	}

	@Test
	void aDecisionNotYetToldCanBeTakenBackWithAReason() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		move(officer, "NOT_ADMITTED", "reason", "Not eligible.");
		assertThat(move(officer, "UNDER_REVIEW")).hasStatus(422);
		assertThat(move(officer, "UNDER_REVIEW", "reason", "The transcript was misread."))
			.hasRedirectedUrl("/admin/applications/" + this.id);
		this.clock.setInstant(NOTIFICATION);
		assertThat(this.notifier.notifyDue()).isZero();
	}

	@Test
	void theApplicantCanWithdrawAnUntoldDecisionSoNothingShowsThrough() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		move(officer, "NOT_ADMITTED", "reason", "Not eligible.");
		assertThat(this.mvc.post()
			.uri("/applications/{id}/withdraw", this.id)
			.session(this.applicant)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/applications/" + this.id);
		assertThat(status()).isEqualTo("WITHDRAWN");
		assertThat(history()).endsWith("WITHDRAW");
	}

	@Test
	void notesAreForStaffOnly() {
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		MvcTestResult empty = post(officer, "/notes", "body", " ");
		assertThat(empty).hasStatus(422);
		assertThat(page(empty).select("#body-error").text()).isEqualTo("Write the note first.");
		assertThat(post(officer, "/notes", "body", "Strong statement; check the grade scale."))
			.hasRedirectedUrl("/admin/applications/" + this.id + "#notes");
		assertThat(detail(officer).select("#notes article").text()).contains("officer@uni.example",
				"Strong statement; check the grade scale.");
		assertThat(applicantStatusPage()).doesNotContain("Strong statement");
		assertThat(Map.of("history", history())).extractingByKey("history").asList().endsWith("NOTE");
	}

}
