package org.prospectus.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldsTests {

	@Test
	void aFormTakesItsWritablePropertiesAndEachRowsColumnsButNothingReadOnly() {
		assertThat(FormFields.of(Sample.class)).containsExactlyInAnyOrder("title", "codes", "codes[*]", "rows[*].name",
				"rows[*].size", "rows[*].translations[*]");
	}

	@Test
	void aRecordTakesItsComponentsInOrderAndEachRowsComponents() {
		assertThat(FormFields.of(SampleRecord.class)).containsExactly("title", "version", "codes", "codes[*]",
				"rows[*].name", "rows[*].size");
	}

	/** A record form: bound through its constructor, so every component is a field. */
	public record SampleRecord(String title, long version, List<String> codes, List<RowRecord> rows) {

		/** Shown, never bound: not a component. */
		public String summary() {
			return this.title;
		}

	}

	public record RowRecord(String name, String size) {
	}

	public static class Sample {

		private String title;

		private List<String> codes = new ArrayList<>();

		private List<Row> rows = new ArrayList<>();

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		/** Shown, never bound: it has no setter. */
		public String getSummary() {
			return this.title;
		}

		public List<String> getCodes() {
			return this.codes;
		}

		public void setCodes(List<String> codes) {
			this.codes = codes;
		}

		public List<Row> getRows() {
			return this.rows;
		}

		public void setRows(List<Row> rows) {
			this.rows = rows;
		}

	}

	public static class Row {

		private String name;

		private String size;

		/** A row's texts by key, such as a name's translations. */
		private Map<String, String> translations = new LinkedHashMap<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getSize() {
			return this.size;
		}

		public void setSize(String size) {
			this.size = size;
		}

		public Map<String, String> getTranslations() {
			return this.translations;
		}

		public void setTranslations(Map<String, String> translations) {
			this.translations = translations;
		}

	}

}
