package org.prospectus.applications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.FakePaymentProvider;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The application fee (ADR 0026): the institution names the amount and how to pay it; an
 * uploaded receipt is "received, not yet checked" until an admissions officer verifies it
 * (paid) or refuses it (due again, with the reason shown); submitting waits for the check
 * only where the institution says so; and a payment provider's signed webhook marks a fee
 * paid, once per event.
 */
@PortalIntegrationTest
class ApplicationFeeTests {

	static final String SECRET = "test-only-webhook-secret";

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

	Applying applying;

	MockHttpSession ada;

	String id;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.jdbc.sql("""
				update institution set application_fee_amount = 900, application_fee_currency = 'SEK',
				payment_instructions = 'Pay by bank giro 123-4567.\nWrite your application reference as the message.'
				where slug = 'kth'""").update();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.ada = this.applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = this.applying.start(this.ada);
		// India is not among KTH's exempt citizenships: the fee is due.
		this.applying.fillEverything(this.ada, this.id, "IN", catalogue.ml(), catalogue.applied());
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theApplicantSeesTheAmountAndHowToPayWhereTheFeeIsDue() {
		Document documents = page(
				this.mvc.get().uri("/applications/{id}/documents", this.id).session(this.ada).exchange());
		assertThat(documents.select("#fee-amount").text()).isEqualTo("The application fee is SEK 900.");
		assertThat(documents.select("#fee-instructions").text()).contains("Pay by bank giro 123-4567.",
				"Write your application reference as the message.");
		Document review = reviewPage();
		assertThat(review.select("#fee-amount").text()).isEqualTo("The application fee is SEK 900.");
		assertThat(review.select("#fee-instructions").text()).contains("Pay by bank giro 123-4567.");
		Document status = page(this.mvc.get().uri("/applications/{id}", this.id).session(this.ada).exchange());
		assertThat(status.select("#fee-amount").text()).isEqualTo("The application fee is SEK 900.");
		assertThat(status.select("#fee-instructions").text()).contains("Pay by bank giro 123-4567.");
		assertThat(status.select("#fee-instructions").hasAttr("lang")).isFalse();

		// In Swedish: the institution's English, marked, until it is translated (issue
		// 29).
		assertThat(page(this.mvc.get().uri("/sv/applications/{id}", this.id).session(this.ada).exchange())
			.select("#fee-instructions")
			.attr("lang")).isEqualTo("en");
		this.jdbc.sql(
				"update institution set translations = '{\"sv\": {\"paymentInstructions\": \"Betala via bankgiro.\"}}'")
			.update();
		Document swedish = page(this.mvc.get().uri("/sv/applications/{id}", this.id).session(this.ada).exchange());
		assertThat(swedish.select("#fee-instructions").text()).isEqualTo("Betala via bankgiro.");
		assertThat(swedish.select("#fee-instructions").hasAttr("lang")).isFalse();
	}

	@Test
	void anUploadedReceiptIsReceivedNotPaidAndSubmitsWhenTheInstitutionDoesNotWait() {
		uploadReceipt();
		assertThat(reviewPage().select("#fee-status").text())
			.isEqualTo("Receipt received: the admissions office has not checked it yet.");
		assertThat(fee()).as("a draft keeps no fee status").isEqualTo("null");
		assertThat(this.applying.submit(this.ada, this.id)).hasRedirectedUrl("/applications/" + this.id);
		assertThat(statusAndFee()).isEqualTo("SUBMITTED RECEIPT_RECEIVED");
		assertThat(this.jdbc.sql("select missing_documents from application").query(Boolean.class).single()).isFalse();
		Document detail = page(this.mvc.get()
			.uri("/admin/applications/{id}", this.id)
			.session(this.staff.signIn("officer@uni.example"))
			.exchange());
		assertThat(detail.text()).contains("Receipt received, not yet checked");
	}

	@Test
	void whenTheInstitutionWaitsSubmittingIsRefusedUntilAnOfficerVerifiesTheReceipt() {
		this.jdbc.sql("update institution set fee_receipt_check_before_submit = true where slug = 'kth'").update();
		uploadReceipt();
		MvcTestResult refused = this.applying.submit(this.ada, this.id);
		assertThat(refused).hasStatus(422);
		assertThat(page(refused).text()).contains("has not checked your fee receipt yet");
		assertThat(statusAndFee()).isEqualTo("DRAFT null");

		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		Document receipts = page(this.mvc.get().uri("/admin/applications/fee-receipts").session(officer).exchange());
		String reference = reference();
		assertThat(receipts.select("#receipt-" + reference).text()).contains(reference, "Not submitted yet");
		String receiptLink = receipts.select("#receipt-" + reference + " a[href*=/fee-receipt/]").attr("href");
		assertThat(this.mvc.get().uri(receiptLink).session(officer)).hasStatusOk().hasContentType("application/pdf");
		assertThat(this.mvc.get().uri("/admin/applications/{id}", this.id).session(officer))
			.as("a draft's other answers stay the applicant's")
			.hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/fee-receipt", this.id)
			.param("verdict", "VERIFIED")
			.session(officer)
			.with(csrf())).hasRedirectedUrl("/admin/applications/fee-receipts");
		assertThat(reviewPage().select("#fee-status").text()).startsWith("Paid");
		assertThat(this.applying.submit(this.ada, this.id)).hasRedirectedUrl("/applications/" + this.id);
		assertThat(statusAndFee()).isEqualTo("SUBMITTED PAID");
		assertThat(feeChanges()).contains("officer@uni.example RECEIPT_RECEIVED -> PAID");
	}

	@Test
	void anOfficerWhoRefusesTheReceiptMakesTheFeeDueAgainWithTheReasonShown() {
		uploadReceipt();
		assertThat(this.applying.submit(this.ada, this.id)).hasRedirectedUrl("/applications/" + this.id);
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/documents/fee-receipt/check", this.id)
			.param("verdict", "REJECTED")
			.param("reason", "The receipt shows no amount.")
			.session(officer)
			.with(csrf())).hasRedirectedUrl("/admin/applications/" + this.id + "#checklist");
		assertThat(statusAndFee()).isEqualTo("SUBMITTED DUE");
		assertThat(this.jdbc.sql("select missing_documents from application").query(Boolean.class).single()).isTrue();
		assertThat(feeChanges()).contains("officer@uni.example RECEIPT_RECEIVED -> DUE");
		Document status = page(this.mvc.get().uri("/applications/{id}", this.id).session(this.ada).exchange());
		assertThat(status.select("#fee-status").text())
			.isEqualTo("The fee must be paid, and its receipt uploaded, before you can submit.");
		assertThat(status.select("#fee-refused").text()).contains("The receipt shows no amount.");
		assertThat(status.select("#fee-amount").text()).isEqualTo("The application fee is SEK 900.");

		this.clock.setInstant(this.clock.instant().plusSeconds(60));
		uploadReceipt();
		assertThat(statusAndFee()).as("a new receipt waits for a check again").isEqualTo("SUBMITTED RECEIPT_RECEIVED");
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/fee-receipt", this.id)
			.param("verdict", "VERIFIED")
			.session(officer)
			.with(csrf())).hasRedirectedUrl("/admin/applications/fee-receipts");
		assertThat(statusAndFee()).isEqualTo("SUBMITTED PAID");
	}

	@Test
	void anOfficerOfAnotherInstitutionCannotCheckTheReceipt() {
		this.jdbc.sql("update institution set fee_receipt_check_before_submit = true where slug = 'kth'").update();
		uploadReceipt();
		long other = this.fixtures.institution("soton", "Europe/London").getId();
		this.staff.createAt("officer@soton.example", "Sam Soton", other, StaffRole.ADMISSIONS);
		MockHttpSession elsewhere = this.staff.signIn("officer@soton.example");
		assertThat(page(this.mvc.get().uri("/admin/applications/fee-receipts").session(elsewhere).exchange())
			.select("#no-receipts")).hasSize(1);
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/fee-receipt", this.id)
			.param("verdict", "VERIFIED")
			.session(elsewhere)
			.with(csrf())).hasStatus(404);
		assertThat(reviewPage().select("#fee-status").text()).startsWith("Receipt received");
	}

	@Test
	void anEditorSetsTheFeeAndHowToPayOnTheInstitutionAndTheChangeIsAudited() {
		this.staff.create("editor@uni.example", "Eddie Editor", StaffRole.EDITOR);
		MockHttpSession editor = this.staff.signIn("editor@uni.example");
		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		Document form = page(
				this.mvc.get().uri("/admin/catalogue/institutions/{id}/edit", kth).session(editor).exchange());
		assertThat(form.select("#applicationFeeAmount").val()).isEqualTo("900");
		Map<String, String> fields = StaffSessions.formFields(form, "form[method=post]");
		fields.put("applicationFeeAmount", "9OO");
		MvcTestResult refused = postForm(editor, "/admin/catalogue/institutions/" + kth, fields);
		assertThat(refused.getResponse().getStatus()).as("the form again, not saved").isIn(200, 422);
		assertThat(page(refused).select("#applicationFeeAmount").val()).as("kept as typed").isEqualTo("9OO");
		assertThat(page(refused).select("#applicationFeeAmount-error").text()).isNotBlank();

		fields.put("applicationFeeAmount", "1000");
		fields.put("paymentInstructions", "Pay online at https://pay.example/kth.");
		fields.put("feeReceiptCheckBeforeSubmit", "true");
		assertThat(postForm(editor, "/admin/catalogue/institutions/" + kth, fields)).hasStatus3xxRedirection();
		assertThat(this.jdbc
			.sql("""
					select application_fee_amount || ' ' || application_fee_currency || ' ' || fee_receipt_check_before_submit
					from institution where slug = 'kth'""")
			.query(String.class)
			.single()).isEqualTo("1000.00 SEK true");
		assertThat(this.jdbc.sql("""
				select c.field || ': ' || coalesce(c.before_value, '') || ' -> ' || c.after_value
				from audit_change c join audit_event e on e.id = c.event_id
				where e.entity_type = 'institution' order by c.position""").query(String.class).list()).contains(
				"institution.form.application-fee: 900 -> 1000", "institution.form.fee-receipt-check: false -> true");
		Document documents = page(
				this.mvc.get().uri("/applications/{id}/documents", this.id).session(this.ada).exchange());
		assertThat(documents.select("#fee-amount").text()).isEqualTo("The application fee is SEK 1,000.");
		assertThat(documents.select("#fee-instructions").text()).isEqualTo("Pay online at https://pay.example/kth.");
	}

	@Test
	void aSignedPaymentEventMarksTheFeePaidWithoutSignInOrCsrfToken() {
		assertThat(this.applying.submit(this.ada, this.id)).as("the fee is due").hasStatus(422);
		String body = event("evt_1", "payment.succeeded", reference());
		assertThat(webhook(FakePaymentProvider.NAME, body, sign(SECRET, body))).hasStatusOk();
		assertThat(reviewPage().select("#fee-status").text()).startsWith("Paid");
		assertThat(this.applying.submit(this.ada, this.id)).hasRedirectedUrl("/applications/" + this.id);
		assertThat(statusAndFee()).isEqualTo("SUBMITTED PAID");
		assertThat(feeChanges()).containsExactly("payment provider fake DUE -> PAID");
	}

	@Test
	void aPaymentEventForASubmittedApplicationMarksItsKeptFeePaid() {
		uploadReceipt();
		assertThat(this.applying.submit(this.ada, this.id)).hasRedirectedUrl("/applications/" + this.id);
		String body = event("evt_2", "payment.succeeded", reference());
		assertThat(webhook(FakePaymentProvider.NAME, body, "sha256=" + sign(SECRET, body))).hasStatusOk();
		assertThat(statusAndFee()).isEqualTo("SUBMITTED PAID");
	}

	@Test
	void aPaymentEventWithABadSignatureIsRefusedAndChangesNothing() {
		String body = event("evt_1", "payment.succeeded", reference());
		assertThat(webhook(FakePaymentProvider.NAME, body, sign("another secret", body))).hasStatus(401);
		assertThat(webhook(FakePaymentProvider.NAME, body, null)).hasStatus(401);
		assertThat(webhook(FakePaymentProvider.NAME, body, "not hex")).hasStatus(401);
		String tampered = event("evt_1", "payment.succeeded", reference()).replace("evt_1", "evt_9");
		assertThat(webhook(FakePaymentProvider.NAME, tampered, sign(SECRET, body))).hasStatus(401);
		assertThat(webhook(FakePaymentProvider.NAME, "{}", sign(SECRET, "{}"))).as("signed, but not an event")
			.hasStatus(400);
		assertThat(this.jdbc.sql("select count(*) from payment_event").query(Long.class).single()).isZero();
		assertThat(reviewPage().select("#fee-status").text()).startsWith("The fee must be paid");
		assertThat(feeChanges()).isEmpty();
	}

	@Test
	void theSameEventTwiceChangesTheFeeOnceAndIsAuditedOnce() {
		String body = event("evt_1", "payment.succeeded", reference());
		assertThat(webhook(FakePaymentProvider.NAME, body, sign(SECRET, body))).hasStatusOk();
		assertThat(webhook(FakePaymentProvider.NAME, body, sign(SECRET, body))).as("acknowledged again").hasStatusOk();
		assertThat(this.jdbc.sql("select count(*) from payment_event").query(Long.class).single()).isOne();
		assertThat(feeChanges()).hasSize(1);
	}

	@Test
	void anUnknownOrUnconfiguredProviderIsNotFound() {
		String body = event("evt_1", "payment.succeeded", reference());
		assertThat(webhook("stripe", body, sign(SECRET, body))).hasStatus(404);
		assertThat(this.jdbc.sql("select count(*) from payment_event").query(Long.class).single()).isZero();
	}

	void uploadReceipt() {
		assertThat(
				this.applying.upload(this.ada, this.id, "FEE_RECEIPT", "receipt.pdf", UploadFiles.pdf("Paid: SEK 900")))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(this.id));
	}

	Document reviewPage() {
		return page(this.mvc.get().uri("/applications/{id}/review", this.id).session(this.ada).exchange());
	}

	String statusAndFee() {
		return this.jdbc.sql("select status || ' ' || coalesce(fee_status, 'null') from application")
			.query(String.class)
			.single();
	}

	String fee() {
		return this.jdbc.sql("select coalesce(fee_status, 'null') from application").query(String.class).single();
	}

	String reference() {
		return this.jdbc.sql("select reference from application").query(String.class).single();
	}

	/** Each audited change of the fee: who, before and after. */
	List<String> feeChanges() {
		return this.jdbc.sql("""
				select e.actor || ' ' || coalesce(c.before_value, 'null') || ' -> ' || c.after_value
				from audit_change c join audit_event e on e.id = c.event_id
				where e.entity_uuid = cast(:id as uuid) and c.field = 'fee' order by e.occurred_at, e.id""")
			.param("id", this.id)
			.query(String.class)
			.list();
	}

	static String event(String id, String type, String reference) {
		return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"reference\": \"" + reference + "\"}";
	}

	static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * As a provider posts: the raw body, a signature header, no session, no CSRF token.
	 */
	MvcTestResult webhook(String provider, String body, String signature) {
		var request = this.mvc.post()
			.uri("/payments/webhook/{provider}", provider)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		if (signature != null) {
			request = request.header(FakePaymentProvider.SIGNATURE_HEADER, signature);
		}
		return request.exchange();
	}

	MvcTestResult postForm(MockHttpSession session, String uri, Map<String, String> fields) {
		var request = this.mvc.post().uri(uri).session(session).with(csrf());
		for (Map.Entry<String, String> field : fields.entrySet()) {
			request = request.param(field.getKey(), field.getValue());
		}
		return request.exchange();
	}

}
