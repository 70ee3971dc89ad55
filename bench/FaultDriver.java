import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load of bench/faults.sh: applicants who register, confirm, fill in every step,
 * upload and submit, and staff who work the queue, all through nginx on 127.0.0.1, while
 * the script kills an instance, stops PostgreSQL and restarts the other. Every request is
 * retried until it works or the run ends, as a patient person would; a submit is retried
 * with its submit key, so a retry never makes a second application. It also runs the SMTP
 * server the instances send to, and counts what arrives.
 *
 * Usage: java bench/FaultDriver.java BASE_URL WORKERS SECONDS SMTP_PORT PSQL...
 * Each of WORKERS applicants in parallel applies from start to submit, then the next one
 * begins, until SECONDS are over, so that applicants are mid-way through at every fault.
 * It prints, one per line, "ack <application id>" for every acknowledged submission,
 * "5xx <epoch ms> <status> <path>", "signin-again <applicant>", and "mail <message id>".
 */
public class FaultDriver {

	static final String PASSWORD = "quartz meadow lantern 2027";

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern SUBMIT_KEY = Pattern.compile("name=\"submitKey\" value=\"([^\"]+)\"");

	static String base;

	static List<String> psql;

	static Instant end;

	static final ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();

	public static void main(String[] args) throws Exception {
		base = args[0];
		int workers = Integer.parseInt(args[1]);
		end = Instant.now().plusSeconds(Long.parseLong(args[2]));
		int smtpPort = Integer.parseInt(args[3]);
		psql = List.of(args).subList(4, args.length);
		Thread smtp = new Thread(() -> smtp(smtpPort), "smtp");
		smtp.setDaemon(true);
		smtp.start();
		String programme = sql("select id from programme where slug = 'p1'");
		List<Thread> threads = new ArrayList<>();
		AtomicInteger started = new AtomicInteger();
		Instant lastStart = end.minusSeconds(20);
		for (int i = 0; i < workers; i++) {
			Thread thread = new Thread(() -> {
				while (Instant.now().isBefore(lastStart)) {
					applicant(started.incrementAndGet(), programme);
				}
			}, "worker-" + i);
			threads.add(thread);
			thread.start();
			Thread.sleep(500);
		}
		Thread staff = new Thread(FaultDriver::staff, "staff");
		staff.setDaemon(true);
		staff.start();
		for (Thread thread : threads) {
			thread.join(Duration.between(Instant.now(), end).plusSeconds(30).toMillis());
		}
		// Let the outbox send what is queued.
		Thread.sleep(Long.parseLong(System.getenv().getOrDefault("MAIL_WAIT_MS", "45000")));
		System.out.println("started " + started.get());
		for (String line : out) {
			System.out.println(line);
		}
	}

	static void applicant(int n, String programme) {
		String email = "applicant" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@faults.example";
		Session s = new Session();
		try {
			String page = s.page("/account/register");
			s.post("/account/register", form("fullName", "Applicant " + n, "email", email, "password", PASSWORD,
					"confirmation", PASSWORD, "_csrf", csrf(page)));
			String token = null;
			while (token == null && Instant.now().isBefore(end)) {
				String body = sqlOrNull("select text_body from mail_outbox where recipient = '" + email + "' limit 1");
				Matcher m = (body != null) ? Pattern.compile("/account/verify\\?token=([\\w-]+)").matcher(body) : null;
				if (m != null && m.find()) {
					token = m.group(1);
				}
				else {
					Thread.sleep(1000);
				}
			}
			if (token == null) {
				return;
			}
			String verify = s.page("/account/verify?token=" + token);
			s.post("/account/verify", form("token", token, "_csrf", csrf(verify)));
			signIn(s, email);
			String start = s.page("/applications/new?round=fault-round");
			HttpResponse<String> started = s.post("/applications", form("round", "fault-round", "_csrf", csrf(start)));
			String location = started.headers().firstValue("Location").orElseThrow();
			String id = location.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1");
			String[][] steps = { { "personal", "givenNames", "Ann", "familyName", "Applicant", "dateOfBirth", "2000-01-01" },
					{ "contact", "addressLine1", "Street 1", "city", "Stockholm", "postcode", "111 51", "country", "SE",
							"phone", "+46 8 000 000" },
					{ "citizenship", "country", "SE" }, { "education", "entries[0].institution", "Uppsala University",
							"entries[0].country", "SE", "entries[0].qualification", "BSc", "entries[0].subject", "Maths",
							"entries[0].grade", "A", "entries[0].from", "2019-09", "entries[0].until", "2022-06" },
					{ "language", "basis", "STUDIES" }, { "choices", "ranked[0]", programme },
					{ "statement", "text", "I want to learn." } };
			for (String[] step : steps) {
				String stepPage = s.signedIn(email, "/applications/" + id + "/steps/" + step[0]);
				Map<String, String> fields = new LinkedHashMap<>();
				for (int i = 1; i < step.length; i += 2) {
					fields.put(step[i], step[i + 1]);
				}
				fields.put("_csrf", csrf(stepPage));
				s.post("/applications/" + id + "/steps/" + step[0], fields);
			}
			for (String kind : List.of("TRANSCRIPT", "DEGREE_CERTIFICATE", "PASSPORT")) {
				while (Instant.now().isBefore(end)) {
					String docs = s.signedIn(email, "/applications/" + id + "/documents");
					if (docs.contains("?kind=" + kind) && !docs.contains("name=\"kind\" value=\"" + kind)) {
						// Already uploaded when the page no longer offers it.
					}
					HttpResponse<String> up = s.upload("/applications/" + id + "/documents?kind=" + kind, csrf(docs));
					if (up.statusCode() == 302) {
						break;
					}
					Thread.sleep(500);
				}
			}
			String review = s.signedIn(email, "/applications/" + id + "/review");
			Matcher key = SUBMIT_KEY.matcher(review);
			if (!key.find()) {
				return;
			}
			String submitKey = key.group(1);
			while (Instant.now().isBefore(end)) {
				String csrf = csrf(s.signedIn(email, "/applications/" + id));
				HttpResponse<String> submitted = s.postOnce("/applications/" + id + "/submit",
						form("submitKey", submitKey, "declaration", "yes", "_csrf", csrf));
				if (submitted != null && submitted.statusCode() == 302
						&& submitted.headers().firstValue("Location").orElse("").endsWith("/applications/" + id)) {
					out.add("ack " + id);
					return;
				}
				Thread.sleep(1000);
			}
		}
		catch (Exception ex) {
			out.add("gave-up " + email + " " + ex);
		}
	}

	static void signIn(Session s, String email) throws Exception {
		String page = s.page("/account/sign-in");
		s.post("/account/sign-in", form("username", email, "password", PASSWORD, "_csrf", csrf(page)));
	}

	static void staff() {
		String link = System.getenv("STAFF_LINK");
		if (link == null) {
			return;
		}
		Session s = new Session();
		try {
			String token = link.replaceAll(".*token=", "");
			String page = s.page("/staff/set-password?token=" + token);
			s.post("/staff/set-password", form("token", token, "password", "ribbon tundra falcon 1987", "confirmation",
					"ribbon tundra falcon 1987", "_csrf", csrf(page)));
			String login = s.page("/login");
			s.post("/login", form("username", System.getenv("STAFF_EMAIL"), "password", "ribbon tundra falcon 1987",
					"_csrf", csrf(login)));
			while (Instant.now().isBefore(end)) {
				s.page("/admin/applications");
				s.page("/admin/applications?status=SUBMITTED&sort=newest");
				Thread.sleep(500);
			}
		}
		catch (Exception ex) {
			out.add("staff-gave-up " + ex);
		}
	}

	static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		return m.find() ? m.group(1) : "";
	}

	static Map<String, String> form(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static String sql(String query) throws Exception {
		String value = sqlOrNull(query);
		if (value == null) {
			throw new IllegalStateException("No answer to " + query);
		}
		return value;
	}

	static String sqlOrNull(String query) {
		try {
			List<String> command = new ArrayList<>(psql);
			command.addAll(List.of("-tAc", query));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.waitFor() == 0 && !text.isEmpty()) ? text : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** A browser: a cookie jar, and patience: a request is retried until it works. */
	static final class Session {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(3))
			.build();

		HttpResponse<String> send(HttpRequest request) {
			try {
				HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() >= 500) {
					out.add("5xx " + System.currentTimeMillis() + " " + response.statusCode() + " " + request.uri().getPath());
				}
				return response;
			}
			catch (IOException | InterruptedException ex) {
				out.add("neterr " + System.currentTimeMillis() + " " + request.uri().getPath());
				return null;
			}
		}

		String page(String path) throws Exception {
			while (Instant.now().isBefore(end)) {
				HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
					.timeout(Duration.ofSeconds(30))
					.build());
				if (response != null && response.statusCode() < 500) {
					return response.body();
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("Run over before " + path);
		}

		/** A page that needs the applicant signed in: signs in again if the session was lost. */
		String signedIn(String email, String path) throws Exception {
			while (Instant.now().isBefore(end)) {
				HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
					.timeout(Duration.ofSeconds(30))
					.build());
				if (response != null && response.statusCode() == 200) {
					return response.body();
				}
				if (response != null && response.statusCode() == 302
						&& response.headers().firstValue("Location").orElse("").contains("/account/sign-in")) {
					out.add("signin-again " + email);
					signIn(this, email);
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("Run over before " + path);
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			while (Instant.now().isBefore(end)) {
				HttpResponse<String> response = postOnce(path, fields);
				if (response != null && response.statusCode() < 500 && response.statusCode() != 403) {
					return response;
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("Run over before " + path);
		}

		HttpResponse<String> postOnce(String path, Map<String, String> fields) {
			String body = fields.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		HttpResponse<String> upload(String path, String csrf) {
			String boundary = "----fault" + UUID.randomUUID();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[head.length + PNG.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(PNG, 0, body, head.length, PNG.length);
			System.arraycopy(tail, 0, body, head.length + PNG.length, tail.length);
			return send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build());
		}

	}

	/** Just enough SMTP to take every message and count it by its Message-ID. */
	static void smtp(int port) {
		try (ServerSocket server = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> conversation(socket), "smtp-session");
				thread.setDaemon(true);
				thread.start();
			}
		}
		catch (IOException ex) {
			out.add("smtp-down " + ex);
		}
	}

	static void conversation(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				PrintWriter reply = new PrintWriter(socket.getOutputStream(), true)) {
			reply.print("220 faults SMTP\r\n");
			reply.flush();
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (verb) {
					case "EHLO", "HELO" -> reply.print("250 faults\r\n");
					case "DATA" -> {
						reply.print("354 go on\r\n");
						reply.flush();
						String id = null;
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							if (id == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								id = data.substring(11).strip();
							}
						}
						out.add("mail " + id);
						reply.print("250 queued\r\n");
					}
					case "QUIT" -> {
						reply.print("221 bye\r\n");
						reply.flush();
						return;
					}
					default -> reply.print("250 ok\r\n");
				}
				reply.flush();
			}
		}
		catch (IOException ex) {
			// The client went.
		}
	}

}
