package org.prospectus.decisions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.prospectus.applications.Applying;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An event committed with its change is handled even when the process that published it
 * dies before its listener finished (issue 27, ADR 0031). A portal in a JVM of its own
 * ({@link WithdrawingInstance}) withdraws an application whose offer holds a place; the
 * test holds the offer's row lock, so the listener that declines the offer waits on it,
 * after the withdrawal and its event publication have committed. The process is then
 * killed with SIGKILL. An instance started afterwards finds the publication stale, claims
 * it and hands it to the listener again: the offer is declined and the publication gone.
 * And a listener that throws leaves the applicant's withdrawal done and its publication
 * failed, for the resubmission to finish.
 */
@PortalIntegrationTest
class EventCrashTests {

	static final String LISTENER = "offers.application-withdrawn";

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
	JdbcConnectionDetails database;

	@Autowired
	FailedEventPublications failed;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A submitted application whose offer holds a place. */
	record Offered(String id, long offer, long applicantId, MockHttpSession applicant, Deciding deciding) {
	}

	Offered offered() {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession applicant = applying.applicant("ada@example.org", "Ada Lovelace");
		String id = applying.start(applicant, "autumn-2027");
		applying.fillEverything(applicant, id, "SE", catalogue.ml(), catalogue.applied());
		assertThat(applying.submit(applicant, id)).hasRedirectedUrl("/applications/" + id);
		this.staff.create("officer@uni.example", "Olivia Officer", StaffRole.ADMISSIONS);
		Deciding deciding = new Deciding(this.mvc, this.staff.signIn("officer@uni.example"));
		assertThat(deciding.decide(id, "ADMITTED", "programme", Long.toString(catalogue.ml())))
			.hasRedirectedUrl("/admin/applications/" + id);
		long offer = this.jdbc.sql("select id from offer where application_id = cast(:id as uuid)")
			.param("id", id)
			.query(Long.class)
			.single();
		long applicantId = this.jdbc.sql("select applicant_id from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(offerState(offer)).isEqualTo("OPEN");
		return new Offered(id, offer, applicantId, applicant, deciding);
	}

	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void aWithdrawalWhoseListenerDiedWithItsProcessIsHandledByTheNextInstance() throws Exception {
		Offered offered = offered();
		String id = offered.id();
		long offer = offered.offer();
		long applicantId = offered.applicantId();
		Path log = Files.createTempFile("withdrawing-instance", ".log");
		Process child = null;
		try (Connection lock = DriverManager.getConnection(this.database.getJdbcUrl(), this.database.getUsername(),
				this.database.getPassword())) {
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock.prepareStatement("select id from offer where id = ? for update")) {
				select.setLong(1, offer);
				select.executeQuery().close();
			}
			child = new ProcessBuilder(javaCommand(), "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp",
					System.getProperty("java.class.path"), WithdrawingInstance.class.getName(),
					this.database.getJdbcUrl(), this.database.getUsername(), this.database.getPassword(), id,
					Long.toString(applicantId))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Process running = child;
			awaitOrFail(Duration.ofMinutes(2), log.toFile(), running,
					() -> "WITHDRAWN".equals(applicationStatus(id)) && incomplete() == 1 && childWaitsOnALock());

			// The withdrawal and its event committed; the listener is half-way. Now the
			// crash.
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
			// As the database would find, sooner or later, of a dead client's
			// connections.
			this.jdbc.sql("""
					select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = :name""")
				.param("name", WithdrawingInstance.APPLICATION_NAME)
				.query(Long.class)
				.single();
			awaitOrFail(Duration.ofSeconds(30), log.toFile(), null, () -> childConnections() == 0);
			lock.rollback();
		}
		finally {
			if (child != null) {
				child.destroyForcibly();
				child.waitFor(30, TimeUnit.SECONDS);
			}
		}
		assertThat(offerState(offer)).as("the listener died before it declined the offer").isEqualTo("OPEN");
		assertThat(this.jdbc.sql("select status from event_publication where listener_id = :listener")
			.param("listener", LISTENER)
			.query(String.class)
			.list()).as("the event outlived the process").containsExactly("PROCESSING");

		// The next instance: a publication still processing after a second is stale.
		try (OtherInstance next = new OtherInstance(this.database.getJdbcUrl(), this.database,
				"prospectus.events.resubmission.enabled=true", "prospectus.events.resubmission.delay=200ms",
				"spring.modulith.events.staleness.processing=1s",
				"spring.modulith.events.staleness.check-interval=200ms", "prospectus.sessions.cleanup.enabled=false")) {
			Instant until = Instant.now().plusSeconds(60);
			while (!("DECLINED".equals(offerState(offer)) && incomplete() == 0) && Instant.now().isBefore(until)) {
				Thread.sleep(100);
			}
		}
		assertThat(offerState(offer)).as("declined after the restart").isEqualTo("DECLINED");
		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Long.class).single())
			.as("the publication completed, and so deleted")
			.isZero();
	}

	private String offerState(long offer) {
		return this.jdbc.sql("select state from offer where id = :id").param("id", offer).query(String.class).single();
	}

	private String applicationStatus(String id) {
		return this.jdbc.sql("select status from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long incomplete() {
		return this.jdbc.sql("select count(*) from event_publication where listener_id = :listener")
			.param("listener", LISTENER)
			.query(Long.class)
			.single();
	}

	private boolean childWaitsOnALock() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where application_name = :name and wait_event_type = 'Lock' and query like 'update offer%'""")
			.param("name", WithdrawingInstance.APPLICATION_NAME)
			.query(Long.class)
			.single() == 1;
	}

	private long childConnections() {
		return this.jdbc.sql("select count(*) from pg_stat_activity where application_name = :name")
			.param("name", WithdrawingInstance.APPLICATION_NAME)
			.query(Long.class)
			.single();
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Waits for the condition; fails with the child's log if it ends first or time runs
	 * out.
	 */
	private static void awaitOrFail(Duration timeout, File log, Process child, BooleanSupplier condition)
			throws Exception {
		Instant until = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (child != null && !child.isAlive()) {
				fail("The withdrawing instance ended (" + child.exitValue() + "):\n" + tail(log));
			}
			if (Instant.now().isAfter(until)) {
				fail("Not within " + timeout + ":\n" + tail(log));
			}
			Thread.sleep(100);
		}
	}

	private static String tail(File log) throws Exception {
		List<String> lines = Files.readAllLines(log.toPath());
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	@Test
	void aListenerThatFailsLeavesTheWithdrawalDoneAndThePublicationFailedForAnotherTry() {
		Offered offered = offered();
		// For a moment the database refuses every change of an offer: the listener
		// throws.
		this.jdbc.sql("""
				create function refuse_offer_change() returns trigger language plpgsql
				as $$ begin raise exception 'offer changes refused'; end $$""").update();
		this.jdbc.sql("""
				create trigger refuse_offer_change before update on offer
				for each row execute function refuse_offer_change()""").update();
		try {
			assertThat(offered.deciding().post(offered.applicant(), "/applications/" + offered.id() + "/withdraw"))
				.as("the applicant is told of the withdrawal, which committed")
				.hasStatus3xxRedirection();
		}
		finally {
			this.jdbc.sql("drop trigger refuse_offer_change on offer").update();
			this.jdbc.sql("drop function refuse_offer_change()").update();
		}
		assertThat(applicationStatus(offered.id())).isEqualTo("WITHDRAWN");
		assertThat(offerState(offered.offer())).isEqualTo("OPEN");
		assertThat(this.jdbc.sql("select status from event_publication where listener_id = :listener")
			.param("listener", LISTENER)
			.query(String.class)
			.list()).as("the registry saw the failure").containsExactly("FAILED");

		// What EventResubmission does once a minute.
		this.failed.resubmit(ResubmissionOptions.defaults());
		assertThat(offerState(offered.offer())).isEqualTo("DECLINED");
		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isZero();
	}

}
