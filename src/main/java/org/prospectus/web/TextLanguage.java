package org.prospectus.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	TextLanguage(Languages languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
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

	/**
	 * A record's text in the page's language: its translation where there is one, else
	 * the main language's ({@code th:text="${@texts.text(p, 'title')}"}).
	 */
	public @Nullable String text(Translated record, String field) {
		return record.textIn(LocaleContextHolder.getLocale(), field);
	}

	/**
	 * A list a record keeps one item a line (topics, career titles) in the page's
	 * language, item by item.
	 */
	public List<String> lines(Translated record, String field) {
		String text = text(record, field);
		return (text != null) ? text.lines().toList() : List.of();
	}

	/**
	 * A record's text in a given language, for what is written in another language than
	 * the page's: a letter in the applicant's
	 * ({@code @texts.text(round, 'name', #locale)}).
	 */
	public @Nullable String text(Translated record, String field, Locale language) {
		return record.textIn(language, field);
	}

	/**
	 * The mark of a record's text: null where it is shown in the page's language, else
	 * the language it is shown in ({@code th:lang="${@texts.lang(p, 'title')}"}).
	 */
	public @Nullable String lang(Translated record, String field) {
		if (record.translation(page(), field) != null || record.mainText(field) == null) {
			return null;
		}
		return lang(record.mainLanguage());
	}

	/**
	 * The language the page shows some of these texts in instead of its own, for the note
	 * that they are not translated; null when every one that exists is in the page's.
	 */
	public @Nullable String fallback(Translated record, String... fields) {
		for (String field : fields) {
			String lang = lang(record, field);
			if (lang != null) {
				return lang;
			}
		}
		return null;
	}

	/** The same for a list of records, such as a programme's testimonials. */
	public @Nullable String fallback(Collection<? extends Translated> records, String... fields) {
		for (Translated record : records) {
			String lang = fallback(record, fields);
			if (lang != null) {
				return lang;
			}
		}
		return null;
	}

	/**
	 * A field's label in a change list: {@code programme.form.title@sv} is "Title
	 * (Svenska)".
	 */
	public String label(String field) {
		int at = field.indexOf('@');
		String key = (at < 0) ? field : field.substring(0, at);
		Locale page = LocaleContextHolder.getLocale();
		String label = this.messages.getMessage(key, null, null, page);
		if (label == null) {
			label = this.messages.getMessage("audit.field." + key, null, key, page);
		}
		if (at < 0) {
			return label;
		}
		return this.messages.getMessage("texts.field-in-language",
				new Object[] { label, Languages.name(Locale.forLanguageTag(field.substring(at + 1))) }, page);
	}

	/**
	 * The fields of a record's review, live and pending: a field only one of them has,
	 * such as a first translation, is listed too, after the others.
	 */
	public List<String> fields(Map<String, String> live, @Nullable Map<String, String> pending) {
		Set<String> fields = new LinkedHashSet<>(live.keySet());
		if (pending != null) {
			fields.addAll(pending.keySet());
		}
		return List.copyOf(fields);
	}

	private String page() {
		return LocaleContextHolder.getLocale().toLanguageTag();
	}

	/** The mark of a text the portal itself writes, in its default language. */
	public @Nullable String portal() {
		return lang(this.languages.defaultLanguage().toLanguageTag());
	}

}
