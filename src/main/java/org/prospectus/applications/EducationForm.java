package org.prospectus.applications;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

/** Education so far, most recent first: one row per school, college or university. */
public final class EducationForm implements StepForm {

	static final int BLANK_ROWS = 1;

	static final int MAX_ENTRIES = 10;

	private List<@Nullable Entry> entries = new ArrayList<>();

	@Override
	public void check(FieldChecks check, StepContext context) {
		int filled = 0;
		for (int i = 0; i < this.entries.size(); i++) {
			Entry entry = this.entries.get(i);
			if (entry == null || entry.isBlank()) {
				continue;
			}
			filled++;
			String prefix = "entries[" + i + "].";
			check.text(prefix + "institution", entry.institution, true, 200);
			check.country(prefix + "country", entry.country, true);
			check.text(prefix + "qualification", entry.qualification, true, 200);
			check.text(prefix + "subject", entry.subject, true, 200);
			check.text(prefix + "grade", entry.grade, true, 100);
			YearMonth from = check.month(prefix + "from", entry.from, true);
			YearMonth until = check.month(prefix + "until", entry.until, false);
			if (from != null && until != null && until.isBefore(from)) {
				check.errors()
					.rejectValue(prefix + "until", "application.check.education.ends-before-start",
							new Object[] { from.toString() }, null);
			}
		}
		if (filled == 0) {
			check.errors().reject("application.check.education.none");
		}
	}

	/** The empty row offered for one more entry is not an answer: it is not kept. */
	@Override
	public void putInto(Answers answers) {
		this.entries.removeIf((entry) -> entry == null || entry.isBlank());
		answers.setEducation(this);
	}

	@Override
	public void ifRows(Consumer<EducationForm> action) {
		action.accept(this);
	}

	/** Adds an empty row, so that another can be added without script. */
	EducationForm withBlankRow() {
		this.entries.removeIf((entry) -> entry == null || entry.isBlank());
		if (this.entries.size() < MAX_ENTRIES) {
			this.entries.add(new Entry());
		}
		return this;
	}

	public List<@Nullable Entry> getEntries() {
		return this.entries;
	}

	public void setEntries(List<@Nullable Entry> entries) {
		this.entries = entries;
	}

	/** One school, college or university attended. */
	public static final class Entry {

		private @Nullable String institution;

		private @Nullable String country;

		private @Nullable String qualification;

		private @Nullable String subject;

		private @Nullable String grade;

		private @Nullable String from;

		private @Nullable String until;

		@JsonIgnore
		boolean isBlank() {
			return FieldChecks.blank(this.institution) && FieldChecks.blank(this.country)
					&& FieldChecks.blank(this.qualification) && FieldChecks.blank(this.subject)
					&& FieldChecks.blank(this.grade) && FieldChecks.blank(this.from) && FieldChecks.blank(this.until);
		}

		public @Nullable String getInstitution() {
			return this.institution;
		}

		public void setInstitution(@Nullable String institution) {
			this.institution = institution;
		}

		public @Nullable String getCountry() {
			return this.country;
		}

		public void setCountry(@Nullable String country) {
			this.country = country;
		}

		public @Nullable String getQualification() {
			return this.qualification;
		}

		public void setQualification(@Nullable String qualification) {
			this.qualification = qualification;
		}

		public @Nullable String getSubject() {
			return this.subject;
		}

		public void setSubject(@Nullable String subject) {
			this.subject = subject;
		}

		public @Nullable String getGrade() {
			return this.grade;
		}

		public void setGrade(@Nullable String grade) {
			this.grade = grade;
		}

		public @Nullable String getFrom() {
			return this.from;
		}

		public void setFrom(@Nullable String from) {
			this.from = from;
		}

		public @Nullable String getUntil() {
			return this.until;
		}

		public void setUntil(@Nullable String until) {
			this.until = until;
		}

	}

}
