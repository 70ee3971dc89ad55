package org.prospectus.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles, one per module in every language the portal offers: a key in one
 * language is in all of them, with the same arguments, and every text is a valid
 * MessageFormat pattern. A language is added by adding its bundles; this test names what
 * is missing.
 */
class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	@Test
	void everyBundleOnDiskIsListedAndEveryListedBundleExistsInEveryLanguage() throws IOException {
		List<String> listed = MessageBundles.basenames();
		List<String> languages = MessageBundles.languages();
		assertThat(languages).as("prospectus.languages").hasSizeGreaterThan(1);
		Set<Path> expected = new TreeSet<>();
		for (String basename : listed) {
			for (String language : languages) {
				expected.add(MessageBundles.file(basename, language));
			}
		}
		Set<Path> onDisk = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MessageBundles.RESOURCES.resolve("org"))) {
			files.filter((path) -> path.getFileName().toString().matches("messages(_[a-z]{2,3})?\\.properties"))
				.forEach(onDisk::add);
		}
		assertThat(onDisk).as("bundles on disk and in spring.messages.basename × prospectus.languages")
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyKeyIsInEveryLanguageWithTheSameArguments() {
		List<String> languages = MessageBundles.languages();
		List<String> problems = new ArrayList<>();
		for (String basename : MessageBundles.basenames()) {
			Properties base = MessageBundles.load(basename, languages.get(0));
			assertThat(base).as(basename).isNotEmpty();
			for (String language : languages.subList(1, languages.size())) {
				Properties other = MessageBundles.load(basename, language);
				for (String key : base.stringPropertyNames()) {
					if (!other.containsKey(key)) {
						problems.add(basename + "_" + language + ": missing " + key);
					}
					else if (!arguments(base.getProperty(key)).equals(arguments(other.getProperty(key)))) {
						problems.add(basename + "_" + language + ": other arguments in " + key);
					}
				}
				for (String key : other.stringPropertyNames()) {
					if (!base.containsKey(key)) {
						problems.add(basename + "_" + language + ": " + key + " is not in " + languages.get(0));
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aKeyLivesInOneModuleOnly() {
		Map<String, String> owner = new HashMap<>();
		List<String> twice = new ArrayList<>();
		MessageBundles.all(MessageBundles.languages().get(0)).forEach((basename, messages) -> {
			for (String key : messages.stringPropertyNames()) {
				String first = owner.putIfAbsent(key, basename);
				if (first != null) {
					twice.add(key + " in " + first + " and " + basename);
				}
			}
		});
		assertThat(twice).isEmpty();
	}

	/**
	 * Every text goes through MessageFormat ({@code always-use-message-format}), where a
	 * lone apostrophe disappears and a broken choice fails only when the page shows it.
	 */
	@Test
	void everyTextIsAValidMessageFormatWithItsApostrophesDoubled() {
		List<String> problems = new ArrayList<>();
		for (String language : MessageBundles.languages()) {
			Locale locale = Locale.forLanguageTag(language);
			MessageBundles.all(language).forEach((basename, messages) -> {
				for (String key : messages.stringPropertyNames()) {
					String text = messages.getProperty(key);
					if (text.isBlank()) {
						problems.add(basename + "_" + language + ": empty " + key);
					}
					try {
						new MessageFormat(text, locale).format(sample(text));
					}
					catch (IllegalArgumentException ex) {
						problems.add(basename + "_" + language + ": " + key + ": " + ex.getMessage());
					}
					if (text.replace("''", "").contains("'")) {
						problems.add(basename + "_" + language + ": write a literal apostrophe as '' in " + key);
					}
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyLanguageHasItsFormats() {
		for (String language : MessageBundles.languages()) {
			Locale locale = Locale.forLanguageTag(language);
			for (String key : List.of("date-time", "date", "month", "zone", "money.symbol", "money.code")) {
				assertThat(Formats.patternText(locale, key)).as(language + " " + key).isNotBlank();
			}
		}
	}

	private static Set<String> arguments(String text) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Object[] sample(String text) {
		int count = arguments(text).stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
		Object[] values = new Object[count];
		Arrays.fill(values, 2);
		return values;
	}

}
