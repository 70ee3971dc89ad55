package org.prospectus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the 409 page shows when someone saved first: each field's saved value beside the
 * one the person typed, so nothing typed is lost and nothing saved is overwritten.
 *
 * @param subject what was being edited, as people call it
 * @param rows the fields
 * @param reopenUrl where to start again from the saved values
 */
public record ConflictView(String subject, List<Row> rows, String reopenUrl) {

	/** The view name of the conflict page. */
	public static final String VIEW = "admin/conflict";

	/**
	 * One row per field of the saved description, beside what was typed for it.
	 * @param saved the saved values by field label key
	 * @param typed the typed values by field label key; empty when nothing was typed
	 */
	public static List<Row> compare(Map<String, String> saved, Map<String, String> typed) {
		List<Row> rows = new ArrayList<>();
		saved.forEach((field, value) -> rows.add(new Row(field, value, typed.get(field))));
		return rows;
	}

	/**
	 * @param labelKey the field's message key
	 * @param saved the value saved now
	 * @param yours the value typed, not saved
	 */
	public record Row(String labelKey, String saved, String yours) {

		public boolean differs() {
			return !Objects.equals(this.saved, this.yours);
		}

	}

}
