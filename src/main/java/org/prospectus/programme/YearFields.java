package org.prospectus.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.Course;
import org.prospectus.course.Season;
import org.prospectus.support.FieldChecks;
import org.prospectus.support.Money;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;

import org.springframework.validation.Errors;

/**
 * The fields of a form that belong to a year of entry (entry requirements, tuition, the
 * application fee), kept as typed: the programme's form has them for its current year,
 * {@link YearForm} for another. Checked and described here, once for both.
 */
public abstract class YearFields {

	/** Courses a plan may hold. */
	public static final int MAX_PLAN_ENTRIES = 120;

	/**
	 * Blank plan rows offered on each edit, so that a course can be added without script.
	 */
	public static final int BLANK_PLAN_ROWS = 2;

	/**
	 * A year's texts that may be written in several languages (ADR 0036), checked like
	 * their fields.
	 */
	public static final TranslatedFields TRANSLATED = TranslatedFields.of("typicalOffer", 5000,
			"programme.entry.typical-offer", "entryRequirements", 5000, "programme.entry.requirements",
			"languageRequirements", 5000, "programme.entry.language", "tuitionNote", 2000,
			"programme.form.tuition-note", "applicationFeeNote", 2000, "programme.form.application-fee-note");

	private List<PlanRow> plan = new ArrayList<>();

	/**
	 * Texts in other languages as typed, {@code sv:entryRequirements}: a year's, and on
	 * the programme's form the programme's own too.
	 */
	private Map<String, String> translations = new LinkedHashMap<>();

	private @Nullable String typicalOffer;

	private @Nullable String entryRequirements;

	private @Nullable String languageRequirements;

	private @Nullable String tuitionAmount;

	private @Nullable String tuitionCurrency;

	private @Nullable String tuitionPeriod;

	private @Nullable String tuitionNote;

	private @Nullable String applicationFeeAmount;

	private @Nullable String applicationFeeCurrency;

	private @Nullable String applicationFeeNote;

	/**
	 * Fills the fields with the values, a missing amount's currency with the one given.
	 */
	public void fill(YearValues values, String currency) {
		this.typicalOffer = values.typicalOffer();
		this.entryRequirements = values.entryRequirements();
		this.languageRequirements = values.languageRequirements();
		Money tuition = values.tuition();
		this.tuitionAmount = (tuition != null) ? FieldChecks.plain(tuition.amount()) : null;
		this.tuitionCurrency = (tuition != null) ? tuition.currency() : currency;
		this.tuitionPeriod = FieldChecks.name(values.tuitionPeriod());
		this.tuitionNote = values.tuitionNote();
		Money fee = values.applicationFee();
		this.applicationFeeAmount = (fee != null) ? FieldChecks.plain(fee.amount()) : null;
		this.applicationFeeCurrency = (fee != null) ? fee.currency() : currency;
		this.applicationFeeNote = values.applicationFeeNote();
		this.translations.putAll(Translated.flat(values.translations()));
	}

	/**
	 * The values typed, each reason beside its field; read them only where {@code errors}
	 * has none.
	 */
	public YearValues checkYear(FieldChecks check, Errors errors) {
		String typical = check.text("typicalOffer", this.typicalOffer, false, 5000);
		String entry = check.text("entryRequirements", this.entryRequirements, false, 5000);
		String language = check.text("languageRequirements", this.languageRequirements, false, 5000);
		Money tuition = check.money("tuitionAmount", this.tuitionAmount, "tuitionCurrency", this.tuitionCurrency);
		TuitionPeriod period = check.choice("tuitionPeriod", this.tuitionPeriod, TuitionPeriod.class, false);
		if (tuition != null && period == null && !errors.hasFieldErrors("tuitionPeriod")) {
			errors.rejectValue("tuitionPeriod", "programme.form.tuition-period.required");
		}
		String note = check.text("tuitionNote", this.tuitionNote, false, 2000);
		Money fee = check.money("applicationFeeAmount", this.applicationFeeAmount, "applicationFeeCurrency",
				this.applicationFeeCurrency);
		String feeNote = check.text("applicationFeeNote", this.applicationFeeNote, false, 2000);
		Map<String, Map<String, String>> translated = TRANSLATED.check(TRANSLATED.select(this.translations), errors,
				"programme.form.translation.unknown");
		return new YearValues(typical, entry, language, tuition, period, note, fee, feeNote, translated);
	}

	/** Fills the plan rows with a plan's entries. */
	public void fillPlan(List<PlanEntry> entries) {
		this.plan = new ArrayList<>();
		for (PlanEntry entry : entries) {
			this.plan.add(new PlanRow(entry.getCourse().getCode(), Integer.toString(entry.getStudyYear()),
					entry.getTerm().name(), entry.getCategory().name(), entry.getTrack()));
		}
	}

	/** Adds blank plan rows, so that a course can be added without script. */
	public void withBlankPlanRows() {
		this.plan.removeIf(PlanRow::isBlank);
		for (int i = 0; i < BLANK_PLAN_ROWS; i++) {
			this.plan.add(new PlanRow());
		}
	}

	/**
	 * The plan typed, each reason beside its row's field: every course must exist, once
	 * per year of study and term.
	 */
	List<ProgrammeContent.PlanContent> checkPlan(FieldChecks check, Function<String, Optional<Course>> courses) {
		List<ProgrammeContent.PlanContent> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < this.plan.size(); i++) {
			PlanRow row = this.plan.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "plan[" + i + "].";
			String code = check.text(prefix + "courseCode", row.getCourseCode(), true, 20);
			Course course = null;
			if (code != null) {
				course = courses.apply(code.toUpperCase(Locale.ROOT)).orElse(null);
				if (course == null) {
					check.errors()
						.rejectValue(prefix + "courseCode", "programme.form.plan.course.unknown", new Object[] { code },
								null);
				}
			}
			Integer year = check.whole(prefix + "studyYear", row.getStudyYear(), 1, 8, true);
			Season term = check.choice(prefix + "term", row.getTerm(), Season.class, true);
			PlanCategory category = check.choice(prefix + "category", row.getCategory(), PlanCategory.class, true);
			String track = check.text(prefix + "track", row.getTrack(), false, 120);
			if (course != null && year != null && term != null) {
				if (!seen.add(course.getCode() + "/" + year + "/" + term)) {
					check.errors().rejectValue(prefix + "courseCode", "programme.form.plan.duplicate");
				}
				result.add(new ProgrammeContent.PlanContent(course, year, term, category, track));
			}
		}
		if (result.size() > MAX_PLAN_ENTRIES) {
			check.errors().reject("programme.form.plan.too-many", new Object[] { MAX_PLAN_ENTRIES }, null);
		}
		return result;
	}

	/** The plan as people read it, one course a line. */
	public void describePlan(Map<String, String> fields) {
		List<String> entries = this.plan.stream()
			.filter((row) -> row != null && !row.isBlank())
			.map((row) -> FieldChecks.joined(row.getCourseCode(), "year " + row.getStudyYear(), row.getTerm(),
					row.getCategory(), row.getTrack()))
			.toList();
		fields.put("programme.plan", entries.isEmpty() ? null : String.join("\n", entries));
	}

	/** The fields as people read them, keyed by their labels' message keys. */
	public void describeYear(Map<String, String> fields) {
		fields.put("programme.entry.typical-offer", this.typicalOffer);
		fields.put("programme.entry.requirements", this.entryRequirements);
		fields.put("programme.entry.language", this.languageRequirements);
		fields.put("programme.fees.tuition", (this.tuitionAmount != null && !this.tuitionAmount.isBlank())
				? FieldChecks.joined(this.tuitionAmount, this.tuitionCurrency, this.tuitionPeriod) : null);
		fields.put("programme.form.tuition-note", this.tuitionNote);
		fields.put("programme.fees.application",
				(this.applicationFeeAmount != null && !this.applicationFeeAmount.isBlank())
						? FieldChecks.joined(this.applicationFeeAmount, this.applicationFeeCurrency) : null);
		fields.put("programme.form.application-fee-note", this.applicationFeeNote);
		TRANSLATED.describe(TRANSLATED.select(this.translations), fields);
	}

	/**
	 * How many of the year's texts written in the main language have no translation into
	 * a language yet.
	 */
	public int untranslatedYear(String language) {
		return TRANSLATED.untranslated(this.translations, language, this::yearText);
	}

	private @Nullable String yearText(String field) {
		return switch (field) {
			case "typicalOffer" -> this.typicalOffer;
			case "entryRequirements" -> this.entryRequirements;
			case "languageRequirements" -> this.languageRequirements;
			case "tuitionNote" -> this.tuitionNote;
			default -> this.applicationFeeNote;
		};
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public List<PlanRow> getPlan() {
		return this.plan;
	}

	public void setPlan(List<PlanRow> plan) {
		this.plan = plan;
	}

	public @Nullable String getTypicalOffer() {
		return this.typicalOffer;
	}

	public void setTypicalOffer(@Nullable String typicalOffer) {
		this.typicalOffer = typicalOffer;
	}

	public @Nullable String getEntryRequirements() {
		return this.entryRequirements;
	}

	public void setEntryRequirements(@Nullable String entryRequirements) {
		this.entryRequirements = entryRequirements;
	}

	public @Nullable String getLanguageRequirements() {
		return this.languageRequirements;
	}

	public void setLanguageRequirements(@Nullable String languageRequirements) {
		this.languageRequirements = languageRequirements;
	}

	public @Nullable String getTuitionAmount() {
		return this.tuitionAmount;
	}

	public void setTuitionAmount(@Nullable String tuitionAmount) {
		this.tuitionAmount = tuitionAmount;
	}

	public @Nullable String getTuitionCurrency() {
		return this.tuitionCurrency;
	}

	public void setTuitionCurrency(@Nullable String tuitionCurrency) {
		this.tuitionCurrency = tuitionCurrency;
	}

	public @Nullable String getTuitionPeriod() {
		return this.tuitionPeriod;
	}

	public void setTuitionPeriod(@Nullable String tuitionPeriod) {
		this.tuitionPeriod = tuitionPeriod;
	}

	public @Nullable String getTuitionNote() {
		return this.tuitionNote;
	}

	public void setTuitionNote(@Nullable String tuitionNote) {
		this.tuitionNote = tuitionNote;
	}

	public @Nullable String getApplicationFeeAmount() {
		return this.applicationFeeAmount;
	}

	public void setApplicationFeeAmount(@Nullable String applicationFeeAmount) {
		this.applicationFeeAmount = applicationFeeAmount;
	}

	public @Nullable String getApplicationFeeCurrency() {
		return this.applicationFeeCurrency;
	}

	public void setApplicationFeeCurrency(@Nullable String applicationFeeCurrency) {
		this.applicationFeeCurrency = applicationFeeCurrency;
	}

	public @Nullable String getApplicationFeeNote() {
		return this.applicationFeeNote;
	}

	public void setApplicationFeeNote(@Nullable String applicationFeeNote) {
		this.applicationFeeNote = applicationFeeNote;
	}

	/** A course in the plan, as typed. */
	public static class PlanRow {

		private @Nullable String courseCode;

		private @Nullable String studyYear;

		private @Nullable String term;

		private @Nullable String category;

		private @Nullable String track;

		public PlanRow() {
		}

		PlanRow(String courseCode, String studyYear, String term, String category, @Nullable String track) {
			this.courseCode = courseCode;
			this.studyYear = studyYear;
			this.term = term;
			this.category = category;
			this.track = track;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.courseCode) && FieldChecks.blank(this.track);
		}

		public @Nullable String getCourseCode() {
			return this.courseCode;
		}

		public void setCourseCode(@Nullable String courseCode) {
			this.courseCode = courseCode;
		}

		public @Nullable String getStudyYear() {
			return this.studyYear;
		}

		public void setStudyYear(@Nullable String studyYear) {
			this.studyYear = studyYear;
		}

		public @Nullable String getTerm() {
			return this.term;
		}

		public void setTerm(@Nullable String term) {
			this.term = term;
		}

		public @Nullable String getCategory() {
			return this.category;
		}

		public void setCategory(@Nullable String category) {
			this.category = category;
		}

		public @Nullable String getTrack() {
			return this.track;
		}

		public void setTrack(@Nullable String track) {
			this.track = track;
		}

	}

}
