package org.prospectus.applications;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in request costs (issue 26): the shared session store (ADR 0020) is read
 * once at most, written only when something in it changed, and never touched for a static
 * file; an applicant's busiest pages take one connection each.
 */
@PortalIntegrationTest
class SessionCostTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	StatementCounter statements;

	@Autowired
	StaffSessions staff;

	@BeforeEach
	void setUp() {
		Applying.catalogue(this.fixtures, this.jdbc, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	List<String> sessionStatementsFor(Runnable request) {
		this.statements.reset();
		request.run();
		return this.statements.sessionStatements();
	}

	/**
	 * The connections the page's own statements took, beside the one that checks the
	 * account's access epoch (ADR 0020) before any page.
	 */
	long pageConnections() {
		return this.statements.statements()
			.stream()
			.filter((statement) -> !statement.contains("access_epoch"))
			.map((statement) -> statement.substring(0, statement.indexOf(':')))
			.distinct()
			.count();
	}

	static long reads(List<String> statements) {
		return statements.stream().filter((sql) -> sql.strip().toUpperCase().startsWith("SELECT")).count();
	}

	static long writes(List<String> statements) {
		return statements.size() - reads(statements);
	}

	@Test
	void aSignedInApplicantsPagesReadTheSessionOnceAndStaticFilesNever() {
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession session = applying.applicant("cost@example.org", "Cost Person");
		String id = applying.start(session);

		List<String> step = sessionStatementsFor(
				() -> assertThat(this.mvc.get().uri("/applications/{id}/steps/personal", id).session(session))
					.hasStatusOk());
		assertThat(reads(step)).as("%s", step).isLessThanOrEqualTo(1);
		assertThat(writes(step)).as("%s", step).isZero();

		List<String> account = sessionStatementsFor(
				() -> assertThat(this.mvc.get().uri("/account").session(session)).hasStatusOk());
		assertThat(reads(account)).as("%s", account).isLessThanOrEqualTo(1);
		assertThat(writes(account)).as("%s", account).isZero();

		List<String> saved = sessionStatementsFor(() -> assertThat(applying.step(session, id, "personal",
				Applying.values("givenNames", "Cost", "familyName", "Person", "dateOfBirth", "1999-04-02")))
			.hasStatus3xxRedirection());
		assertThat(reads(saved)).as("%s", saved).isLessThanOrEqualTo(1);

		for (String file : List.of("/static/css/prospectus.css", "/webjars/bootstrap/dist/css/bootstrap.min.css")) {
			List<String> asset = sessionStatementsFor(
					() -> assertThat(this.mvc.get().uri(file).session(session)).hasStatusOk());
			assertThat(asset).as(file).isEmpty();
		}
	}

	/**
	 * A step's page and its save, and the documents page and an upload, each read and
	 * write the application in one transaction: a connection, a {@code BEGIN} and a
	 * {@code COMMIT} each, where they took three to nine before.
	 */
	@Test
	void anApplicantsStepAndDocumentsPagesEachTakeOneConnection() {
		Applying applying = new Applying(this.mvc, this.jdbc);
		MockHttpSession session = applying.applicant("connections@example.org", "Connection Person");
		String id = applying.start(session);
		this.statements.reset();
		assertThat(this.mvc.get().uri("/applications/{id}/steps/contact", id).session(session)).hasStatusOk();
		assertThat(pageConnections()).as("step page: %s", this.statements.statements()).isEqualTo(1);
		this.statements.reset();
		assertThat(applying.step(session, id, "personal", Applying.values("givenNames", "Connection"))).hasStatusOk();
		assertThat(pageConnections()).as("a save shown again with its problems: %s", this.statements.statements())
			.isEqualTo(1);
		this.statements.reset();
		assertThat(applying.step(session, id, "personal",
				Applying.values("givenNames", "Connection", "familyName", "Person", "dateOfBirth", "1999-04-02")))
			.hasStatus3xxRedirection();
		assertThat(pageConnections()).as("a save: %s", this.statements.statements()).isEqualTo(1);
		this.statements.reset();
		assertThat(this.mvc.get().uri("/applications/{id}/documents", id).session(session)).hasStatusOk();
		assertThat(pageConnections()).as("documents page: %s", this.statements.statements()).isEqualTo(1);

		// An upload and the page that confirms it leave the session as it was.
		List<String> upload = sessionStatementsFor(
				() -> assertThat(applying.upload(session, id, "PASSPORT", "passport.png", UploadFiles.png()))
					.satisfies(Applying.redirectedAfterUpload(id)));
		assertThat(writes(upload)).as("%s", upload).isZero();
		String confirmed = this.jdbc.sql("select id from application_document where kind = 'PASSPORT'")
			.query(String.class)
			.single();
		List<String> page = sessionStatementsFor(() -> assertThat(
				this.mvc.get().uri("/applications/{id}/documents?uploaded={doc}", id, confirmed).session(session))
			.bodyText()
			.contains("Uploaded: Passport or national identity card, stored as"));
		assertThat(writes(page)).as("%s", page).isZero();
		// Only the applicant's own documents are confirmed, whatever the address says.
		assertThat(this.mvc.get()
			.uri("/applications/{id}/documents?uploaded={doc}", id, "3f1c2a54-8d0e-4a53-9d7b-1f0c2b3a4d5e")
			.session(session)).bodyText().doesNotContain("Uploaded:");
	}

	@Test
	void staffPagesReadTheSessionOnce() {
		this.staff.create("cost-staff@example.org", "Cost Staff", StaffRole.ADMIN);
		MockHttpSession session = this.staff.signIn("cost-staff@example.org");
		// The first page after signing in makes the session's CSRF token and keeps it.
		assertThat(this.mvc.get().uri("/admin").session(session)).hasStatusOk();
		List<String> dashboard = sessionStatementsFor(
				() -> assertThat(this.mvc.get().uri("/admin").session(session)).hasStatusOk());
		assertThat(reads(dashboard)).as("%s", dashboard).isLessThanOrEqualTo(1);
		assertThat(writes(dashboard)).as("%s", dashboard).isZero();
		List<String> asset = sessionStatementsFor(
				() -> assertThat(this.mvc.get().uri("/static/css/prospectus.css").session(session)).hasStatusOk());
		assertThat(asset).isEmpty();
	}

}
