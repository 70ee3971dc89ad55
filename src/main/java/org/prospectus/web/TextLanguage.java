package org.prospectus.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The language of catalogue texts on a page in another language (issue 29): an
 * institution's texts are written in its main language, the portal's own (the guide,
 * careers) in the portal's default. Where that is not the page's language, each text is
 * marked with its own {@code lang}, so that screen readers switch voice, and the page
 * says the texts are not translated. Templates: {@code th:lang="${@texts.lang(tag)}"},
 * which writes no attribute when the text is in the page's language.
 */
@Component("texts")
public class TextLanguage {

	private final Languages languages;

	TextLanguage(Languages languages) {
		this.languages = languages;
	}

	/**
	 * The tag to mark a text written in {@code written} with, or null on a page in it.
	 */
	public @Nullable String lang(@Nullable String written) {
		if (written == null || written.isBlank()) {
			return null;
		}
		Locale page = LocaleContextHolder.getLocale();
		return Locale.forLanguageTag(written).getLanguage().equals(page.getLanguage()) ? null : written;
	}

	/** The mark of a text the portal itself writes, in its default language. */
	public @Nullable String portal() {
		return lang(this.languages.defaultLanguage().toLanguageTag());
	}

}
