package org.prospectus.applications;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.decisions.Deciding;
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

/**
 * Late applications by exception (issue 16): an officer of the round's institution lets
 * one applicant submit after the deadline, or send documents after the documents
 * deadline, until a date and time typed in the institution's zone, with a reason; the
 * submit honours it to the second, it is audited and it shows on the queue.
 */
@PortalIntegrationTest
class DeadlineExceptionTests {

	/** 18 January 2027, 12:00 in Stockholm (CET, UTC+1). */
	static final Instant NOON = Instant.parse("2027-01-18T11:00:00Z");

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

	Deciding deciding;

	MockHttpSession applicant;

	String id;

	long round;

	@BeforeEach
	void setUp() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.round = this.jdbc.sql("select id from application_round").query(Long.class).single();
		this.applying = new Applying(this.mvc, this.jdbc);
		this.applicant = this.applying.applicant("ada@example.org", "Ada Lovelace");
		this.id = this.applying.start(this.applicant);
		this.applying.fillEverything(this.applicant, this.id, "SE", catalogue.ml(), catalogue.applied());
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		this.deciding = new Deciding(this.mvc, this.staff.signIn("officer@uni.example"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	MvcTestResult grant(String email, String kind, String until, String reason) {
		return this.deciding.post("/admin/applications/exceptions", "round", Long.toString(this.round), "email", email,
				"kind", kind, "until", until, "reason", reason);
	}

	String status() {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", this.id)
			.query(String.class)
			.single();
	}

	@Test
	void anApplicantLetInLateSubmitsUntilTheSecondInTheInstitutionsZoneAndNoLater() {
		this.clock.setInstant(Applying.DEADLINE.plusSeconds(60));
		assertThat(this.applying.submit(this.applicant, this.id)).hasStatus(422);
		assertThat(status()).isEqualTo("DRAFT");

		MvcTestResult typo = grant("ada@example.org", "SUBMIT", "Monday noon", "");
		assertThat(typo).hasStatus(422);
		Document page = page(typo);
		assertThat(page.select("#until-error").text()).contains("Type a date and time");
		assertThat(page.select("#reason-error").text()).contains("Say why");
		assertThat(page.select("#until").val()).isEqualTo("Monday noon");
		assertThat(grant("Ada@Example.org", "SUBMIT", "2027-01-18T12:00", "In hospital on the deadline day."))
			.hasRedirectedUrl("/admin/applications/exceptions?round=" + this.round);
		assertThat(page(this.mvc.get()
			.uri("/admin/applications/exceptions?round=" + this.round)
			.session(this.staff.signIn("officer@uni.example"))
			.exchange()).select("tbody td").eachText())
			.as("the address only, until the application is submitted: a draft is the applicant's own")
			.contains("ada@example.org", "18 January 2027, 12:00 CET", "In hospital on the deadline day.");

		this.clock.setInstant(NOON.plusSeconds(1));
		assertThat(this.applying.submit(this.applicant, this.id)).as("a second late").hasStatus(422);
		this.clock.setInstant(NOON);
		assertThat(this.applying.submit(this.applicant, this.id)).hasRedirectedUrl("/applications/" + this.id);
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(this.jdbc.sql("""
				select summary from audit_event where entity_uuid = cast(:id as uuid) and action = 'UPDATE'""")
			.param("id", this.id)
			.query(String.class)
			.single()).contains("Let ada@example.org submit after the deadline", "18 January 2027, 12:00 CET");
		assertThat(page(
				this.mvc.get().uri("/admin/applications").session(this.staff.signIn("officer@uni.example")).exchange())
			.select("tbody tr")
			.text()).contains("late by exception");
	}

	@Test
	void anExceptionAnswersTheSameWithOrWithoutAnAccountAndHoldsForWhoeverRegistersWithTheAddress() {
		this.clock.setInstant(Applying.DEADLINE.plusSeconds(60));
		MvcTestResult known = grant("ada@example.org", "SUBMIT", "2027-01-18T12:00", "In hospital.");
		MvcTestResult unknown = grant(" Late.Comer@Example.ORG", "SUBMIT", "2027-01-18T12:00", "In hospital.");
		for (MvcTestResult result : new MvcTestResult[] { known, unknown }) {
			assertThat(result).hasRedirectedUrl("/admin/applications/exceptions?round=" + this.round);
			assertThat(new HashMap<String, Object>(result.getMvcResult().getFlashMap()))
				.isEqualTo(Map.of("done", "review.exceptions.done"));
		}
		Document list = page(this.mvc.get()
			.uri("/admin/applications/exceptions?round=" + this.round)
			.session(this.staff.signIn("officer@uni.example"))
			.exchange());
		assertThat(list.select("tbody tr td:first-child").eachText()).as("nothing tells the two apart")
			.containsExactlyInAnyOrder("ada@example.org", "late.comer@example.org");

		MockHttpSession latecomer = this.applying.applicant("late.comer@example.org", "Lena Latecomer");
		Applying.Catalogue catalogue = new Applying.Catalogue(
				this.jdbc.sql("select id from programme where slug = 'ml'").query(Long.class).single(),
				this.jdbc.sql("select id from programme where slug = 'applied-ml'").query(Long.class).single());
		assertThat(page(
				this.mvc.get().uri("/applications/new").param("round", "autumn-2027").session(latecomer).exchange())
			.text()).contains("The deadline is 18 January 2027, 12:00 CET");
		String late = this.applying.start(latecomer, "autumn-2027");
		this.applying.fillEverything(latecomer, late, "SE", catalogue.ml(), catalogue.applied());
		this.clock.setInstant(NOON);
		assertThat(this.applying.submit(latecomer, late)).hasRedirectedUrl("/applications/" + late);
		assertThat(this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", late)
			.query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	@Test
	void documentsAreTakenLateOnlyFromTheApplicantLetIn() {
		this.applying.submit(this.applicant, this.id);
		this.clock.setInstant(Instant.parse("2027-01-23T08:00:00Z"));
		String statusPage = page(this.mvc.get().uri("/applications/{id}", this.id).session(this.applicant).exchange())
			.select("main")
			.text();
		assertThat(statusPage).contains("No more documents can be added");
		assertThat(grant("ada@example.org", "DOCUMENTS", "2027-01-22T12:00", "The post was late."))
			.as("not after the documents deadline")
			.hasStatus(422);
		assertThat(grant("ada@example.org", "DOCUMENTS", "2027-01-25T12:00", "The post was late.")).hasStatus(302);
		statusPage = page(this.mvc.get().uri("/applications/{id}", this.id).session(this.applicant).exchange())
			.select("main")
			.text();
		assertThat(statusPage).contains("25 January 2027, 12:00 CET").doesNotContain("No more documents can be added");
	}

}
