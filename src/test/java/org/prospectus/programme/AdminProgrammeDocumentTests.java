package org.prospectus.programme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.UploadFiles;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditEntry;
import org.prospectus.audit.AuditFilter;
import org.prospectus.audit.AuditLog;
import org.prospectus.course.Course;
import org.prospectus.institution.Institution;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalIntegrationTest
class AdminProgrammeDocumentTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final String EDITOR = "doc-editor@uni.example";

	static final String OFFICER = "doc-admissions@uni.example";

	@LocalServerPort
	int port;

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

	@Autowired
	ProgrammeDocuments documents;

	@Autowired
	TransactionTemplate transactions;

	long id;

	/** Audit events before this test's: the audit log is never emptied. */
	long lastEventBefore;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		Institution kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.id = this.fixtures.programme(kth, "ml", "Machine Learning").getId();
		this.staff.create(EDITOR, "Editor", StaffRole.EDITOR);
		this.staff.create(OFFICER, "Officer", StaffRole.ADMISSIONS);
		this.lastEventBefore = this.jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

	@AfterEach
	void reset() {
		this.clock.reset();
		SecurityContextHolder.clearContext();
	}

	String uri() {
		return "/admin/catalogue/programmes/" + this.id + "/document";
	}

	MvcTestResult upload(MockHttpSession session, String filename, byte[] content) {
		return this.mvc.post()
			.uri(uri())
			.multipart()
			.file(new MockMultipartFile("file", filename, "application/pdf", content))
			.session(session)
			.with(csrf())
			.exchange();
	}

	long draftRows() {
		return this.jdbc.sql("select count(*) from programme_document_draft").query(Long.class).single();
	}

	List<AuditEntry> audit(AuditAction action) {
		return this.auditLog.search(new AuditFilter(null, action, ProgrammeDocuments.ENTITY_TYPE, NOW, null), 10)
			.stream()
			.filter((entry) -> entry.id() > this.lastEventBefore)
			.toList();
	}

	void promote() {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting(EDITOR, EnumSet.of(StaffRole.EDITOR), Map.of())));
		try {
			Boolean promoted = this.transactions.execute((status) -> this.documents.promotePending(this.id));
			assertThat(promoted).isTrue();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void aPdfIsStagedAndReachesThePublicPageOnlyWhenPromoted() throws Exception {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		byte[] pdf = UploadFiles.pdf("Course description, first edition");
		assertThat(upload(editor, "../../etc/My Brochure.pdf", pdf)).hasRedirectedUrl(uri());

		assertThat(this.jdbc.sql("select filename, size, sha256, uploaded_at from programme_document_draft")
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
					+ rs.getTimestamp(4).toInstant())
			.single()).isEqualTo("ml-course-description.pdf " + pdf.length + " " + sha256(pdf) + " " + NOW);
		assertThat(this.mvc.get().uri("/programmes/ml/course-description.pdf")).hasStatus(404);
		assertThat(page(this.mvc.get().uri("/programmes/ml").exchange()).select("a[href$=course-description.pdf]"))
			.isEmpty();

		Document staffPage = page(this.mvc.get().uri(uri()).session(editor).exchange());
		assertThat(staffPage.select("#pending-document").text()).startsWith("ml-course-description.pdf, ");
		assertThat(staffPage.select("#published-heading + p").text())
			.isEqualTo("The public page offers no course description document.");
		assertThat(staffPage.select("#file-hint").text()).startsWith("PDF only, up to 10 MB.");
		assertThat(staffPage.select("form[enctype=multipart/form-data] input[name=_csrf]")).hasSize(1);

		MvcTestResult pending = this.mvc.get().uri(uri() + "/pending.pdf").session(editor).exchange();
		assertThat(pending).hasStatusOk().hasContentType("application/pdf");
		assertThat(pending.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(pending.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("ml-course-description.pdf");
		assertThat(pending.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
		assertThat(pending.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(pending.getResponse().getHeader("Cache-Control")).contains("no-store");

		assertThat(audit(AuditAction.UPDATE)).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo(EDITOR);
			assertThat(entry.entityId()).isEqualTo(this.id);
			assertThat(entry.summary()).contains("Machine Learning", "My Brochure.pdf").doesNotContain("etc");
			assertThat(entry.changes()).extracting((change) -> change.after()).contains(sha256(pdf));
		});

		promote();

		assertThat(draftRows()).isZero();
		assertThat(this.jdbc.sql("select document_filename || ' ' || document_size from programme where id = :id")
			.param("id", this.id)
			.query(String.class)
			.single()).isEqualTo("ml-course-description.pdf " + pdf.length);
		MvcTestResult download = this.mvc.get().uri("/programmes/ml/course-description.pdf").exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(this.jdbc.sql("select sha256 from programme_document").query(String.class).single())
			.isEqualTo(sha256(pdf));
		assertThat(audit(AuditAction.PUBLISH)).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo(EDITOR);
			assertThat(entry.changes()).extracting((change) -> change.after())
				.contains("ml-course-description.pdf", Long.toString(pdf.length), sha256(pdf));
		});
	}

	MvcTestResult publishFrom(MockHttpSession session, Document preview) {
		var post = this.mvc.post()
			.uri("/admin/catalogue/programmes/{id}/publish", this.id)
			.session(session)
			.with(csrf());
		preview.select("form[action$=/publish] input[type=hidden]")
			.stream()
			.filter((input) -> !input.attr("name").equals("_csrf"))
			.forEach((input) -> post.param(input.attr("name"), input.val()));
		return post.exchange();
	}

	@Test
	void thePreviewOffersTheWaitingDocumentAndPublishingThePageMakesItPublic() throws Exception {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		byte[] pdf = UploadFiles.pdf("Course description for the preview");
		upload(editor, "brochure.pdf", pdf);
		Document preview = page(
				this.mvc.get().uri("/admin/catalogue/programmes/{id}/preview", this.id).session(editor).exchange());
		assertThat(preview.select("a[href$=/document/pending.pdf]")).hasSize(1);
		assertThat(preview.select("form[action$=/publish] input[name=document]").val()).isEqualTo(sha256(pdf));

		assertThat(publishFrom(editor, preview)).hasRedirectedUrl("/admin/catalogue/programmes");
		assertThat(draftRows()).isZero();
		assertThat(this.mvc.get()
			.uri("/programmes/ml/course-description.pdf")
			.exchange()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(pdf);
	}

	@Test
	void aDocumentUploadedAfterThePreviewIsNotPublishedUnseen() throws Exception {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		upload(editor, "first.pdf", UploadFiles.pdf("The one previewed"));
		Document preview = page(
				this.mvc.get().uri("/admin/catalogue/programmes/{id}/preview", this.id).session(editor).exchange());
		upload(editor, "second.pdf", UploadFiles.pdf("Uploaded after the preview was shown"));
		assertThat(publishFrom(editor, preview)).hasStatus(409);
		assertThat(draftRows()).isOne();
		assertThat(this.mvc.get().uri("/programmes/ml/course-description.pdf")).hasStatus(404);
	}

	@Test
	void aSecondUploadReplacesTheWaitingOneAndLeavesThePublicOneAlone() throws Exception {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		byte[] first = UploadFiles.pdf("First");
		byte[] second = UploadFiles.pdf("Second, longer than the first");
		upload(editor, "a.pdf", first);
		promote();
		upload(editor, "b.pdf", second);
		assertThat(this.jdbc.sql("select sha256 from programme_document_draft").query(String.class).single())
			.isEqualTo(sha256(second));
		assertThat(this.mvc.get()
			.uri("/programmes/ml/course-description.pdf")
			.exchange()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(first);
		upload(editor, "c.pdf", first);
		assertThat(draftRows()).isOne();
	}

	@Test
	void promotingNeedsTheCallersTransaction() {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting(EDITOR, EnumSet.of(StaffRole.EDITOR), Map.of())));
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.documents.promotePending(this.id));
	}

	@Test
	void promotingWithNothingWaitingChangesNothing() {
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal
				.authentication(StaffPrincipal.acting(EDITOR, EnumSet.of(StaffRole.EDITOR), Map.of())));
		Boolean promoted = this.transactions.execute((status) -> this.documents.promotePending(this.id));
		assertThat(promoted).isFalse();
		assertThat(audit(AuditAction.PUBLISH)).isEmpty();
	}

	@Test
	void htmlNamedPdfIsRefusedByItsContent() {
		assertRefused(
				upload(this.staff.signIn(EDITOR), "brochure.pdf",
						"<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
				"The file is not a PDF, whatever its name says.");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused(upload(this.staff.signIn(EDITOR), "empty.pdf", new byte[0]), "Choose a PDF file to upload");
	}

	@Test
	void noFileAtAllIsRefused() {
		MvcTestResult result = this.mvc.post()
			.uri(uri())
			.multipart()
			.param("ignored", "x")
			.session(this.staff.signIn(EDITOR))
			.with(csrf())
			.exchange();
		assertRefused(result, "Choose a PDF file to upload");
	}

	@Test
	void aCorruptPdfIsRefused() {
		byte[] corrupt = ("%PDF-1.4\n" + "garbage ".repeat(500)).getBytes(StandardCharsets.US_ASCII);
		assertRefused(upload(this.staff.signIn(EDITOR), "broken.pdf", corrupt), "The file could not be read as a PDF");
	}

	@Test
	void aTruncatedPdfIsRefused() throws Exception {
		byte[] pdf = UploadFiles.pdf("Cut short");
		assertRefused(upload(this.staff.signIn(EDITOR), "cut.pdf", Arrays.copyOf(pdf, pdf.length / 3)),
				"The file could not be read as a PDF");
	}

	@Test
	void aPasswordProtectedPdfIsRefused() throws Exception {
		assertRefused(upload(this.staff.signIn(EDITOR), "secret.pdf", UploadFiles.encryptedPdf("open sesame")),
				"The PDF is protected by a password");
	}

	@Test
	void anEncryptedPdfWithoutUserPasswordIsRefused() throws Exception {
		assertRefused(upload(this.staff.signIn(EDITOR), "locked.pdf", UploadFiles.encryptedPdf("")),
				"The PDF is protected by a password");
	}

	@Test
	void aFileOverTenMegabytesIsRefusedWithAMessage() {
		byte[] large = new byte[(int) ProgrammeDocuments.MAX_SIZE + 1];
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
		assertRefused(upload(this.staff.signIn(EDITOR), "large.pdf", large), "The file is larger than 10 MB.");
	}

	@Test
	void anAdmissionsOfficerCanNeitherSeeNorUpload() throws Exception {
		MockHttpSession officer = this.staff.signIn(OFFICER);
		assertThat(this.mvc.get().uri(uri()).session(officer)).hasStatus(403);
		assertThat(upload(officer, "a.pdf", UploadFiles.pdf("x"))).hasStatus(403);
		assertThat(this.mvc.post().uri(uri() + "/discard").session(officer).with(csrf())).hasStatus(403);
		assertThat(this.mvc.get().uri(uri() + "/pending.pdf").session(officer)).hasStatus(403);
		assertThat(draftRows()).isZero();
	}

	@Test
	void anUploadWithoutCsrfTokenIsRefused() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri(uri())
			.multipart()
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", UploadFiles.pdf("x")))
			.session(this.staff.signIn(EDITOR))
			.exchange();
		assertThat(result).hasStatus(403);
		assertThat(draftRows()).isZero();
	}

	@Test
	void discardingRemovesTheWaitingUploadAndIsAudited() throws Exception {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		upload(editor, "a.pdf", UploadFiles.pdf("x"));
		assertThat(this.mvc.post().uri(uri() + "/discard").session(editor).with(csrf())).hasRedirectedUrl(uri());
		assertThat(draftRows()).isZero();
		assertThat(this.mvc.get().uri(uri() + "/pending.pdf").session(editor)).hasStatus(404);
		assertThat(audit(AuditAction.DELETE)).singleElement()
			.satisfies((entry) -> assertThat(entry.actor()).isEqualTo(EDITOR));
	}

	@Test
	void anUnknownProgrammeIsNotFound() {
		MockHttpSession editor = this.staff.signIn(EDITOR);
		assertThat(this.mvc.get().uri("/admin/catalogue/programmes/999999/document").session(editor)).hasStatus(404);
	}

	void assertRefused(MvcTestResult result, String message) {
		assertThat(result).hasStatusOk();
		Document page = page(result);
		assertThat(page.select("#file-error").text()).startsWith(message);
		assertThat(page.select("#file").attr("aria-describedby")).contains("file-error");
		assertThat(page.select("#file").hasClass("is-invalid")).isTrue();
		assertThat(page.select(".alert-danger a[href=#file]").text()).startsWith(message);
		assertThat(draftRows()).isZero();
		assertThat(audit(AuditAction.UPDATE)).isEmpty();
	}

	// Over real HTTP, where Tomcat parses the multipart body and applies its limits.

	@Test
	void overRealHttpTheCsrfTokenInTheMultipartBodyIsAccepted() throws Exception {
		Http http = new Http();
		http.signIn(EDITOR);
		byte[] pdf = UploadFiles.pdf("Sent over HTTP");
		HttpResponse<String> response = http.upload(http.csrfTokenOf(uri()), pdf);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith(uri()));
		assertThat(this.jdbc.sql("select sha256 from programme_document_draft").query(String.class).single())
			.isEqualTo(sha256(pdf));
	}

	@Test
	void overRealHttpAnUploadBeyondTheContainerLimitsGetsTheFormWithAMessage() throws Exception {
		Http http = new Http();
		http.signIn(EDITOR);
		// Over the file limit but not the request limit, then over both.
		for (int size : new int[] { (int) ProgrammeDocuments.MAX_SIZE + 1, 12 * 1024 * 1024 }) {
			byte[] large = new byte[size];
			System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
			HttpResponse<String> response = http.upload(http.csrfTokenOf(uri()), large);
			assertThat(response.statusCode()).as(size + " bytes: " + response.body()).isEqualTo(303);
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(location).endsWith(uri() + "?upload-too-large");
			Document page = Jsoup.parse(http.get(location).body());
			assertThat(page.select("#file-error").text()).as(size + " bytes")
				.startsWith("The file is larger than 10 MB.");
		}
		assertThat(draftRows()).isZero();
		assertThat(audit(AuditAction.UPDATE)).isEmpty();
	}

	@Test
	void overRealHttpAnOversizeUploadWithoutCsrfTokenChangesNothing() throws Exception {
		Http http = new Http();
		http.signIn(EDITOR);
		byte[] large = new byte[12 * 1024 * 1024];
		HttpResponse<String> response = http.upload(null, large);
		// Sent back to the form like any oversize upload, and nothing is stored.
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(draftRows()).isZero();
	}

	/** A browser's part: cookies, the sign-in form and a multipart upload. */
	class Http {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		URI at(String path) {
			return URI.create(path.startsWith("http") ? path
					: "http://localhost:" + AdminProgrammeDocumentTests.this.port + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(at(path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrfTokenOf(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body()).select("input[name=_csrf]").first().val();
		}

		void signIn(String email) throws IOException, InterruptedException {
			String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(StaffSessions.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrfTokenOf("/login"), StandardCharsets.UTF_8);
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(at("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(302);
		}

		HttpResponse<String> upload(String csrfToken, byte[] content) throws IOException, InterruptedException {
			String boundary = "----prospectus" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (csrfToken != null) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
						+ csrfToken + "\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			}
			body.writeBytes(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.pdf\"\r\n"
							+ "Content-Type: application/pdf\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			return this.client.send(HttpRequest.newBuilder(at(uri()))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
