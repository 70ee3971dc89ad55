package org.prospectus.programme.years;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.programme.YearFields;
import org.prospectus.programme.YearValues;

/**
 * The form of a year of entry other than the programme's current one: its requirements
 * and fees as typed, saved as the year's pending revision until published.
 */
public class YearForm extends YearFields {

	private long version;

	private @Nullable Long revision;

	static YearForm of(ProgrammeYear year) {
		YearForm form = of(year.values(), year.getProgramme().getInstitution().getCurrency().getCurrencyCode());
		form.version = year.getVersion();
		return form;
	}

	static YearForm of(YearValues values, String currency) {
		YearForm form = new YearForm();
		form.fill(values, currency);
		return form;
	}

	/**
	 * The fields as people read them, for the review page, the audit log and conflicts.
	 */
	Map<String, String> describe() {
		Map<String, String> fields = new LinkedHashMap<>();
		describeYear(fields);
		describePlan(fields);
		fields.replaceAll((key, value) -> (value == null || value.isBlank()) ? null : value.strip());
		return fields;
	}

	/**
	 * How many of the year's texts have no translation into a language yet, for the
	 * editor's count.
	 */
	public int untranslated(String language) {
		return untranslatedYear(language);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable Long getRevision() {
		return this.revision;
	}

	public void setRevision(@Nullable Long revision) {
		this.revision = revision;
	}

}
