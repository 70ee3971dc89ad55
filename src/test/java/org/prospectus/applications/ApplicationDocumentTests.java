package org.prospectus.applications;

import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An applicant uploads documents to an application: accepted by content alone, listed,
 * downloaded only by their owner as attachments; hostile files, empty and oversize ones
 * and the 21st are refused beside the field with nothing stored; after submitting,
 * documents can only be added, until the documents deadline to the second.
 */
@PortalIntegrationTest
class ApplicationDocumentTests {

	static final Instant DEADLINE = Applying.DEADLINE;

	/** The fixtures put the documents deadline a week after the application deadline. */
	static final Instant DOCUMENTS_DEADLINE = Instant.parse("2027-01-22T22:59:59Z");

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	ApplicationDocuments documents;

	Applying applying;

	long ml;

	long applied;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.applied = catalogue.applied();
		this.applying = new Applying(this.mvc, this.jdbc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	String uri(String id) {
		return "/applications/" + id + "/documents";
	}

	long rows() {
		return this.jdbc.sql("select count(*) from application_document").query(Long.class).single();
	}

	Document documentsPage(MockHttpSession session, String id) {
		MvcTestResult result = this.mvc.get().uri(uri(id)).session(session).exchange();
		assertThat(result).hasStatusOk();
		return page(result);
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	@Test
	void pdfJpegAndPngAreStoredUnderTheServersNamesListedAndDownloadedByTheirOwner() throws Exception {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		String reference = this.jdbc.sql("select reference from application").query(String.class).single();

		Document empty = documentsPage(ada, id);
		assertThat(empty.select("h1").text()).isEqualTo("Step 8 of 8: Documents");
		Element limits = empty.selectFirst("#limits");
		assertThat(limits.text()).contains("PDF, JPEG or PNG of at most 10 MB", "at most 20 files");
		// Every kind but one of the two fee documents, which the citizenship decides.
		assertThat(empty.select("#limits ~ section form[enctype=multipart/form-data]")).as("limits before the forms")
			.hasSize(DocumentKind.values().length - 1);
		assertThat(empty.select("#file-TRANSCRIPT").attr("aria-describedby")).contains("limits");
		assertThat(empty.select("form[action$=kind=PASSPORT] input[name=_csrf]")).hasSize(1);

		byte[] pdf = UploadFiles.pdf("Transcript of records");
		byte[] jpeg = UploadFiles.jpeg();
		byte[] png = UploadFiles.png();
		assertThat(this.applying.upload(ada, id, "TRANSCRIPT", "../../etc/passwd.pdf", pdf))
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(this.applying.upload(ada, id, "PASSPORT", "passport.png", jpeg))
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(this.applying.upload(ada, id, "TRANSCRIPT", "second.jpg", png))
			.satisfies(Applying.redirectedAfterUpload(id));

		assertThat(this.jdbc.sql("""
				select stored_name, kind, content_type, size, sha256, uploaded_at, after_submission
				from application_document order by stored_name""")
			.query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant().toString(), rs.getString(7)))
			.list())
			.containsExactly(
					reference + "-passport-1.jpg PASSPORT image/jpeg " + jpeg.length + " " + sha256(jpeg)
							+ " 2027-01-10T12:00:00Z f",
					reference + "-transcript-1.pdf TRANSCRIPT application/pdf " + pdf.length + " " + sha256(pdf)
							+ " 2027-01-10T12:00:00Z f",
					reference + "-transcript-2.png TRANSCRIPT image/png " + png.length + " " + sha256(png)
							+ " 2027-01-10T12:00:00Z f");

		Document listed = documentsPage(ada, id);
		assertThat(listed.select("#documents tbody tr")).hasSize(3);
		assertThat(listed.select("#documents tbody tr:contains(" + reference + "-transcript-1.pdf)").text())
			.contains("Transcript of records", "10 January 2027", "Delete")
			.containsPattern("[0-9.]+ kB|[0-9]+ B");
		assertThat(listed.select("#uploaded-heading").text()).isEqualTo("Your documents (3 of 20)");

		String documentId = this.jdbc
			.sql("select id::text from application_document where kind = 'TRANSCRIPT'"
					+ " and content_type = 'application/pdf'")
			.query(String.class)
			.single();
		MvcTestResult download = this.mvc.get().uri(uri(id) + "/" + documentId).session(ada).exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains(reference + "-transcript-1.pdf")
			.doesNotContain("passwd");
		assertThat(download.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getResponse().getHeader("Cache-Control")).contains("no-store");

		Document review = page(this.mvc.get().uri("/applications/{id}/review", id).session(ada).exchange());
		assertThat(review.select("#review-documents").text()).isEqualTo("8. Documents");
		assertThat(review.text()).contains(reference + "-passport-1.jpg", "Not uploaded yet: Degree certificate");
	}

	void assertRefused(MvcTestResult result, String kind, String message) {
		assertThat(result).as(message).hasStatus(422);
		Document page = page(result);
		assertThat(page.select("#file-" + kind + "-error").text()).startsWith(message);
		assertThat(page.select("#file-" + kind).attr("aria-describedby")).contains("file-" + kind + "-error");
		assertThat(page.select("#file-" + kind).hasClass("is-invalid")).isTrue();
		assertThat(page.select(".alert-danger a[href=#file-" + kind + "]").text()).startsWith(message);
		assertThat(rows()).as(message).isZero();
	}

	@Test
	void hostileDamagedAndEmptyFilesAreRefusedBesideTheFieldAndNothingIsStored() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		String notAllowed = "The file is not a PDF, JPEG or PNG, whatever its name says.";
		String unreadable = "The file could not be read";
		assertRefused(this.applying.upload(ada, id, "TRANSCRIPT", "transcript.pdf", UploadFiles.html()), "TRANSCRIPT",
				notAllowed);
		assertRefused(this.applying.upload(ada, id, "PASSPORT", "passport.png", UploadFiles.svg()), "PASSPORT",
				notAllowed);
		assertRefused(this.applying.upload(ada, id, "PASSPORT", "photo.jpg", UploadFiles.jpegHeaderThenHtml()),
				"PASSPORT", unreadable);
		assertRefused(this.applying.upload(ada, id, "CV", "cv.png", UploadFiles.pngSignatureThenPdf()), "CV",
				unreadable);
		assertRefused(
				this.applying.upload(ada, id, "PASSPORT", "passport.png", UploadFiles.truncated(UploadFiles.png())),
				"PASSPORT", unreadable);
		assertRefused(this.applying.upload(ada, id, "TRANSCRIPT", "locked.pdf", UploadFiles.encryptedPdf()),
				"TRANSCRIPT", "The PDF is protected by a password");
		assertRefused(this.applying.upload(ada, id, "CV", "empty.pdf", new byte[0]), "CV", "Choose a file to upload");
		byte[] large = new byte[(int) ApplicationDocuments.MAX_SIZE + 1];
		System.arraycopy(UploadFiles.pdf("Large"), 0, large, 0, 500);
		assertRefused(this.applying.upload(ada, id, "CV", "large.pdf", large), "CV", "The file is larger than 10 MB.");
		MvcTestResult noFile = this.mvc.post()
			.uri(uri(id) + "?kind=CV")
			.multipart()
			.param("file", "not a file")
			.session(ada)
			.with(csrf())
			.exchange();
		assertRefused(noFile, "CV", "Choose a file to upload");
		assertThat(this.mvc.post().uri(uri(id) + "?kind=SELFIE").multipart().session(ada).with(csrf())).hasStatus(404);
	}

	@Test
	void theTwentyFirstFileIsRefusedAndConcurrentUploadsNeverPassTwenty() throws Exception {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		byte[] png = UploadFiles.image("png", 16, 16);
		for (int i = 0; i < 18; i++) {
			assertThat(this.applying.upload(ada, id, "CV", "cv.png", png))
				.satisfies(Applying.redirectedAfterUpload(id));
		}
		long applicantId = this.jdbc.sql("select id from applicant").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(5);
		List<Callable<Boolean>> uploads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			uploads.add(() -> {
				try {
					this.documents.upload(UUID.fromString(id), applicantId, DocumentKind.CV,
							new ByteArrayInputStream(png), png.length);
					return true;
				}
				catch (RejectedUploadException ex) {
					assertThat(ex.reason()).isEqualTo(RejectedUploadException.Reason.TOO_MANY_FILES);
					return false;
				}
			});
		}
		List<Boolean> stored = new ArrayList<>();
		for (Future<Boolean> future : pool.invokeAll(uploads)) {
			stored.add(future.get());
		}
		pool.shutdown();
		assertThat(stored).filteredOn((ok) -> ok).hasSize(2);
		assertThat(rows()).isEqualTo(20);
		assertThat(this.jdbc.sql("select count(distinct stored_name) from application_document")
			.query(Long.class)
			.single()).isEqualTo(20);

		MvcTestResult refused = this.applying.upload(ada, id, "TRANSCRIPT", "one-more.pdf", UploadFiles.pdf("21"));
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select("#file-TRANSCRIPT-error").text())
			.startsWith("You have uploaded 20 files, the most an application can have.");
		assertThat(rows()).isEqualTo(20);
	}

	@Test
	void aDraftsDocumentCanBeDeleted() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		this.applying.upload(ada, id, "CV", "cv.pdf", UploadFiles.pdf("CV"));
		String documentId = this.jdbc.sql("select id::text from application_document").query(String.class).single();
		assertThat(this.mvc.post().uri(uri(id) + "/" + documentId + "/delete").session(ada).with(csrf()))
			.hasRedirectedUrl(uri(id));
		assertThat(rows()).isZero();
		assertThat(this.mvc.post().uri(uri(id) + "/" + documentId + "/delete").session(ada).with(csrf()))
			.hasStatus(404);
	}

	@Test
	void feeEvidenceIsOfferedAsTheCitizenshipDecidesAndUploadsAreAudited() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		this.applying.step(ada, id, "citizenship", Applying.values("country", "US"));
		assertThat(documentsPage(ada, id).select("form[action*=kind=]").eachAttr("action"))
			.anyMatch((action) -> action.endsWith("kind=FEE_RECEIPT"))
			.noneMatch((action) -> action.endsWith("kind=FEE_EXEMPTION"));
		assertThat(this.applying.upload(ada, id, "FEE_EXEMPTION", "evidence.pdf", UploadFiles.pdf("Passport")))
			.hasStatus(404);

		this.applying.step(ada, id, "citizenship", Applying.values("country", "SE"));
		assertThat(documentsPage(ada, id).select("form[action*=kind=]").eachAttr("action"))
			.anyMatch((action) -> action.endsWith("kind=FEE_EXEMPTION"))
			.noneMatch((action) -> action.endsWith("kind=FEE_RECEIPT"));
		assertThat(this.applying.upload(ada, id, "FEE_EXEMPTION", "evidence.pdf", UploadFiles.pdf("Passport")))
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(rows()).isEqualTo(1);
		assertThat(this.jdbc.sql("select actor || ' ' || action || ' ' || summary from audit_event")
			.query(String.class)
			.single()).matches("ada@example.org UPLOAD Uploaded [A-Z2-9]{8}-fee-exemption-1.pdf");
	}

	@Test
	void anotherApplicantGetsNotFoundForTheListDownloadDeleteAndUpload() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		MockHttpSession eve = this.applying.applicant("eve@example.org", "Eve Other");
		String id = this.applying.start(ada);
		String eves = this.applying.start(eve);
		this.applying.upload(ada, id, "PASSPORT", "passport.pdf", UploadFiles.pdf("Ada's passport"));
		String documentId = this.jdbc.sql("select id::text from application_document").query(String.class).single();

		assertThat(this.mvc.get().uri(uri(id)).session(eve)).hasStatus(404);
		assertThat(this.mvc.get().uri(uri(id) + "/" + documentId).session(eve)).hasStatus(404);
		// Her own application with Ada's document's id: the document must belong to it.
		assertThat(this.mvc.get().uri(uri(eves) + "/" + documentId).session(eve)).hasStatus(404);
		assertThat(this.mvc.post().uri(uri(eves) + "/" + documentId + "/delete").session(eve).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.post().uri(uri(id) + "/" + documentId + "/delete").session(eve).with(csrf()))
			.hasStatus(404);
		assertThat(this.applying.upload(eve, id, "PASSPORT", "mine.pdf", UploadFiles.pdf("Eve's"))).hasStatus(404);
		assertThat(this.mvc.get().uri(uri(id) + "/not-a-uuid").session(ada)).hasStatus(404);

		assertThat(this.jdbc
			.sql("select count(*) from application_document d join application a"
					+ " on a.id = d.application_id where a.id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isOne();
		assertThat(rows()).isOne();
	}

	@Test
	void aFilesOwnNameIsKeptWithoutItsPathOrCharactersThatDisguiseIt() {
		assertThat(ApplicationDocuments.originalName("C:\\Users\\ada\\transcript.pdf")).isEqualTo("transcript.pdf");
		assertThat(ApplicationDocuments.originalName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
		assertThat(ApplicationDocuments.originalName("cv\u202Efdp.exe")).isEqualTo("cvfdp.exe");
		assertThat(ApplicationDocuments.originalName("line\nbreak.pdf")).isEqualTo("linebreak.pdf");
		assertThat(ApplicationDocuments.originalName("a".repeat(300) + ".pdf")).hasSize(200);
		assertThat(ApplicationDocuments.originalName(" / ")).isNull();
		assertThat(ApplicationDocuments.originalName(null)).isNull();
	}

	@Test
	void afterSubmittingDocumentsCanOnlyBeAddedUntilTheDocumentsDeadline() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		this.applying.fillEverything(ada, id, "SE", this.applied, this.ml);
		assertThat(this.applying.submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		String snapshot = this.jdbc.sql("select snapshot::text from application").query(String.class).single();

		Document status = page(this.mvc.get().uri("/applications/{id}", id).session(ada).exchange());
		assertThat(status.select("#documents-heading + ul li")).hasSize(3);
		// Each file by the name it had on the applicant's computer, and what it is.
		assertThat(status.select("#documents-heading + ul li").eachText())
			.anySatisfy((item) -> assertThat(item).startsWith("Transcript of records: transcript.pdf,"))
			.anySatisfy((item) -> assertThat(item).startsWith("Passport or national identity card: passport.png,"));
		assertThat(status.text()).contains("Add documents (possible until 22 January 2027, 23:59 CET)");

		this.clock.setInstant(DOCUMENTS_DEADLINE);
		Document page = documentsPage(ada, id);
		assertThat(page.select("button:contains(Delete)")).isEmpty();
		assertThat(this.applying.upload(ada, id, "CV", "cv.pdf", UploadFiles.pdf("Late CV")))
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(this.jdbc.sql("select after_submission from application_document where kind = 'CV'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(documentsPage(ada, id).text()).contains("(added after submitting)");
		String transcript = this.jdbc.sql("select id::text from application_document where kind = 'TRANSCRIPT'")
			.query(String.class)
			.single();
		assertThat(this.mvc.post().uri(uri(id) + "/" + transcript + "/delete").session(ada).with(csrf()))
			.hasRedirectedUrl(uri(id));
		assertThat(rows()).as("submitted documents are not deleted").isEqualTo(4);

		this.clock.setInstant(DOCUMENTS_DEADLINE.plusSeconds(1));
		MvcTestResult late = this.applying.upload(ada, id, "CV", "cv.pdf", UploadFiles.pdf("Too late"));
		assertThat(late).hasStatus(422);
		assertThat(page(late).select("#upload-refused").text())
			.isEqualTo("No more documents can be added: the deadline for documents was 22 January 2027, 23:59 CET.");
		assertThat(rows()).isEqualTo(4);
		assertThat(documentsPage(ada, id).select("form[enctype=multipart/form-data]")).isEmpty();
		assertThat(
				this.jdbc.sql("select status || ' ' || snapshot::text from application").query(String.class).single())
			.isEqualTo("SUBMITTED " + snapshot);
	}

	@Test
	void theDocumentsStepIsRequiredBeforeSubmitting() {
		MockHttpSession ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		String id = this.applying.start(ada);
		this.applying.fillEverything(ada, id, "SE", this.applied, this.ml);
		String passport = this.jdbc.sql("select id::text from application_document where kind = 'PASSPORT'")
			.query(String.class)
			.single();
		this.mvc.post().uri(uri(id) + "/" + passport + "/delete").session(ada).with(csrf()).exchange();
		MvcTestResult refused = this.applying.submit(ada, id);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).select("#documents-missing").text())
			.isEqualTo("Not uploaded yet: Passport or national identity card.");
		assertThat(this.jdbc.sql("select status from application").query(String.class).single()).isEqualTo("DRAFT");
	}

	// Over real HTTP, where Tomcat parses the multipart body and applies its limits.

	@Test
	void overRealHttpAnUploadIsAcceptedAndOneBeyondTheLimitComesBackBesideItsField() throws Exception {
		this.applying.applicant("ada@example.org", "Ada Lovelace");
		Http http = new Http();
		http.signIn("ada@example.org");
		HttpResponse<String> started = http.post("/applications", "round=autumn-2027&_csrf="
				+ URLEncoder.encode(http.csrfTokenOf("/applications/new?round=autumn-2027"), StandardCharsets.UTF_8));
		String id = started.headers().firstValue("Location").orElseThrow().split("/applications/")[1].split("/")[0];

		byte[] pdf = UploadFiles.pdf("Sent over HTTP");
		HttpResponse<String> accepted = http.upload(uri(id) + "?kind=TRANSCRIPT", http.csrfTokenOf(uri(id)), pdf);
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(rows()).isOne();

		byte[] large = new byte[(int) ApplicationDocuments.MAX_SIZE + 1];
		System.arraycopy(pdf, 0, large, 0, pdf.length);
		HttpResponse<String> response = http.upload(uri(id) + "?kind=PASSPORT", http.csrfTokenOf(uri(id)), large);
		assertThat(response.statusCode()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith(uri(id) + "?kind=PASSPORT&upload-too-large");
		Document page = Jsoup.parse(http.get(location).body());
		assertThat(page.select("#file-PASSPORT-error").text()).startsWith("The file is larger than 10 MB.");
		assertThat(page.select("#file-TRANSCRIPT-error")).isEmpty();
		assertThat(rows()).isOne();
	}

	/** A browser's part: cookies, the applicant sign-in form and a multipart upload. */
	class Http {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		URI at(String path) {
			return URI.create(
					path.startsWith("http") ? path : "http://localhost:" + ApplicationDocumentTests.this.port + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(at(path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(at(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrfTokenOf(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body()).select("input[name=_csrf]").first().val();
		}

		void signIn(String email) throws IOException, InterruptedException {
			HttpResponse<String> response = post("/account/sign-in",
					"username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
							+ URLEncoder.encode(Applying.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
							+ URLEncoder.encode(csrfTokenOf("/account/sign-in"), StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(302);
		}

		HttpResponse<String> upload(String path, String csrfToken, byte[] content)
				throws IOException, InterruptedException {
			String boundary = "----prospectus" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
					+ "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.pdf\"\r\n"
							+ "Content-Type: application/pdf\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			return this.client.send(HttpRequest.newBuilder(at(path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
