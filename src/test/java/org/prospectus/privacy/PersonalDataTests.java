package org.prospectus.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.SignInThrottle;
import org.prospectus.account.StaffRole;
import org.prospectus.applications.Applying;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
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
 * An applicant's data (ADR 0019): the archive they download, closing their account, and
 * erasure by an institution's administrator, which leaves nothing of them in any table.
 */
@PortalIntegrationTest
class PersonalDataTests {

	static final String EMAIL = "ada@example.org";

	static final String NAME = "Ada Lovelace";

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

	Applying.Catalogue catalogue;

	MockHttpSession ada;

	String submitted;

	@BeforeEach
	void setUp() {
		this.catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		this.applying = new Applying(this.mvc, this.jdbc);
		this.ada = this.applying.applicant(EMAIL, NAME);
		this.submitted = this.applying.start(this.ada, "autumn-2027");
		this.applying.fillEverything(this.ada, this.submitted, "SE", this.catalogue.ml(), this.catalogue.applied());
		assertThat(this.applying.submit(this.ada, this.submitted)).hasRedirectedUrl("/applications/" + this.submitted);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theArchiveHoldsTheAccountEveryAnswerTheStatusesAsShownTheMessagesAndTheDocuments() throws IOException {
		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		this.staff.createAt("officer@kth.example", "Olle Officer", kth, StaffRole.ADMISSIONS);
		MockHttpSession officer = this.staff.signIn("officer@kth.example");
		move(officer, "NOT_ADMITTED", "reason", "The degree is not in a relevant subject.");
		this.jdbc.sql("""
				insert into reference_request (application_id, position, referee_name, referee_email, relationship,
				    known_for, state, comments)
				values (cast(? as uuid), 1, 'Rita Referee', 'rita@uni.example', 'ACADEMIC', 'Three years', 'GIVEN',
				    'A confidential reference.')""").param(this.submitted).update();

		Map<String, byte[]> before = archive();
		String reference = reference(this.submitted);
		String application = text(before, "applications/" + reference + "/application.json");
		assertThat(application)
			.contains("\"status\" : \"Under review\"", "Drottninggatan 1", "2000-12-10", "\"version\" : \"2026-12-01\"",
					"Machine Learning")
			.as("a decision before its notification date is not the applicant's to read yet")
			.doesNotContain("Not admitted", "relevant subject");
		assertThat(application).as("a referee by name and state only")
			.contains("Rita Referee", "GIVEN")
			.doesNotContain("rita@uni.example", "A confidential reference.");
		assertThat(text(before, "account.json")).contains(EMAIL, NAME, "signInRecords");
		assertThat(text(before, "README.txt")).contains("statusHistory");
		assertThat(before.keySet()).anySatisfy((name) -> assertThat(name).startsWith("messages/001-"));
		assertThat(before.values().stream().map((b) -> new String(b, StandardCharsets.UTF_8)))
			.anySatisfy((message) -> assertThat(message).contains("Subject: ", reference));
		List<Map<String, Object>> documents = this.jdbc
			.sql("select stored_name, content from application_document where application_id = cast(:id as uuid)")
			.param("id", this.submitted)
			.query()
			.listOfRows();
		assertThat(documents).hasSize(3);
		for (Map<String, Object> document : documents) {
			assertThat(before.get("applications/" + reference + "/documents/" + document.get("stored_name")))
				.isEqualTo((byte[]) document.get("content"));
		}

		this.clock.setInstant(Instant.parse("2027-01-30T09:00:00Z"));
		String after = text(archive(), "applications/" + reference + "/application.json");
		assertThat(after).contains("\"status\" : \"Not admitted\"", "The degree is not in a relevant subject.",
				"\"at\" : \"2027-01-29T22:59:59Z\"");
	}

	@Test
	void closingEndsSignInDeletesDraftsAtOnceAndKeepsSubmittedApplicationsUntilTheirDate() {
		this.fixtures.round(
				this.fixtures.find(Institution.class,
						this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single()),
				"spring-2027", Instant.parse("2026-10-15T22:00:00Z"), Applying.DEADLINE,
				this.fixtures.find(Programme.class, this.catalogue.ml()));
		String draft = this.applying.start(this.ada, "spring-2027");
		Document confirm = page(this.mvc.get().uri("/account/close").session(this.ada).exchange());
		assertThat(confirm.text()).contains("Your draft application is deleted",
				reference(this.submitted) + ", Round autumn-2027 at University kth: deleted on 23 March 2028, "
						+ "or on 23 March 2029 if you are admitted.");

		MvcTestResult wrong = this.mvc.post()
			.uri("/account/close")
			.param("password", "not my password")
			.session(this.ada)
			.with(csrf())
			.exchange();
		assertThat(wrong).hasStatusOk();
		assertThat(page(wrong).select("#password-error").text()).startsWith("That is not the password");
		assertThat(count("application where id = cast('" + draft + "' as uuid)")).isOne();

		MockHttpSession elsewhere = this.applying.signIn(EMAIL);
		assertThat(this.mvc.post()
			.uri("/account/close")
			.param("password", Applying.PASSWORD)
			.session(this.ada)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/account/sign-in?closed");
		assertThat(this.mvc.get().uri("/account").session(this.ada).exchange()).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/account").session(elsewhere).exchange().getResponse().getRedirectedUrl())
			.as("another device's session is gone from the store")
			.endsWith("/account/sign-in");
		assertThat(this.jdbc.sql("""
				select count(*) from spring_session_attributes
				where position(convert_to(:email, 'UTF8') in attribute_bytes) > 0""")
			.param("email", EMAIL)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.mvc.post()
			.uri("/account/sign-in")
			.param("username", EMAIL)
			.param("password", Applying.PASSWORD)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/account/sign-in?error");
		assertThat(count("application where id = cast('" + draft + "' as uuid)")).isZero();
		assertThat(
				count("application_document d join application a on a.id = d.application_id where a.status = 'DRAFT'"))
			.isZero();
		assertThat(count("application where id = cast('" + this.submitted + "' as uuid)")).isOne();
		assertThat(count("applicant where lower(email) = '" + EMAIL + "' or full_name = '" + NAME + "'")).isZero();
		assertThat(count("audit_event where actor = '" + EMAIL + "'")).isZero();

		// The same address can register again, as a new account.
		this.mvc.post()
			.uri("/account/register")
			.param("fullName", NAME)
			.param("email", EMAIL)
			.param("password", Applying.PASSWORD)
			.param("confirmation", Applying.PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(count("applicant where email = '" + EMAIL + "' and closed_at is null")).isOne();
	}

	@Test
	void closingCountsWrongPasswordsLikeSignInAndRefusesEvenTheRightOneUntilThePauseEnds() {
		// After the sign-in of the set-up, which started the count afresh.
		this.clock.advance(Duration.ofSeconds(1));
		for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_LIMIT; attempt++) {
			assertThat(page(close("guess " + attempt)).select("#password-error").text())
				.startsWith("That is not the password");
		}
		MvcTestResult paused = close(Applying.PASSWORD);
		assertThat(paused).hasStatusOk();
		assertThat(page(paused).select("#password-error").text())
			.isEqualTo("Too many wrong passwords. Closing the account is paused for 15 minutes; try again after that.");
		assertThat(count("applicant where email = '" + EMAIL + "' and closed_at is null")).isOne();

		this.clock.advance(SignInThrottle.WINDOW.plusMinutes(1));
		assertThat(close(Applying.PASSWORD)).hasRedirectedUrl("/account/sign-in?closed");
	}

	MvcTestResult close(String password) {
		return this.mvc.post()
			.uri("/account/close")
			.param("password", password)
			.session(this.ada)
			.with(csrf())
			.exchange();
	}

	@Test
	void anInstitutionAdministratorErasesAnApplicantAndNothingOfThemIsLeftInAnyTable() {
		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		this.staff.createAt("officer@kth.example", "Olle Officer", kth, StaffRole.ADMISSIONS);
		this.staff.createAt("admin@kth.example", "Agnes Admin", kth, StaffRole.ADMIN);
		long soton = this.fixtures.institution("soton", "Europe/London").getId();
		this.staff.createAt("admin@soton.example", "Sid Admin", soton, StaffRole.ADMIN);
		MockHttpSession officer = this.staff.signIn("officer@kth.example");
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/notes", this.submitted)
			.param("body", "Phoned " + NAME + " about the transcript.")
			.session(officer)
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		move(officer, "NOT_ADMITTED", "reason", "Asked " + NAME + " to apply next year.");
		// A referee's details, what they wrote and the request they were e-mailed (issue
		// 30).
		this.jdbc.sql("""
				insert into reference_request (application_id, position, referee_name, referee_email, relationship,
				    known_for, state, comments)
				values (cast(? as uuid), 1, 'Rita Referee', 'rita@uni.example', 'ACADEMIC', 'Three years', 'GIVEN',
				    'Ada Lovelace is the best student I have had.')""").param(this.submitted).update();
		this.jdbc.sql("""
				insert into mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at)
				values ('rita@uni.example', 'You have been named as a referee', 'Ada Lovelace has applied.',
				    '<p>Ada Lovelace has applied.</p>', now(), now())""").update();
		List<byte[]> documents = this.jdbc.sql("select content from application_document")
			.query((rs, n) -> rs.getBytes(1))
			.list();
		String reference = reference(this.submitted);
		assertThat(everywhere(List.of(EMAIL, "Lovelace", "2000-12-10", "rita@uni.example"), documents).keySet())
			.as("the search finds the applicant before the erasure")
			.contains("reference_request (lovelace)", "mail_outbox (rita@uni.example)")
			.contains("applicant (ada@example.org)", "application (lovelace)", "application (2000-12-10)",
					"application_note (lovelace)", "audit_change (lovelace)", "mail_outbox (ada@example.org)",
					"sign_in_attempt (ada@example.org)", "spring_session_attributes (616461406578616d)")
			.anySatisfy((key) -> assertThat(key).startsWith("application_document ("));

		assertThat(this.mvc.get().uri("/admin/applications/{id}/erase", this.submitted).session(officer).exchange())
			.as("an officer who is not an administrator")
			.hasStatus(403);
		MockHttpSession other = this.staff.signIn("admin@soton.example");
		assertThat(this.mvc.get().uri("/admin/applications/{id}/erase", this.submitted).session(other).exchange())
			.as("another institution's administrator")
			.hasStatus(404);
		MockHttpSession admin = this.staff.signIn("admin@kth.example");
		Document confirm = page(
				this.mvc.get().uri("/admin/applications/{id}/erase", this.submitted).session(admin).exchange());
		assertThat(confirm.text()).contains(reference + ", Round autumn-2027 at University kth",
				"their account is deleted too");
		MvcTestResult noReason = this.mvc.post()
			.uri("/admin/applications/{id}/erase", this.submitted)
			.param("reason", " ")
			.session(admin)
			.with(csrf())
			.exchange();
		assertThat(page(noReason).select("#reason-error").text()).startsWith("Give the reason");
		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/erase", this.submitted)
			.param("reason", "Request of 1 December 2026, case 114")
			.session(admin)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/admin/applications");

		Map<String, Long> found = everywhere(
				List.of(EMAIL, "Lovelace", "2000-12-10", "Drottninggatan", "rita@uni.example", "Rita Referee"),
				documents);
		assertThat(found).as("rows in which something of the applicant is left").isEmpty();
		assertThat(this.jdbc.sql("""
				select e.summary || ' / ' || c.after_value from audit_event e join audit_change c on c.event_id = e.id
				where e.action = 'ERASE'""").query(String.class).single()).contains(
				"Erased on request: 1 applications (" + reference + ")", "and the account",
				"Request of 1 December 2026, case 114");
		assertThat(count("audit_event where summary like 'Moved " + reference + "%'"))
			.as("what happened stays, without whom it was about")
			.isPositive();
	}

	@Test
	void theErasurePageSaysOnlyThatOtherInstitutionsHoldApplicationsNeverWhich() {
		long kth = this.jdbc.sql("select id from institution where slug = 'kth'").query(Long.class).single();
		this.staff.createAt("admin@kth.example", "Agnes Admin", kth, StaffRole.ADMIN);
		var soton = this.fixtures.institution("soton", "Europe/London");
		this.fixtures.round(soton, "southampton-2027", Instant.parse("2026-10-15T22:00:00Z"), Applying.DEADLINE,
				this.fixtures.programme(soton, "soton-ml", "Southampton Machine Learning"),
				this.fixtures.programme(soton, "soton-ds", "Southampton Data Science"));
		long sotonMl = this.jdbc.sql("select id from programme where slug = 'soton-ml'").query(Long.class).single();
		long sotonDs = this.jdbc.sql("select id from programme where slug = 'soton-ds'").query(Long.class).single();
		String elsewhere = this.applying.start(this.ada, "southampton-2027");
		this.applying.fillEverything(this.ada, elsewhere, "SE", sotonMl, sotonDs);
		assertThat(this.applying.submit(this.ada, elsewhere)).hasRedirectedUrl("/applications/" + elsewhere);
		String sotonReference = reference(elsewhere);

		MockHttpSession admin = this.staff.signIn("admin@kth.example");
		MvcTestResult confirm = this.mvc.get()
			.uri("/admin/applications/{id}/erase", this.submitted)
			.session(admin)
			.exchange();
		Document page = page(confirm);
		assertThat(page.text())
			.contains(reference(this.submitted) + ", Round autumn-2027 at University kth",
					"Other institutions also hold applications of this applicant's")
			.doesNotContain(sotonReference, "southampton-2027", "University soton", "their account is deleted too");
		assertThat(confirm.getMvcResult().getModelAndView().getModel().get("plan").toString())
			.as("the service hands the page nothing of the other institution's application")
			.doesNotContain(sotonReference, "southampton-2027", "University soton", elsewhere);

		assertThat(this.mvc.post()
			.uri("/admin/applications/{id}/erase", this.submitted)
			.param("reason", "Request of 1 December 2026, case 115")
			.session(admin)
			.with(csrf())
			.exchange()).hasRedirectedUrl("/admin/applications");
		assertThat(count("application where id = cast('" + elsewhere + "' as uuid)")).isOne();
		assertThat(count("applicant where email = '" + EMAIL + "'")).as("the account stays with Southampton").isOne();
	}

	/**
	 * Every row of every table whose text, as PostgreSQL writes it, contains one of the
	 * values or the hex of one of the documents: table name and count.
	 */
	Map<String, Long> everywhere(List<String> values, List<byte[]> documents) {
		List<String> needles = new ArrayList<>(values.stream().map(String::toLowerCase).toList());
		documents.forEach((bytes) -> needles.add(HexFormat.of().formatHex(bytes, 0, 64)));
		// Binary columns, such as serialized sessions, as PostgreSQL writes them: hex.
		values.forEach((value) -> needles.add(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8))));
		Map<String, Long> found = new LinkedHashMap<>();
		for (String table : this.jdbc
			.sql("""
					select table_name from information_schema.tables
					where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""")
			.query(String.class)
			.list()) {
			for (String needle : needles) {
				long rows = this.jdbc
					.sql("select count(*) from " + table + " t where strpos(lower(t::text), :needle) > 0")
					.param("needle", needle)
					.query(Long.class)
					.single();
				if (rows > 0) {
					found.merge(table + " (" + needle.substring(0, Math.min(needle.length(), 16)) + ")", rows,
							Long::sum);
				}
			}
		}
		return found;
	}

	Map<String, byte[]> archive() throws IOException {
		MvcTestResult result = this.mvc.get().uri("/account/data/archive").session(this.ada).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/zip");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}

	static String text(Map<String, byte[]> archive, String name) {
		assertThat(archive).containsKey(name);
		return new String(archive.get(name), StandardCharsets.UTF_8);
	}

	void move(MockHttpSession officer, String status, String... more) {
		Review.move(this.mvc, officer, this.submitted, status, more);
	}

	String reference(String id) {
		return this.jdbc.sql("select reference from application where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
