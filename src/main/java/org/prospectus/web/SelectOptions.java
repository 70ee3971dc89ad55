package org.prospectus.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * A long, fixed list of a select's options, written as HTML once. A country select has
 * about 250 options; rendered by {@code th:each}, each costs three expressions on every
 * page that shows it, and the application's steps show four such selects. Here a page
 * joins strings already escaped and marks the chosen one, with the same markup
 * {@code th:value}, {@code th:text} and {@code th:selected} would write. A template
 * writes it with {@code th:utext}, which is safe because every value and label was
 * escaped when the list was made, and the chosen value is only compared, never written.
 */
public final class SelectOptions {

	private final String[] values;

	private final String[] plain;

	private final String[] chosen;

	private final int length;

	private SelectOptions(List<String[]> options) {
		int count = options.size();
		this.values = new String[count];
		this.plain = new String[count];
		this.chosen = new String[count];
		int length = 0;
		for (int i = 0; i < count; i++) {
			String value = options.get(i)[0];
			String label = HtmlUtils.htmlEscape(options.get(i)[1]);
			String attribute = HtmlUtils.htmlEscape(value);
			this.values[i] = value;
			this.plain[i] = "<option value=\"" + attribute + "\">" + label + "</option>";
			this.chosen[i] = "<option value=\"" + attribute + "\" selected=\"selected\">" + label + "</option>";
			length += this.chosen[i].length();
		}
		this.length = length;
	}

	/** Options from pairs of value and label, in the order given. */
	public static SelectOptions of(List<String[]> options) {
		return new SelectOptions(options);
	}

	/** The options as HTML, the one whose value is {@code selected} marked chosen. */
	public String html(@Nullable String selected) {
		StringBuilder html = new StringBuilder(this.length);
		for (int i = 0; i < this.values.length; i++) {
			html.append(this.values[i].equals(selected) ? this.chosen[i] : this.plain[i]);
		}
		return html.toString();
	}

}
