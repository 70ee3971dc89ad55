package org.prospectus.applications;

import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowingConsumer;
import org.jsoup.nodes.Document;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.Money;
import org.prospectus.support.MutableClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An applicant's part, through the pages: register, confirm, sign in, start an
 * application to the round {@code autumn-2027}, fill in every step, upload documents and
 * submit. Not a bean: each test class makes one with its MockMvc.
 */
public class Applying {

	public static final String PASSWORD = "quartz meadow lantern 2027";

	public static final Pattern VERIFY = Pattern.compile("/account/verify\\?token=([\\w-]+)");

	final MockMvcTester mvc;

	final JdbcClient jdbc;

	/** The round's deadline: 23:59:59 in Stockholm, 15 January 2027. */
	public static final Instant DEADLINE = Instant.parse("2027-01-15T22:59:59Z");

	/**
	 * The catalogue these tests apply in, in a clean database: KTH, whose fee citizens of
	 * Sweden, Finland and Germany do not pay, with two programmes in the round
	 * {@code autumn-2027} closing at {@link #DEADLINE}; the clock on 10 January 2027.
	 */
	public static Catalogue catalogue(CatalogueFixtures fixtures, JdbcClient jdbc, MutableClock clock) {
		DatabaseCleaner.clean(jdbc);
		clock.setInstant(Instant.parse("2027-01-10T12:00:00Z"));
		Institution kth = fixtures.institution("kth", "Europe/Stockholm");
		// KTH charges its application fee of 900 SEK for each programme.
		Programme machineLearning = fixtures.programme(kth, "ml", "Machine Learning",
				(p) -> p.setApplicationFee(Money.of("900", "SEK"), null));
		Programme appliedMl = fixtures.programme(kth, "applied-ml", "Applied Machine Learning",
				(p) -> p.setApplicationFee(Money.of("900", "SEK"), null));
		fixtures.round(kth, "autumn-2027", Instant.parse("2026-10-15T22:00:00Z"), DEADLINE, machineLearning, appliedMl);
		// Written last: the fixtures merge their own copy of the institution.
		jdbc.sql("update institution set fee_exempt_countries = '{SE,FI,DE}' where slug = 'kth'").update();
		return new Catalogue(machineLearning.getId(), appliedMl.getId());
	}

	/** The ids of the two programmes of {@link #catalogue}. */
	public record Catalogue(long ml, long applied) {

	}

	public Applying(MockMvcTester mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	public MockHttpSession applicant(String email, String name) {
		this.mvc.post()
			.uri("/account/register")
			.param("fullName", name)
			.param("email", email)
			.param("password", PASSWORD)
			.param("confirmation", PASSWORD)
			.with(csrf())
			.exchange();
		String body = this.jdbc.sql("select text_body from mail_outbox where recipient = :to")
			.param("to", email)
			.query(String.class)
			.single();
		Matcher token = VERIFY.matcher(body);
		assertThat(token.find()).isTrue();
		this.mvc.post().uri("/account/verify").param("token", token.group(1)).with(csrf()).exchange();
		return signIn(email);
	}

	/** Signs a confirmed applicant in, in a session of their own. */
	public MockHttpSession signIn(String email) {
		MvcTestResult signedIn = this.mvc.post()
			.uri("/account/sign-in")
			.param("username", email)
			.param("password", PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(signedIn).hasRedirectedUrl("/account");
		return (MockHttpSession) signedIn.getRequest().getSession(false);
	}

	public String start(MockHttpSession session) {
		assertThat(
				page(this.mvc.get().uri("/applications/new").param("round", "autumn-2027").session(session).exchange())
					.text())
			.contains("The deadline is 15 January 2027, 23:59 CET");
		return start(session, "autumn-2027");
	}

	/** Starts an application to any open round. */
	public String start(MockHttpSession session, String round) {
		MvcTestResult started = this.mvc.post()
			.uri("/applications")
			.param("round", round)
			.session(session)
			.with(csrf())
			.exchange();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).matches("/applications/[0-9a-f-]{36}/steps/personal");
		return location.split("/")[2];
	}

	public MvcTestResult step(MockHttpSession session, String id, String step, Map<String, String> values) {
		var request = this.mvc.post().uri("/applications/{id}/steps/{step}", id, step).session(session).with(csrf());
		values.forEach(request::param);
		return request.exchange();
	}

	/**
	 * An accepted upload's answer: back to the documents step, which confirms the stored
	 * document named in its address.
	 */
	public static ThrowingConsumer<MvcTestResult> redirectedAfterUpload(String id) {
		return (result) -> assertThat(result.getResponse().getRedirectedUrl())
			.matches("/applications/" + Pattern.quote(id) + "/documents\\?uploaded=[0-9a-f-]{36}");
	}

	public static Map<String, String> values(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/**
	 * Every step answered, the statement leading to the documents, and the three
	 * documents every application needs uploaded.
	 */
	public void fillEverything(MockHttpSession session, String id, String citizenship, long firstChoice,
			long secondChoice) {
		assertThat(step(session, id, "personal",
				values("givenNames", "Ada", "familyName", "Lovelace", "dateOfBirth", "2000-12-10")))
			.hasRedirectedUrl("/applications/" + id + "/steps/contact");
		assertThat(step(session, id, "contact",
				values("addressLine1", "Drottninggatan 1", "addressLine2", "Flat 2B", "city", "Stockholm", "postcode",
						"111 51", "country", "SE", "phone", "+46 8 123 456")))
			.hasRedirectedUrl("/applications/" + id + "/steps/citizenship");
		assertThat(step(session, id, "citizenship", values("country", citizenship, "secondCountry", "NO")))
			.hasRedirectedUrl("/applications/" + id + "/steps/education");
		assertThat(step(session, id, "education",
				values("entries[0].institution", "Uppsala University", "entries[0].country", "SE",
						"entries[0].qualification", "Bachelor of Science", "entries[0].subject", "Mathematics",
						"entries[0].grade", "A", "entries[0].from", "2019-09", "entries[0].until", "2022-06",
						"entries[1].institution", "", "entries[1].country", "")))
			.hasRedirectedUrl("/applications/" + id + "/steps/language");
		assertThat(step(session, id, "language", values("basis", "STUDIES")))
			.hasRedirectedUrl("/applications/" + id + "/steps/choices");
		assertThat(step(session, id, "choices",
				values("ranked[0]", Long.toString(firstChoice), "ranked[1]", Long.toString(secondChoice))))
			.hasRedirectedUrl("/applications/" + id + "/steps/statement");
		assertThat(step(session, id, "statement", values("text", "I want to build learning systems that last.")))
			.hasRedirectedUrl("/applications/" + id + "/documents");
		uploadRequired(session, id);
	}

	void uploadRequired(MockHttpSession session, String id) {
		assertThat(upload(session, id, "TRANSCRIPT", "transcript.pdf", UploadFiles.pdf("Transcript of records")))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(upload(session, id, "DEGREE_CERTIFICATE", "degree.jpg", UploadFiles.jpeg()))
			.hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(id));
		assertThat(upload(session, id, "PASSPORT", "passport.png", UploadFiles.png())).hasStatus3xxRedirection()
			.satisfies(Applying.redirectedAfterUpload(id));
	}

	/** Uploads as a browser would, declaring whatever type the name suggests. */
	public MvcTestResult upload(MockHttpSession session, String id, String kind, String filename, byte[] content) {
		String declared = filename.endsWith(".pdf") ? "application/pdf"
				: filename.endsWith(".png") ? "image/png" : "image/jpeg";
		return this.mvc.post()
			.uri("/applications/{id}/documents?kind={kind}", id, kind)
			.multipart()
			.file(new MockMultipartFile("file", filename, declared, content))
			.session(session)
			.with(csrf())
			.exchange();
	}

	public MvcTestResult submit(MockHttpSession session, String id) {
		Document review = page(this.mvc.get().uri("/applications/{id}/review", id).session(session).exchange());
		return this.mvc.post()
			.uri("/applications/{id}/submit", id)
			.param("submitKey", review.select("input[name=submitKey]").val())
			.param("declaration", "yes")
			.session(session)
			.with(csrf())
			.exchange();
	}

}
