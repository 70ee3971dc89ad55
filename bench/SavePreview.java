import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times "Save and preview" on a programme as an editor's browser does it (issue 15,
 * docs/benchmarks.md): sign in, open the edit form of the first programme in the staff
 * list, send the whole form back with its summary changed, follow the redirect to the
 * preview. Prints each run and the median and maximum, click to preview.
 *
 * <pre>
 * java bench/SavePreview.java BASE_URL EMAIL PASSWORD [RUNS]
 * </pre>
 */
public class SavePreview {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);

	static final Pattern TAG = Pattern.compile("<(input|textarea|select)\\b([^>]*)>(?:(.*?)</\\1>)?",
			Pattern.DOTALL);

	static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)(?:=\"([^\"]*)\")?");

	static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("java bench/SavePreview.java BASE_URL EMAIL PASSWORD [RUNS]");
			System.exit(2);
		}
		String base = args[0];
		int runs = (args.length > 3) ? Integer.parseInt(args[3]) : 10;
		String login = get(base + "/login").body();
		String token = field(login, "/login", "_csrf");
		HttpResponse<String> signedIn = post(base + "/login",
				List.of(Map.entry("username", args[1]), Map.entry("password", args[2]), Map.entry("_csrf", token)));
		if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/admin")) {
			throw new IllegalStateException("Sign-in refused: " + signedIn.statusCode());
		}
		Matcher edit = Pattern.compile("href=\"/admin/catalogue/programmes/(\\d+)/edit\"")
			.matcher(get(base + "/admin/catalogue/programmes").body());
		if (!edit.find()) {
			throw new IllegalStateException("No programme to edit");
		}
		String id = edit.group(1);
		List<Long> totals = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			String page = get(base + "/admin/catalogue/programmes/" + id + "/edit").body();
			List<Map.Entry<String, String>> fields = fields(page, "/admin/catalogue/programmes/" + id);
			// A real change every time: the summary gains a sentence, then loses it.
			boolean add = run % 2 == 1;
			fields.replaceAll((entry) -> entry.getKey().equals("summary") ? Map.entry("summary", edited(entry.getValue(), add))
					: entry);
			long start = System.nanoTime();
			HttpResponse<String> saved = post(base + "/admin/catalogue/programmes/" + id, fields);
			long savedAt = System.nanoTime();
			String location = saved.headers().firstValue("Location").orElse("");
			if (saved.statusCode() != 302 || !location.endsWith("/preview")) {
				throw new IllegalStateException("Save answered " + saved.statusCode() + " " + location);
			}
			HttpResponse<String> preview = get(URI.create(base).resolve(location).toString());
			long end = System.nanoTime();
			if (preview.statusCode() != 200) {
				throw new IllegalStateException("Preview answered " + preview.statusCode());
			}
			totals.add((end - start) / 1_000_000);
			System.out.printf("run %2d: save %4d ms, preview %4d ms, click to preview %4d ms%n", run,
					(savedAt - start) / 1_000_000, (end - savedAt) / 1_000_000, (end - start) / 1_000_000);
		}
		List<Long> sorted = totals.stream().sorted().toList();
		System.out.printf("save and preview, programme %s, %d runs: median %d ms, max %d ms%n", id, runs,
				sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
	}

	static String edited(String summary, boolean add) {
		String sentence = " Updated by the benchmark.";
		String base = summary.strip().endsWith(sentence.strip())
				? summary.strip().substring(0, summary.strip().length() - sentence.length()) : summary.strip();
		return add ? base + sentence : base;
	}

	static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields) throws Exception {
		StringBuilder body = new StringBuilder();
		for (Map.Entry<String, String> field : fields) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
		}
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String field(String page, String action, String name) {
		return fields(page, action).stream()
			.filter((entry) -> entry.getKey().equals(name))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	/** The fields a browser would send from the form with this action, submit buttons aside. */
	static List<Map.Entry<String, String>> fields(String page, String action) {
		Matcher form = FORM.matcher(page);
		while (form.find()) {
			Map<String, String> formAttributes = attributes(form.group(1));
			if (!action.equals(formAttributes.get("action"))) {
				continue;
			}
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			Matcher tag = TAG.matcher(form.group(2));
			while (tag.find()) {
				Map<String, String> attributes = attributes(tag.group(2));
				String name = attributes.get("name");
				if (name == null || attributes.containsKey("disabled")) {
					continue;
				}
				switch (tag.group(1)) {
					case "input" -> {
						String type = attributes.getOrDefault("type", "text");
						if (type.equals("submit") || type.equals("button") || type.equals("file")
								|| ((type.equals("checkbox") || type.equals("radio"))
										&& !attributes.containsKey("checked"))) {
							continue;
						}
						fields.add(Map.entry(name, unescape(attributes.getOrDefault("value", ""))));
					}
					case "textarea" -> fields.add(Map.entry(name, unescape((tag.group(3) != null) ? tag.group(3) : "")));
					default -> {
						Matcher option = OPTION.matcher((tag.group(3) != null) ? tag.group(3) : "");
						while (option.find()) {
							Map<String, String> optionAttributes = attributes(option.group(1));
							if (optionAttributes.containsKey("selected")) {
								fields.add(Map.entry(name, unescape(optionAttributes.getOrDefault("value", ""))));
							}
						}
					}
				}
			}
			return fields;
		}
		throw new IllegalStateException("No form posts to " + action);
	}

	static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new java.util.LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(text);
		while (attribute.find()) {
			attributes.put(attribute.group(1), (attribute.group(2) != null) ? attribute.group(2) : "");
		}
		return attributes;
	}

	static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#34;", "\"")
			.replace("&amp;", "&");
	}

}
