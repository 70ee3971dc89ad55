package org.prospectus.decisions;

import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prospectus.applications.Applying;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PdfText;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision letters (issue 16): released from the notification date and never before, to
 * the applicant and with the decision e-mail, and saying the decision recorded, with its
 * reasons, and never another: each decision's letter carries its own wording and none of
 * the others', and a letter made after the decision changes says the new one.
 */
@PortalIntegrationTest
class DecisionLetterTests {

	static final String OFFER = "Offer of a place";

	static final String RESERVE = "A place on the reserve list";

	static final String REFUSAL = "cannot offer you a place";

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

	@Autowired
	MessageSource messages;

	MockHttpSession applicant;

	Deciding deciding;

	String id;

	long ml;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.ml = catalogue.ml();
		this.jdbc
			.sql("""
					update institution set offer_conditions = '{"Degree awarded"}',
					    refusal_reasons = '{"The degree has too little mathematics | Take a course in linear algebra and apply again next year"}',
					    letter_signatory = 'Anna Berg, Head of Admissions' where slug = 'kth'""")
			.update();
		Applying applying = new Applying(this.mvc, this.jdbc);
		this.applicant = applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = applying.start(this.applicant);
		applying.fillEverything(this.applicant, this.id, "SE", this.ml, catalogue.applied());
		applying.submit(this.applicant, this.id);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.deciding = new Deciding(this.mvc, this.staff.signIn("officer@uni.example"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	MvcTestResult download() {
		return this.mvc.get().uri("/applications/{id}/letter.pdf", this.id).session(this.applicant).exchange();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMITTED", "RESERVE", "NOT_ADMITTED" })
	void eachDecisionsLetterSaysThatDecisionOnlyAndOnlyFromTheNotificationDate(String decision) {
		String[] more = switch (decision) {
			case "ADMITTED" -> new String[] { "programme", Long.toString(this.ml), "conditions", "Degree awarded" };
			case "RESERVE" -> new String[] { "programme", Long.toString(this.ml) };
			default -> new String[] { "refusal", "The degree has too little mathematics" };
		};
		assertThat(this.deciding.decide(this.id, decision, more)).hasRedirectedUrl("/admin/applications/" + this.id);

		this.clock.setInstant(ApplicationReviewTests.NOTIFICATION.minusSeconds(1));
		assertThat(download()).as("not before the notification date").hasStatus(404);
		assertThat(this.notifier.notifyDue()).isZero();

		this.clock.setInstant(ApplicationReviewTests.NOTIFICATION);
		MvcTestResult letter = download();
		assertThat(letter).hasStatusOk().hasContentType("application/pdf");
		assertThat(letter.getResponse().getHeader("Content-Disposition")).contains("decision-");
		String text = PdfText.of(letter.getResponse().getContentAsByteArray());
		assertThat(text).contains("Ada Lovelace", "University kth", "Anna Berg, Head of Admissions");
		List<String> wordings = List.of(OFFER, RESERVE, REFUSAL);
		String own = switch (decision) {
			case "ADMITTED" -> OFFER;
			case "RESERVE" -> RESERVE;
			default -> REFUSAL;
		};
		assertThat(text).contains(own);
		wordings.stream()
			.filter((wording) -> !wording.equals(own))
			.forEach((other) -> assertThat(text).as("a " + decision + " letter never says " + other)
				.doesNotContain(other));
		assertThat(PdfText.fontFamilies(letter.getResponse().getContentAsByteArray()))
			.as("one family of type throughout")
			.hasSize(1);
		switch (decision) {
			case "ADMITTED" -> assertThat(text).contains("Machine Learning", "Degree awarded: not yet checked",
					"accept or decline the offer");
			case "RESERVE" -> assertThat(text).contains("You are number 1 on the list.");
			default -> assertThat(text).contains("The reason: The degree has too little mathematics",
					"What you can do next: Take a course in linear algebra");
		}

		assertThat(this.notifier.notifyDue()).isEqualTo(1);
		byte[] attached = this.jdbc.sql("""
				select a.content from mail_attachment a join mail_outbox m on m.id = a.message_id
				where m.subject = 'A decision on your application'""").query(byte[].class).single();
		assertThat(PdfText.of(attached)).as("the letter sent is the letter shown").contains(own);
	}

	/**
	 * The letter and the e-mail are in the applicant's language (ADR 0035), whatever
	 * address the letter is fetched from and whoever released the decision.
	 */
	@Test
	void aSwedishSpeakingApplicantsLetterAndEmailAreInSwedish() throws Exception {
		this.jdbc.sql("update applicant set language = 'sv' where email = 'ada@example.org'").update();
		this.jdbc.sql("update programme set translations = '{\"sv\": {\"title\": \"Maskininlärning\"}}' where id = :id")
			.param("id", this.ml)
			.update();
		this.jdbc.sql("update application_round set translations = '{\"sv\": {\"name\": \"Hösten 2027\"}}'").update();
		this.jdbc
			.sql("""
					update institution set letter_closing = 'Questions go to the admissions office.',
					    translations = '{"sv": {"name": "Universitetet kth", "letterClosing": "Frågor besvarar antagningen."}}'
					where slug = 'kth'""")
			.update();
		assertThat(this.deciding.decide(this.id, "ADMITTED", "programme", Long.toString(this.ml), "conditions",
				"Degree awarded"))
			.hasRedirectedUrl("/admin/applications/" + this.id);
		this.clock.setInstant(ApplicationReviewTests.NOTIFICATION);
		Locale swedish = Locale.forLanguageTag("sv");
		String text = PdfText.of(download().getResponse().getContentAsByteArray());
		assertThat(text)
			.contains(this.messages.getMessage("letter.admitted.heading", null, swedish), "Maskininlärning",
					"Universitetet kth", "Frågor besvarar antagningen.")
			.doesNotContain(OFFER, "Questions go to");
		// The status page names the offer's programme in the page's language.
		assertThat(Jsoup
			.parse(this.mvc.get()
				.uri("/sv/applications/{id}", this.id)
				.session(this.applicant)
				.exchange()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.select("h3")
			.eachText()).anyMatch((h) -> h.startsWith("Maskininlärning"));

		assertThat(this.notifier.notifyDue()).isEqualTo(1);
		String subject = this.messages.getMessage("mail.application-decision.subject", null, swedish);
		String body = this.jdbc.sql("select text_body from mail_outbox where subject = :subject")
			.param("subject", subject)
			.query(String.class)
			.single();
		assertThat(body).contains("Hej Ada Lovelace", "/sv/applications/" + this.id, "Hösten 2027", "Maskininlärning",
				"Universitetet kth");
	}

}
