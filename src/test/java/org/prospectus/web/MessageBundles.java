package org.prospectus.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The message bundles as the application lists them in {@code spring.messages.basename},
 * read from the source tree: one per module, each in every language the portal offers.
 */
final class MessageBundles {

	static final Path RESOURCES = Path.of("src/main/resources");

	private MessageBundles() {
	}

	/** The base names, in the order the application searches them. */
	static List<String> basenames() {
		String value = applicationProperties().getProperty("spring.messages.basename");
		return Arrays.stream(value.split(",")).map(String::strip).toList();
	}

	/**
	 * The languages the portal offers, the default first ({@code prospectus.languages}).
	 */
	static List<String> languages() {
		String value = applicationProperties().getProperty("prospectus.languages");
		return Arrays.stream(value.split(",")).map(String::strip).toList();
	}

	/** The file of one bundle in one language; the default language has no suffix. */
	static Path file(String basename, String language) {
		String suffix = language.equals(languages().get(0)) ? "" : "_" + language;
		return RESOURCES.resolve(basename + suffix + ".properties");
	}

	/** One bundle in one language. */
	static Properties load(String basename, String language) {
		return read(file(basename, language));
	}

	/** Every bundle of one language, by base name. */
	static Map<String, Properties> all(String language) {
		Map<String, Properties> bundles = new LinkedHashMap<>();
		for (String basename : basenames()) {
			bundles.put(basename, load(basename, language));
		}
		return bundles;
	}

	/** Every message of one language, as the application's message source sees them. */
	static Properties merged(String language) {
		Properties merged = new Properties();
		all(language).values().forEach(merged::putAll);
		return merged;
	}

	private static Properties applicationProperties() {
		return read(RESOURCES.resolve("application.properties"));
	}

	private static Properties read(Path path) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
