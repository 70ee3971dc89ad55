package org.prospectus.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One Playwright and one Chromium for a whole test class, and a fresh context per test.
 * <p>
 * Playwright unpacks its driver (about 125 MB) on every {@link Playwright#create()}, so a
 * class creates it once in {@code @BeforeAll}; contexts are cheap and keep tests from
 * sharing cookies or cache. We run Debian's Chromium rather than a browser Playwright
 * downloads, because the build must work offline.
 */
final class BrowserSupport implements AutoCloseable {

	static final String CHROMIUM_PROPERTY = "prospectus.chromium";

	static final String CHROMIUM_ENVIRONMENT_VARIABLE = "CHROMIUM_PATH";

	static final Path DEFAULT_CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	/**
	 * No sandbox because CI containers run as root; the rest stops Chromium from phoning
	 * home or updating components, which is slow and noisy without a network.
	 */
	private static final List<String> CHROMIUM_ARGUMENTS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

	/** Short enough that a missing element fails the test quickly, not after 30 s. */
	private static final double TIMEOUT_MILLIS = 10_000;

	/** Null when Chromium is missing. */
	private final Playwright playwright;

	/** Null when Chromium is missing. */
	private final Browser browser;

	/** Where Chromium was looked for in vain, or null when it runs. */
	private final String missing;

	private final String screenshotPrefix;

	private BrowserSupport(Playwright playwright, Browser browser, String missing, String screenshotPrefix) {
		this.playwright = playwright;
		this.browser = browser;
		this.missing = missing;
		this.screenshotPrefix = screenshotPrefix;
	}

	/**
	 * Starts Playwright and Chromium for {@code testClass}, or notes that Chromium is
	 * missing. The verdict on a missing Chromium comes per test, from
	 * {@link #newContext(String)}: surefire does not report a class aborted in
	 * {@code @BeforeAll} at all, so a skip there would go unseen.
	 */
	static BrowserSupport launch(Class<?> testClass) {
		ChromiumLocation chromium = ChromiumLocation.find();
		if (chromium.executable() == null) {
			return new BrowserSupport(null, null, chromium.description(), testClass.getSimpleName());
		}
		// The driver is only unpacked once we know there is a browser to drive.
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium.executable())
					.setHeadless(true)
					.setArgs(CHROMIUM_ARGUMENTS));
			return new BrowserSupport(playwright, browser, null, testClass.getSimpleName());
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	/**
	 * A context that resolves relative URLs against the running portal, so tests navigate
	 * with paths such as {@code /programmes}. Call it first in {@code @BeforeEach}:
	 * without Chromium it skips the test on a developer machine but fails it on CI, where
	 * a skipped browser suite would silently stop checking the pages.
	 */
	BrowserContext newContext(String baseUrl) {
		if (this.missing != null) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail("CI must run browser tests: install chromium (apt-get install chromium), or point -D"
						+ CHROMIUM_PROPERTY + " or " + CHROMIUM_ENVIRONMENT_VARIABLE
						+ " at a Chromium executable. Looked for " + this.missing + ".");
			}
			Assumptions.abort("Chromium is missing, so this browser test is skipped. Looked for " + this.missing
					+ ". Install it with 'apt-get install chromium', or point -D" + CHROMIUM_PROPERTY + " or "
					+ CHROMIUM_ENVIRONMENT_VARIABLE + " at a Chromium executable.");
		}
		BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 900));
		context.setDefaultTimeout(TIMEOUT_MILLIS);
		context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
		return context;
	}

	/** A full-page screenshot in {@code target/screenshots}, named by test class. */
	Path screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + SCREENSHOTS.toAbsolutePath(), ex);
		}
		Path path = SCREENSHOTS.resolve(this.screenshotPrefix + "-" + name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
		return path;
	}

	@Override
	public void close() {
		if (this.playwright == null) {
			return;
		}
		try {
			this.browser.close();
		}
		finally {
			this.playwright.close();
		}
	}

	/**
	 * Console errors a page reported because the Content Security Policy blocked
	 * something, such as an inline style or script. The policy is ours to keep strict, so
	 * every such error is a bug in a template.
	 */
	static final class CspErrors {

		private final List<String> messages = new ArrayList<>();

		private CspErrors() {
		}

		/** Starts listening; attach before the first navigation so nothing is missed. */
		static CspErrors watch(Page page) {
			CspErrors errors = new CspErrors();
			page.onConsoleMessage((message) -> {
				if ("error".equals(message.type()) && message.text().contains("Content Security Policy")) {
					errors.messages.add(message.text() + " (" + message.location() + ")");
				}
			});
			return errors;
		}

		/** The errors so far; Playwright delivers events on the test's own thread. */
		List<String> messages() {
			return List.copyOf(this.messages);
		}

	}

	/**
	 * Where Chromium is: an explicit setting wins and is never second-guessed, else the
	 * Debian path, else the first {@code chromium} on the {@code PATH}.
	 *
	 * @param executable the executable, or {@code null} when there is none
	 * @param description where we looked, for the skip or failure message
	 */
	record ChromiumLocation(Path executable, String description) {

		static ChromiumLocation find() {
			String property = System.getProperty(CHROMIUM_PROPERTY);
			if (property != null && !property.isBlank()) {
				return explicit(Paths.get(property.strip()), "-D" + CHROMIUM_PROPERTY);
			}
			String environment = System.getenv(CHROMIUM_ENVIRONMENT_VARIABLE);
			if (environment != null && !environment.isBlank()) {
				return explicit(Paths.get(environment.strip()), CHROMIUM_ENVIRONMENT_VARIABLE);
			}
			if (Files.isExecutable(DEFAULT_CHROMIUM)) {
				return new ChromiumLocation(DEFAULT_CHROMIUM, DEFAULT_CHROMIUM.toString());
			}
			String path = System.getenv("PATH");
			if (path != null) {
				for (String directory : path.split(File.pathSeparator)) {
					for (String name : List.of("chromium", "chromium-browser")) {
						Path candidate = Paths.get(directory).resolve(name);
						if (!directory.isEmpty() && Files.isExecutable(candidate)) {
							return new ChromiumLocation(candidate, candidate.toString());
						}
					}
				}
			}
			return new ChromiumLocation(null,
					DEFAULT_CHROMIUM + " and 'chromium' or 'chromium-browser' on the PATH (" + path + ")");
		}

		private static ChromiumLocation explicit(Path path, String source) {
			return new ChromiumLocation(Files.isExecutable(path) ? path : null, path + " (from " + source + ")");
		}

	}

}
