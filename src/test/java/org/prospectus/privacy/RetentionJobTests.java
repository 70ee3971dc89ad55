package org.prospectus.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job against a moved clock (ADR 0019): each kind of record goes when its
 * institution's period ends and not a second before, a second run finds nothing, and a
 * run that finds another instance running it does nothing.
 */
@PortalIntegrationTest
class RetentionJobTests {

	/** The start of studies of the fixtures' round autumn-2027, 23:59:59 in Stockholm. */
	static final Instant STUDIES_START = Instant.parse("2027-03-23T22:59:59Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	RetentionJob retention;

	@Autowired
	DataSource dataSource;

	Applying applying;

	Applying.Catalogue catalogue;

	@BeforeEach
	void setUp() {
		this.catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.applying = new Applying(this.mvc, this.jdbc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void eachRecordGoesWhenItsInstitutionsPeriodEndsAndASecondRunFindsNothing() {
		// KTH keeps drafts 6 months, the not admitted 12 and the admitted 24 (the
		// defaults).
		String admitted = submitted("ada@example.org");
		String refused = submitted("grace@example.org");
		decide(admitted, "ADMITTED");
		decide(refused, "NOT_ADMITTED");
		MockHttpSession mary = this.applying.applicant("mary@example.org", "Mary Somerville");
		String draft = this.applying.start(mary, "autumn-2027");
		this.jdbc.sql("update application set updated_at = :at where id = cast(:id as uuid)")
			.param("at", Timestamp.from(Instant.parse("2027-01-10T12:00:00Z")))
			.param("id", draft)
			.update();
		// Stamped by the database's clock, not the moved one: put them where the test is.
		for (String stamp : new String[] { "sign_in_attempt set attempted_at", "applicant_token set created_at" }) {
			this.jdbc.sql("update " + stamp + " = :at")
				.param("at", Timestamp.from(Instant.parse("2027-01-10T12:00:00Z")))
				.update();
		}
		long signIns = count("sign_in_attempt");
		assertThat(signIns).isPositive();

		at("2027-02-09T11:59:59Z");
		assertThat(this.retention.run().total()).as("29 days on, nothing is due").isZero();
		at("2027-02-09T12:00:01Z");
		RetentionJob.Removed records = this.retention.run();
		assertThat(records.signIns()).as("sign-in and mail-request records after 30 days")
			.isGreaterThanOrEqualTo((int) signIns);
		assertThat(records.links()).as("the used confirmation links").isEqualTo(3);
		assertThat(records.drafts()).isZero();

		at("2027-07-10T11:59:59Z");
		assertThat(this.retention.run().drafts()).isZero();
		at("2027-07-10T12:00:01Z");
		assertThat(this.retention.run().drafts()).as("a draft six months after its last change").isOne();
		assertThat(exists(draft)).isFalse();

		at("2028-03-23T22:59:58Z");
		assertThat(this.retention.run().applications()).isZero();
		at("2028-03-23T23:00:00Z");
		RetentionJob.Removed year = this.retention.run();
		assertThat(year.applications()).as("not admitted, 12 months after the start of studies").isOne();
		assertThat(year.documents()).isEqualTo(3);
		assertThat(exists(refused)).isFalse();
		assertThat(exists(admitted)).isTrue();
		assertThat(this.retention.run().total()).as("a second run finds nothing").isZero();

		at("2029-03-23T23:00:00Z");
		assertThat(this.retention.run().applications()).as("admitted, 24 months after").isOne();
		assertThat(count("application")).isZero();
		assertThat(count("application_document")).isZero();
		assertThat(count("audit_change where field <> all(array['status', 'programme', 'documents by'])"))
			.as("no free text about a deleted application stays in the audit log")
			.isZero();
		assertThat(count("audit_event where actor like '%@example.org'")).isZero();
	}

	/**
	 * An exception kept for an address that never applied goes as a draft would, six
	 * months after it ended; one for an address that applied stays with the application.
	 */
	@Test
	void aDeadlineExceptionNobodyUsedGoesAsADraftWouldAfterItEnded() {
		String used = submitted("ada@example.org");
		for (String email : new String[] { "nobody@example.org", "ada@example.org" }) {
			this.jdbc.sql("""
					insert into deadline_exception (round_id, email, kind, until_at, reason, granted_by, granted_at)
					select id, :email, 'SUBMIT', :until, 'A reason about their health', 'officer@uni.example', :until
					from application_round where slug = 'autumn-2027'""")
				.param("email", email)
				.param("until", Timestamp.from(Instant.parse("2027-01-20T22:59:59Z")))
				.update();
		}
		at("2027-07-20T22:59:58Z");
		assertThat(this.retention.run().exceptions()).isZero();
		at("2027-07-20T23:00:00Z");
		assertThat(this.retention.run().exceptions()).as("six months after it ended").isOne();
		assertThat(this.jdbc.sql("select email from deadline_exception").query(String.class).list())
			.containsExactly("ada@example.org");
		assertThat(exists(used)).isTrue();
	}

	@Test
	void eachInstitutionsOwnPeriodsApplyAndAClosedAccountGoesWithItsLastApplication() {
		String refused = submitted("ada@example.org");
		decide(refused, "NOT_ADMITTED");
		this.jdbc.sql("update institution set retention_unsuccessful_months = 3 where slug = 'kth'").update();
		Institution soton = this.fixtures.institution("soton", "Europe/London");
		Programme sotonMl = this.fixtures.programme(soton, "soton-ml", "Machine Learning");
		Programme sotonAi = this.fixtures.programme(soton, "soton-ai", "Artificial Intelligence");
		this.fixtures.round(soton, "soton-2027", Instant.parse("2026-10-15T22:00:00Z"), Applying.DEADLINE, sotonMl,
				sotonAi);
		MockHttpSession ada = this.applying.signIn("ada@example.org");
		String other = this.applying.start(ada, "soton-2027");
		this.applying.fillEverything(ada, other, "SE", sotonMl.getId(), sotonAi.getId());
		long adaId = this.jdbc.sql("select id from applicant where email = 'ada@example.org'")
			.query(Long.class)
			.single();
		this.jdbc.sql("update application set status = 'WITHDRAWN', submitted_at = now() where id = cast(:id as uuid)")
			.param("id", other)
			.update();
		this.jdbc.sql("update applicant set closed_at = now() where id = :id").param("id", adaId).update();

		at("2027-06-23T23:00:00Z");
		RetentionJob.Removed removed = this.retention.run();
		assertThat(removed.applications()).as("KTH's own three months").isOne();
		assertThat(exists(refused)).isFalse();
		assertThat(removed.accounts()).as("Southampton still holds an application").isZero();

		at("2028-03-23T23:00:00Z");
		removed = this.retention.run();
		assertThat(removed.applications()).as("Southampton's default twelve months").isOne();
		assertThat(removed.accounts()).as("the closed account, with its last application").isOne();
		assertThat(count("applicant where id = " + adaId)).isZero();
	}

	@Test
	void aRunThatFindsAnotherInstanceRunningItDoesNothing() throws Exception {
		String refused = submitted("ada@example.org");
		decide(refused, "NOT_ADMITTED");
		at("2029-01-01T00:00:00Z");
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, RetentionJob.LOCK);
				lock.execute();
			}
			assertThat(this.retention.run().skipped()).isTrue();
			assertThat(exists(refused)).isTrue();
			other.rollback();
		}
		assertThat(this.retention.run().applications()).isOne();
	}

	String submitted(String email) {
		MockHttpSession session = this.applying.applicant(email, email);
		String id = this.applying.start(session, "autumn-2027");
		this.applying.fillEverything(session, id, "SE", this.catalogue.ml(), this.catalogue.applied());
		assertThat(this.applying.submit(session, id)).hasRedirectedUrl("/applications/" + id);
		return id;
	}

	/** A decision as the review would record it, without walking the review's pages. */
	void decide(String id, String status) {
		this.jdbc.sql("""
				update application set status = :status, decided_at = now(), decision_reason = 'Reason.',
				decision_programme_id = case when :status = 'NOT_ADMITTED' then null else first_choice_programme_id end
				where id = cast(:id as uuid)""").param("status", status).param("id", id).update();
	}

	void at(String instant) {
		this.clock.setInstant(Instant.parse(instant));
	}

	boolean exists(String id) {
		return count("application where id = cast('" + id + "' as uuid)") > 0;
	}

	long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
