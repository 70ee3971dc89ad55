package org.prospectus.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A recorded value as people read it. Forms record coded values as they stand
 * ({@code AUTUMN 2027}, {@code A_F}); they are spelled out when shown, so that entries
 * written before a wording changed read as well as new ones. A field whose values are
 * coded names, under {@code audit.values.<field>}, the prefix of their message keys; each
 * code in its value that has a message is replaced by it, the rest stays as recorded.
 */
@Component("auditValues")
public class AuditValues {

	/**
	 * A code: upper-case letters and digits, words joined by underscores (A_F, AUTUMN).
	 */
	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

	private final MessageSource messages;

	AuditValues(MessageSource messages) {
		this.messages = messages;
	}

	/** The value of a field in words, or a dash for none. */
	public String words(String field, @Nullable String value) {
		if (value == null) {
			return "—";
		}
		Locale locale = LocaleContextHolder.getLocale();
		String prefix = this.messages.getMessage("audit.values." + field, null, null, locale);
		if (prefix == null) {
			return value;
		}
		String whole = this.messages.getMessage(prefix + value, null, null, locale);
		if (whole != null) {
			return whole;
		}
		Matcher code = CODE.matcher(value);
		StringBuilder words = new StringBuilder();
		while (code.find()) {
			String word = this.messages.getMessage(prefix + code.group(), null, null, locale);
			code.appendReplacement(words, Matcher.quoteReplacement((word != null) ? word : code.group()));
		}
		code.appendTail(words);
		return words.toString();
	}

}
