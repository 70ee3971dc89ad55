package org.prospectus.privacy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.decisions.DecisionNotifier;
import org.prospectus.mail.OutboxSender;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * No personal data in the logs (ADR 0019): the logs of a whole journey, from registering
 * to the decision e-mail going out, with a mistyped password on the way, name nothing
 * that identifies the applicant.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

	static final String EMAIL = "ada.lovelace@example.org";

	/**
	 * What the journey types that identifies her: the steps' answers as Applying fills
	 * them.
	 */
	static final List<String> PERSONAL = List.of(EMAIL, "Lovelace", "2000-12-10", "Drottninggatan", "123 456");

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
	OutboxSender sender;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aWholeJourneyLogsNothingThatIdentifiesTheApplicant(CapturedOutput output) {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		Applying applying = new Applying(this.mvc, this.jdbc);
		this.mvc.post()
			.uri("/account/sign-in")
			.param("username", EMAIL)
			.param("password", "wrong before registering")
			.with(csrf())
			.exchange();
		MockHttpSession ada = applying.applicant(EMAIL, "Ada Lovelace");
		String id = applying.start(ada, "autumn-2027");
		applying.fillEverything(ada, id, "SE", catalogue.ml(), catalogue.applied());
		assertThat(applying.submit(ada, id)).hasRedirectedUrl("/applications/" + id);
		this.mvc.post()
			.uri("/account/sign-in")
			.param("username", EMAIL)
			.param("password", "a mistyped password")
			.with(csrf())
			.exchange();

		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		this.staff.createAt("officer@kth.example", "Olle Officer", kth, StaffRole.ADMISSIONS);
		MockHttpSession officer = this.staff.signIn("officer@kth.example");
		String document = this.jdbc
			.sql("select id::text from application_document where application_id = cast(:id as uuid) limit 1")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(this.mvc.get()
			.uri("/admin/applications/{id}/documents/{doc}", id, document)
			.session(officer)
			.exchange()).hasStatusOk();
		move(officer, id, "ELIGIBILITY_CHECKED");
		move(officer, id, "UNDER_REVIEW");
		move(officer, id, "ADMITTED", "programme", Long.toString(catalogue.ml()));
		this.clock.setInstant(Instant.parse("2027-01-30T09:00:00Z"));
		assertThat(this.notifier.notifyDue()).isOne();
		assertThat(this.sender.sendDue().sent()).isPositive();

		assertThat(output.getAll()).as("the journey ran and logged").isNotBlank();
		for (String personal : PERSONAL) {
			assertThat(output.getAll()).as("the logs name " + personal).doesNotContainIgnoringCase(personal);
		}
	}

	void move(MockHttpSession officer, String id, String status, String... more) {
		Review.move(this.mvc, officer, id, status, more);
	}

}
