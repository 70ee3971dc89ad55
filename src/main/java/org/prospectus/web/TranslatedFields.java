package org.prospectus.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.validation.Errors;

/**
 * The translations a form binds ({@code translations[sv:title]}, ADR 0036): checked,
 * described for the diff and the audit log, and counted for the editor. A form names its
 * translated fields with their longest length and their label.
 *
 * @param maxLength the longest text of each translated field
 * @param labels the message key that labels each translated field
 */
public record TranslatedFields(Map<String, Integer> maxLength, Map<String, String> labels) {

	/**
	 * The translated fields of a form, in the order the editor counts them: each field's
	 * name, longest length and label key in turn ({@code "title", 200,
	 * "programme.form.title", …}).
	 */
	public static TranslatedFields of(Object... fieldLengthLabel) {
		Map<String, Integer> maxLength = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i + 2 < fieldLengthLabel.length; i += 3) {
			maxLength.put((String) fieldLengthLabel[i], (Integer) fieldLengthLabel[i + 1]);
			labels.put((String) fieldLengthLabel[i], (String) fieldLengthLabel[i + 2]);
		}
		return new TranslatedFields(maxLength, labels);
	}

	/**
	 * Each translation checked like its field, or refused with {@code unknown} when the
	 * form has no such field.
	 * @return the translations by language and field, blank ones left out
	 */
	public Map<String, Map<String, String>> check(Map<String, String> typed, Errors errors, String unknown) {
		return check(typed, errors, "", unknown);
	}

	/**
	 * Each translation of a row of a form checked like its field, its reason beside it
	 * ({@code testimonials[0].translations[sv:quote]}).
	 * @param row the row's path with its trailing dot, {@code testimonials[0].}
	 * @return the translations by language and field, blank ones left out
	 */
	public Map<String, Map<String, String>> check(Map<String, String> typed, Errors errors, String row,
			String unknown) {
		FieldChecks check = new FieldChecks(errors);
		Map<String, String> kept = new LinkedHashMap<>();
		typed.forEach((key, text) -> {
			int colon = key.indexOf(':');
			String field = (colon > 0) ? key.substring(colon + 1) : "";
			if (colon <= 0 || !key.substring(0, colon).matches("[a-z]{2,3}") || !this.maxLength.containsKey(field)) {
				errors.reject(unknown);
				return;
			}
			kept.put(key, check.text(row + "translations[" + key + "]", text, false, this.maxLength.get(field)));
		});
		return Translated.nested(kept);
	}

	/**
	 * The translations typed for this form's fields only, for a form that holds the
	 * translations of two sets of fields in one map.
	 */
	public Map<String, String> select(Map<String, String> typed) {
		Map<String, String> selected = new LinkedHashMap<>();
		typed.forEach((key, text) -> {
			if (this.maxLength.containsKey(key.substring(key.indexOf(':') + 1))) {
				selected.put(key, text);
			}
		});
		return selected;
	}

	/** Each translation beside its field's label: {@code programme.form.title@sv}. */
	public void describe(Map<String, String> typed, Map<String, String> fields) {
		new TreeMap<>(typed).forEach((key, text) -> {
			int colon = key.indexOf(':');
			String label = (colon > 0) ? this.labels.get(key.substring(colon + 1)) : null;
			if (label != null) {
				fields.put(label + "@" + key.substring(0, colon), text);
			}
		});
	}

	/**
	 * How many texts written in the main language have no translation into a language
	 * yet, for the editor's count.
	 */
	public int untranslated(Map<String, String> typed, String language, Function<String, @Nullable String> main) {
		int count = 0;
		for (String field : this.maxLength.keySet()) {
			String text = main.apply(field);
			String translated = typed.get(language + ":" + field);
			if (text != null && !text.isBlank() && (translated == null || translated.isBlank())) {
				count++;
			}
		}
		return count;
	}

}
