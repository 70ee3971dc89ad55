package org.prospectus.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue record whose texts are written in its institution's main language and may
 * be translated into others (ADR 0036). Pages read its texts through
 * {@link TextLanguage}, which falls back to the main language and marks it.
 */
public interface Translated {

	/** The language its own columns are written in, a BCP 47 tag. */
	String mainLanguage();

	/** A text in the main language, by field name, such as {@code title}. */
	@Nullable String mainText(String field);

	/** Its translations: language, then field, then text. */
	Map<String, Map<String, String>> translations();

	/** A field's translation, or null where there is none. */
	default @Nullable String translation(String language, String field) {
		Map<String, String> texts = translations().get(language);
		String text = (texts != null) ? texts.get(field) : null;
		return (text == null || text.isBlank()) ? null : text;
	}

	/** A field's text in a language: its translation, else the main language's. */
	default @Nullable String textIn(Locale language, String field) {
		String translated = translation(language.toLanguageTag(), field);
		return (translated != null) ? translated : mainText(field);
	}

	/**
	 * Translations as a form holds them, one entry a language and field
	 * ({@code sv:title}), and back: a form binds {@code translations[sv:title]}.
	 */
	static Map<String, String> flat(Map<String, Map<String, String>> translations) {
		Map<String, String> flat = new LinkedHashMap<>();
		translations
			.forEach((language, texts) -> texts.forEach((field, text) -> flat.put(language + ":" + field, text)));
		return flat;
	}

	/** The nested form of {@link #flat}, without blank texts. */
	static Map<String, Map<String, String>> nested(Map<String, String> flat) {
		Map<String, Map<String, String>> nested = new LinkedHashMap<>();
		flat.forEach((key, text) -> {
			int colon = key.indexOf(':');
			if (colon > 0 && text != null && !text.isBlank()) {
				nested.computeIfAbsent(key.substring(0, colon), (language) -> new LinkedHashMap<>())
					.put(key.substring(colon + 1), text.strip());
			}
		});
		return nested;
	}

}
