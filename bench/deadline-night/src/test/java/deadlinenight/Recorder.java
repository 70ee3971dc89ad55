package deadlinenight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

import io.gatling.http.response.Response;

/**
 * What one run of the simulation saw, kept apart from Gatling's own report so that the
 * script can print the figures: every response by page kind with its latency, the
 * 5xx and cut-off answers, the attempts that got no answer at all (connection error or
 * timeout), the applicants who gave up, and every acknowledged submission with its time.
 */
final class Recorder {

	/** One page kind: its answers, their latencies in ms, and how many were bad. */
	static final class Kind {

		final LongAdder attempts = new LongAdder();

		final LongAdder responses = new LongAdder();

		final LongAdder serverErrors = new LongAdder();

		final LongAdder cutOff = new LongAdder();

		final LongAdder status403 = new LongAdder();

		final List<Integer> latencies = new ArrayList<>();

		synchronized void latency(int ms) {
			this.latencies.add(ms);
		}

		synchronized int[] sorted() {
			int[] all = this.latencies.stream().mapToInt(Integer::intValue).toArray();
			Arrays.sort(all);
			return all;
		}

	}

	static final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	static final LongAdder started = new LongAdder();

	static final LongAdder gaveUp = new LongAdder();

	static final LongAdder retried = new LongAdder();

	static final ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();

	static final ConcurrentLinkedQueue<String> cutOffs = new ConcurrentLinkedQueue<>();

	/** How long each applicant who met the waiting room spent in it, in ms. */
	static final ConcurrentLinkedQueue<Long> roomTimes = new ConcurrentLinkedQueue<>();

	static final LongAdder roomPages = new LongAdder();

	static volatile long startMillis;

	private Recorder() {
	}

	static Kind kind(String name) {
		return kinds.computeIfAbsent(name, (k) -> new Kind());
	}

	/** The page kind of a request, from its method and path. */
	static String kindOf(String method, String path) {
		boolean post = "POST".equals(method);
		if (path.startsWith("/webjars/") || path.startsWith("/static/") || path.startsWith("/favicon")) {
			return "static";
		}
		if (path.startsWith("/account/sign-in")) {
			return post ? "sign-in" : "sign-in page";
		}
		if (path.equals("/account")) {
			return "account";
		}
		if (path.startsWith("/programmes/")) {
			return "programme";
		}
		if (path.equals("/applications/new")) {
			return "start page";
		}
		if (path.equals("/applications")) {
			return "start";
		}
		if (path.contains("/steps/")) {
			return post ? "step save" : "step page";
		}
		if (path.endsWith("/documents")) {
			return post ? "upload" : "documents page";
		}
		if (path.endsWith("/review")) {
			return "review";
		}
		if (path.endsWith("/submit")) {
			return "submit";
		}
		if (path.matches("/applications/[0-9a-f-]{36}")) {
			return "status";
		}
		return "other";
	}

	/**
	 * Records one answer; true when it is a failed page: a 5xx, or a body cut off (shorter
	 * than its Content-Length, or an HTML page that does not end with {@code </html>}).
	 */
	static boolean failed(Response response) {
		String kindName = kindOf(response.request().getMethod().name(), response.request().getUri().getPath());
		if (kindName.equals("sign-in page") && response.status().code() == 200
				&& response.body().string().contains("data-waiting-room")) {
			// The waiting room's page: counted apart, not as an attempt at the sign-in page;
			// its time is the applicant's time in the room.
			roomPages.increment();
			kind(kindName).attempts.decrement();
			return cutOff(response);
		}
		Kind kind = kind(kindName);
		kind.responses.increment();
		kind.latency((int) (response.endTimestamp() - response.startTimestamp()));
		int status = response.status().code();
		if (status == 403) {
			kind.status403.increment();
		}
		if (status >= 500) {
			kind.serverErrors.increment();
			return true;
		}
		if (cutOff(response)) {
			kind.cutOff.increment();
			if (cutOffs.size() < 20) {
				cutOffs.add(status + " " + response.request().getUri().getPath());
			}
			return true;
		}
		return false;
	}

	static boolean cutOff(Response response) {
		String length = response.headers().get("Content-Length");
		String encoding = response.headers().get("Content-Encoding");
		int bodyLength = response.body().length();
		if (length != null && (encoding == null || "identity".equalsIgnoreCase(encoding))
				&& bodyLength < Long.parseLong(length.strip())) {
			return true;
		}
		String type = response.headers().get("Content-Type");
		if (type != null && type.startsWith("text/html") && bodyLength > 0) {
			return !response.body().string().stripTrailing().endsWith("</html>");
		}
		return false;
	}

	static void room(long millis) {
		roomTimes.add(millis);
	}

	static void ack(String applicationId) {
		acks.add(System.currentTimeMillis() + " " + applicationId);
	}

	static int percentile(int[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/**
	 * Writes the run's figures as {@code key=value} lines to {@code dir/figures}, the
	 * acknowledged submissions to {@code dir/acks} ("epoch-ms application-id"), and a table
	 * per page kind to {@code dir/kinds}.
	 */
	static void write(Path dir, double rate) throws IOException {
		Files.createDirectories(dir);
		Map<String, String> figures = new TreeMap<>();
		long requests = 0;
		long attempts = 0;
		long answered = 0;
		long serverErrors = 0;
		long cut = 0;
		long forbidden = 0;
		List<Integer> all = new ArrayList<>();
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-15s %8s %6s %6s %6s %7s %7s %7s%n",
				"page kind", "answers", "5xx", "cut", "noans", "p50 ms", "p95 ms", "p99 ms"));
		for (Map.Entry<String, Kind> entry : new TreeMap<>(kinds).entrySet()) {
			Kind kind = entry.getValue();
			int[] sorted = kind.sorted();
			for (int value : sorted) {
				all.add(value);
			}
			long kindAttempts = kind.attempts.sum();
			long kindAnswers = kind.responses.sum();
			// Static files are fetched by Gatling beside their page: only their answers are seen.
			long noAnswer = Math.max(0, kindAttempts - kindAnswers);
			requests += Math.max(kindAttempts, kindAnswers);
			attempts += kindAttempts;
			answered += kindAnswers;
			serverErrors += kind.serverErrors.sum();
			cut += kind.cutOff.sum();
			forbidden += kind.status403.sum();
			String key = entry.getKey().replace(' ', '_');
			figures.put("kind." + key + ".p99", String.valueOf(percentile(sorted, 99)));
			figures.put("kind." + key + ".answers", String.valueOf(kindAnswers));
			table.append(String.format(Locale.ROOT, "%-15s %8d %6d %6d %6d %7d %7d %7d%n", entry.getKey(), kindAnswers,
					kind.serverErrors.sum(), kind.cutOff.sum(), noAnswer, percentile(sorted, 50), percentile(sorted, 95),
					percentile(sorted, 99)));
		}
		long noAnswer = kinds.values().stream().mapToLong((k) -> Math.max(0, k.attempts.sum() - k.responses.sum())).sum();
		int[] sorted = all.stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(sorted);
		// Goodput: acknowledged submissions a second from the first acknowledgement to the last,
		// so that neither the first journeys' ramp nor an idle end counts, and a backlog
		// served late counts at the rate it was served.
		long[] times = acks.stream().mapToLong((line) -> Long.parseLong(line.substring(0, line.indexOf(' ')))).sorted().toArray();
		double span = (times.length > 1) ? (times[times.length - 1] - times[0]) / 1000.0 : 0;
		double goodput = (span > 0) ? (times.length - 1) / span : 0;
		figures.put("rate", String.valueOf(rate));
		figures.put("started", String.valueOf(started.sum()));
		figures.put("submitted", String.valueOf(acks.size()));
		figures.put("gave_up", String.valueOf(gaveUp.sum()));
		figures.put("retried", String.valueOf(retried.sum()));
		figures.put("requests", String.valueOf(requests));
		figures.put("server_errors", String.valueOf(serverErrors));
		figures.put("cut_off", String.valueOf(cut));
		figures.put("no_answer", String.valueOf(noAnswer));
		figures.put("forbidden", String.valueOf(forbidden));
		figures.put("p50", String.valueOf(percentile(sorted, 50)));
		figures.put("p95", String.valueOf(percentile(sorted, 95)));
		figures.put("p99", String.valueOf(percentile(sorted, 99)));
		figures.put("goodput", String.format(Locale.ROOT, "%.2f", goodput));
		figures.put("goodput_span_s", String.format(Locale.ROOT, "%.0f", span));
		long[] room = roomTimes.stream().mapToLong(Long::longValue).sorted().toArray();
		int[] roomSorted = LongStream.of(room).mapToInt((ms) -> (int) ms).toArray();
		figures.put("room_pages", String.valueOf(roomPages.sum()));
		figures.put("room_applicants", String.valueOf(room.length));
		figures.put("room_p50", String.valueOf(percentile(roomSorted, 50)));
		figures.put("room_p99", String.valueOf(percentile(roomSorted, 99)));
		figures.put("room_max", String.valueOf((room.length > 0) ? room[room.length - 1] : 0));
		figures.put("attempts", String.valueOf(attempts));
		figures.put("answered", String.valueOf(answered));
		StringBuilder lines = new StringBuilder();
		figures.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
		Files.writeString(dir.resolve("figures"), lines, StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("acks"), String.join("\n", acks) + (acks.isEmpty() ? "" : "\n"),
				StandardCharsets.UTF_8);
		if (!cutOffs.isEmpty()) {
			table.append("first cut-off answers: ").append(String.join(", ", cutOffs)).append('\n');
		}
		Files.writeString(dir.resolve("kinds"), table, StandardCharsets.UTF_8);
	}

}
