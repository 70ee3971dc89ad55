package deadlinenight;

import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Deadline night (issue 26): applicants arriving at a fixed rate (open model, Poisson
 * arrivals) for a while, each going through the whole journey: sign in, open the
 * programme page, start an application, save the seven form steps (one time in five the
 * first try of a step has a mistake and is sent again corrected), upload three documents
 * on the eighth, check the answers, submit, and see the confirmation on the status page.
 * 1–3 s of thought (uniform) between pages; a redirect is followed at once, as a browser
 * does. A failed page (5xx, cut-off body, connection error, timeout) is tried again twice;
 * after the third failure the applicant gives up. The page's CSS and JavaScript are
 * fetched as a browser does (Gatling reads them from the HTML and keeps them per applicant
 * by their Cache-Control, Expires, Last-Modified and ETag).
 *
 * Set by the script with -D: bench.baseUrl, bench.rate (applicants a second),
 * bench.arrivalSeconds, bench.drainSeconds (the longest the last journeys may take after
 * that), bench.firstAccount (applicant accounts bench-N@night.example from N =
 * firstAccount + 1 up, seeded with bench.password), bench.round, bench.programmeSlug,
 * bench.programmeId and bench.out (where {@link Recorder} writes the figures).
 */
public class DeadlineNightSimulation extends Simulation {

	static final String CSRF_REGEX = "name=\"_csrf\" value=\"([^\"]+)\"";

	/** A 1×1 PNG, as a scan would be. */
	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

	final String base = System.getProperty("bench.baseUrl", "http://127.0.0.1:18280");

	final double rate = Double.parseDouble(System.getProperty("bench.rate", "2"));

	final int arrivalSeconds = Integer.getInteger("bench.arrivalSeconds", 60);

	final int drainSeconds = Integer.getInteger("bench.drainSeconds", 240);

	final long firstAccount = Long.getLong("bench.firstAccount", 0L);

	final String password = System.getProperty("bench.password", "quartz meadow lantern 2027");

	final String round = System.getProperty("bench.round", "fault-round");

	final String programmeSlug = System.getProperty("bench.programmeSlug", "p1");

	final String programmeId = System.getProperty("bench.programmeId", "1");

	final Path out = Path.of(System.getProperty("bench.out", "target/deadline-night"));

	final AtomicLong accounts = new AtomicLong(this.firstAccount);

	final HttpProtocolBuilder protocol = http.baseUrl(this.base)
		.disableWarmUp()
		.disableFollowRedirect()
		.inferHtmlResources()
		.acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
		.acceptEncodingHeader("gzip, deflate")
		.acceptLanguageHeader("en")
		.userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) deadline-night benchmark")
		// Every answer, static files included, is recorded; a 5xx or a cut-off body fails it.
		.checkIf((response, session) -> Recorder.failed(response))
		.then(bodyLength().transform((length) -> "a failed page (5xx or cut off)").is("a complete page"));

	/** The form steps, each with its answers and, first, the mistake made one time in five. */
	final Map<String, List<String[]>> steps = new LinkedHashMap<>();

	{
		step("personal", new String[] { "givenNames", "" }, "givenNames", "Ann", "familyName", "Applicant",
				"dateOfBirth", "2000-01-01");
		step("contact", new String[] { "addressLine1", "" }, "addressLine1", "Street 1", "city", "Stockholm",
				"postcode", "111 51", "country", "SE", "phone", "+46 8 000 000");
		step("citizenship", new String[] { "country", "" }, "country", "SE");
		step("education", new String[] { "entries[0].institution", "" }, "entries[0].institution",
				"Uppsala University", "entries[0].country", "SE", "entries[0].qualification", "BSc",
				"entries[0].subject", "Maths", "entries[0].grade", "A", "entries[0].from", "2019-09",
				"entries[0].until", "2022-06");
		step("language", new String[] { "basis", "" }, "basis", "STUDIES");
		step("choices", new String[] { "ranked[0]", "" }, "ranked[0]", this.programmeId);
		step("statement", new String[] { "text", "" }, "text",
				"I want to learn how to build things that last, and this programme teaches exactly that.");
	}

	void step(String slug, String[] mistake, String... answers) {
		List<String[]> pairs = new ArrayList<>();
		pairs.add(mistake);
		for (int i = 0; i < answers.length; i += 2) {
			pairs.add(new String[] { answers[i], answers[i + 1] });
		}
		this.steps.put(slug, pairs);
	}

	static ChainBuilder think() {
		return pause(Duration.ofMillis(1000), Duration.ofMillis(3000));
	}

	/**
	 * One page as a person gets it: tried up to three times (a second apart), then given
	 * up on, which ends the applicant's journey.
	 */
	static ChainBuilder page(String kind, HttpRequestActionBuilder request) {
		return retried(counted(kind, request));
	}

	/** The request, counted as an attempt at its page kind (an answer is counted apart). */
	static ChainBuilder counted(String kind, HttpRequestActionBuilder request) {
		return exec((session) -> {
			Recorder.kind(kind).attempts.increment();
			return session;
		}).exec(request);
	}

	/** Up to three tries of the pages, a second apart; after the third failure the applicant gives up. */
	static ChainBuilder retried(ChainBuilder pages) {
		return tryMax(3, "try").on(exec((session) -> {
			if (session.getInt("try") > 0) {
				Recorder.retried.increment();
			}
			return session;
		}).doIf((session) -> session.getInt("try") > 0).then(pause(Duration.ofSeconds(1))).exec(pages))
			.doIf(Session::isFailed)
			.then(exec((session) -> {
				Recorder.gaveUp.increment();
				return session;
			}).exitHere());
	}

	static CheckBuilder csrf() {
		return regex(CSRF_REGEX).saveAs("csrf");
	}

	static CheckBuilder redirectTo(String pathRegex) {
		return header("Location").transform((location) -> location.matches("(https?://[^/]+)?" + pathRegex)).is(true);
	}

	HttpRequestActionBuilder stepPost(String slug, boolean mistake) {
		HttpRequestActionBuilder post = http(mistake ? "step save (mistake)" : "step save")
			.post("/applications/#{app}/steps/" + slug)
			.formParam("_csrf", "#{csrf}");
		List<String[]> pairs = this.steps.get(slug);
		String wrong = pairs.get(0)[0];
		for (String[] pair : pairs.subList(1, pairs.size())) {
			post = post.formParam(pair[0], (mistake && pair[0].equals(wrong)) ? pairs.get(0)[1] : pair[1]);
		}
		return mistake ? post.check(status().in(200, 422), csrf()) : post.check(status().is(302));
	}

	ChainBuilder journey() {
		ChainBuilder chain = exec((session) -> {
			Recorder.started.increment();
			return session.set("email", "bench-" + this.accounts.incrementAndGet() + "@night.example");
		})
			// Signing in fails as a whole: a person whose sign-in failed starts again from its page.
			.exec(retried(signInPage().exec(think())
				.exec(counted("sign-in",
						http("sign-in").post("/account/sign-in")
							.formParam("username", "#{email}")
							.formParam("password", this.password)
							.formParam("_csrf", "#{csrf}")
							.check(status().is(302),
									header("Location").transform((l) -> !l.contains("error")).is(true))))))
			.exec(page("account", http("account").get("/account").check(status().is(200))))
			.exec(think())
			.exec(page("programme", http("programme").get("/programmes/" + this.programmeSlug).check(status().is(200))))
			.exec(think())
			.exec(page("start page",
					http("start page").get("/applications/new?round=" + this.round + "&programme=" + this.programmeSlug)
						.check(status().is(200), csrf())))
			.exec(think())
			.exec(page("start",
					http("start").post("/applications")
						.formParam("round", this.round)
						.formParam("programme", this.programmeSlug)
						.formParam("_csrf", "#{csrf}")
						.check(status().is(302), redirectTo("/applications/[0-9a-f-]{36}/steps/personal"),
								header("Location")
									.transform((l) -> l.replaceAll(".*/applications/([0-9a-f-]{36})/.*", "$1"))
									.saveAs("app"))));
		for (String slug : this.steps.keySet()) {
			chain = chain
				.exec(page("step page",
						http("step page").get("/applications/#{app}/steps/" + slug).check(status().is(200), csrf())))
				.exec(think())
				.doIf((session) -> ThreadLocalRandom.current().nextInt(5) == 0)
				.then(exec(page("step save", stepPost(slug, true))).exec(think()))
				.exec(page("step save", stepPost(slug, false)));
		}
		chain = chain.exec(documentsPage());
		for (String kind : List.of("TRANSCRIPT", "DEGREE_CERTIFICATE", "PASSPORT")) {
			chain = chain.exec(think())
				.exec(page("upload",
						http("upload").post("/applications/#{app}/documents?kind=" + kind)
							.formParam("_csrf", "#{csrf}")
							.bodyPart(ByteArrayBodyPart("file", PNG).fileName(kind.toLowerCase() + ".png")
								.contentType("image/png"))
							.asMultipartForm()
							.check(status().is(302), header("Location").saveAs("uploaded"))))
				// The page the upload's answer names, which confirms the stored file.
				.exec(page("documents page", http("documents page").get("#{uploaded}").check(status().is(200), csrf())));
		}
		return chain.exec(think())
			.exec(page("review",
					http("review").get("/applications/#{app}/review")
						.check(status().is(200), csrf(),
								regex("name=\"submitKey\" value=\"([^\"]+)\"").saveAs("submitKey"))))
			.exec(think())
			.exec(page("submit",
					http("submit").post("/applications/#{app}/submit")
						.formParam("submitKey", "#{submitKey}")
						.formParam("declaration", "yes")
						.formParam("_csrf", "#{csrf}")
						.check(status().is(302), redirectTo("/applications/[0-9a-f-]{36}"))))
			.exec(page("status",
					http("status").get("/applications/#{app}")
						.check(status().is(200),
								bodyString()
									.transform((body) -> body.contains("Your application is submitted")
											|| body.contains("was submitted already"))
									.saveAs("acknowledged"))))
			.exec((session) -> {
				if (session.getBoolean("acknowledged")) {
					Recorder.ack(session.getString("app"));
				}
				return session;
			});
	}

	/**
	 * The sign-in page, the first page of a visit: past capacity it may be the waiting
	 * room's page, which a browser loads again after its Refresh header's seconds, until
	 * the visitor is let in. The time from the first waiting page to the sign-in page is
	 * recorded apart ({@link Recorder#room}); a waiting page is not a failed page.
	 */
	static ChainBuilder signInPage() {
		HttpRequestActionBuilder request = http("sign-in page").get("/account/sign-in")
			.check(status().is(200), bodyString().transform((body) -> body.contains("data-waiting-room")).saveAs("inRoom"),
					regex(CSRF_REGEX).optional().saveAs("csrf"), header("Refresh").optional().saveAs("refresh"));
		return exec((session) -> session.remove("csrf").remove("roomSince"))
			.exec(counted("sign-in page", request))
			.asLongAs((session) -> session.getBoolean("inRoom"))
			.on(exec((session) -> session.contains("roomSince") ? session
					: session.set("roomSince", System.currentTimeMillis()))
				.pause((session) -> Duration.ofSeconds(session.contains("refresh") ? Long.parseLong(session.getString("refresh")) : 5))
				.exec(counted("sign-in page", request)))
			.exec((session) -> {
				if (session.contains("roomSince")) {
					Recorder.room(System.currentTimeMillis() - session.getLong("roomSince"));
				}
				return session.contains("csrf") ? session : session.markAsFailed();
			});
	}

	static ChainBuilder documentsPage() {
		return exec(page("documents page",
				http("documents page").get("/applications/#{app}/documents").check(status().is(200), csrf())));
	}

	{
		ScenarioBuilder applicants = scenario("deadline night").exec(journey());
		setUp(applicants
			.injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.arrivalSeconds)).randomized()))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(this.arrivalSeconds + this.drainSeconds));
	}

	@Override
	public void before() {
		Recorder.startMillis = System.currentTimeMillis();
	}

	@Override
	public void after() {
		try {
			Recorder.write(this.out, this.rate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
