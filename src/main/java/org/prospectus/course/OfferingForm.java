package org.prospectus.course;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.prospectus.support.FieldChecks;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * One offering of a course as an editor typed it, with its study periods as rows and
 * blank ones to add more. Saved as JSON, an offering's pending revision until it is
 * published.
 */
public class OfferingForm {

	static final int BLANK_ROWS = 2;

	static final int MAX_PERIODS = 12;

	static final int MAX_TARGET_PROGRAMMES = 40;

	static final Pattern APPLICATION_CODE = Pattern.compile("[A-Z0-9-]{1,20}");

	static final Pattern PERIOD_CODE = Pattern.compile("[A-Z0-9]{1,10}");

	static final Pattern PROGRAMME_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

	/**
	 * The texts an offering may have in several languages, checked like their fields: its
	 * target group. Its location names a place and stays as written.
	 */
	static final TranslatedFields TRANSLATED = new TranslatedFields(Map.of("targetGroup", 5000),
			Map.of("targetGroup", "course.offering.target-group"));

	private long version;

	private Long revision;

	private String term;

	private String startDate;

	private String endDate;

	private String pacePercent;

	private String location;

	private String formOfStudy;

	private String language;

	private String applicationCode;

	private String maxPlaces;

	private String audience;

	private String targetGroup;

	private String targetProgrammeCodes;

	/**
	 * The target group in other languages, {@code sv:targetGroup}, as typed (ADR 0036).
	 */
	private Map<String, String> translations = new LinkedHashMap<>();

	private boolean memoPublished;

	private String memoUrl;

	private boolean schedulePublished;

	private String scheduleUrl;

	private List<PeriodRow> periods = new ArrayList<>();

	/** The form filled with an offering's live content; its periods are loaded. */
	static OfferingForm of(CourseOffering offering) {
		OfferingForm form = new OfferingForm();
		form.version = offering.getVersion();
		form.term = Integer.toString(offering.getTerm().code());
		form.startDate = offering.getStartDate().toString();
		form.endDate = offering.getEndDate().toString();
		form.pacePercent = Integer.toString(offering.getPacePercent());
		form.location = offering.getLocation();
		form.formOfStudy = FieldChecks.name(offering.getFormOfStudy());
		form.language = offering.getLanguage();
		form.applicationCode = offering.getApplicationCode();
		form.maxPlaces = (offering.getMaxPlaces() != null) ? offering.getMaxPlaces().toString() : null;
		form.audience = FieldChecks.name(offering.getAudience());
		form.targetGroup = offering.getTargetGroup();
		form.targetProgrammeCodes = String.join(", ", offering.getTargetProgrammeCodes());
		form.translations = Translated.flat(offering.translations());
		form.memoPublished = offering.isMemoPublished();
		form.memoUrl = offering.getMemoUrl();
		form.schedulePublished = offering.isSchedulePublished();
		form.scheduleUrl = offering.getScheduleUrl();
		for (OfferingPeriod period : offering.getPeriods()) {
			form.periods.add(new PeriodRow(Integer.toString(period.getTerm().code()), period.getPeriodCode(),
					FieldChecks.plain(period.getCredits())));
		}
		return form;
	}

	/** Adds blank rows, so that a period can be added without script. */
	OfferingForm withBlankRows() {
		this.periods.removeIf((row) -> row == null || row.isBlank());
		for (int i = 0; i < BLANK_ROWS; i++) {
			this.periods.add(new PeriodRow());
		}
		return this;
	}

	/**
	 * Checks the form: its content, or {@code null} with each reason beside its field.
	 * @param takenApplicationCodes the application codes the course's other offerings
	 * use, each as {@link #applicationKey}
	 */
	@Nullable OfferingContent toContent(Errors errors, Set<String> takenApplicationCodes) {
		FieldChecks check = new FieldChecks(errors);
		Term term = check.chosen("term", this.term, Term::parse);
		LocalDate start = check.date("startDate", this.startDate);
		LocalDate end = check.date("endDate", this.endDate);
		if (start != null && end != null && end.isBefore(start)) {
			errors.rejectValue("endDate", "course.form.offering.end-before-start");
		}
		Integer pace = check.whole("pacePercent", this.pacePercent, 1, 100, true);
		String location = check.text("location", this.location, false, 200);
		FormOfStudy form = check.choice("formOfStudy", this.formOfStudy, FormOfStudy.class, true);
		String language = check.language("language", this.language);
		String applicationCode = check.code("applicationCode", this.applicationCode, APPLICATION_CODE,
				"course.form.offering.application-code.pattern");
		if (term != null && applicationCode != null
				&& takenApplicationCodes.contains(applicationKey(term, applicationCode))) {
			errors.rejectValue("applicationCode", "course.form.offering.application-code.taken");
		}
		Integer places = check.whole("maxPlaces", this.maxPlaces, 1, 100000, false);
		Audience audience = check.choice("audience", this.audience, Audience.class, true);
		String targetGroup = check.text("targetGroup", this.targetGroup, false, 5000);
		Map<String, Map<String, String>> translated = TRANSLATED.check(this.translations, errors,
				"course.form.translation.unknown");
		List<String> programmes = check.codes("targetProgrammeCodes", this.targetProgrammeCodes, PROGRAMME_CODE,
				MAX_TARGET_PROGRAMMES);
		String memoUrl = check.url("memoUrl", this.memoUrl);
		if (this.memoPublished && FieldChecks.blank(this.memoUrl)) {
			errors.rejectValue("memoUrl", "course.form.offering.url.required");
		}
		String scheduleUrl = check.url("scheduleUrl", this.scheduleUrl);
		if (this.schedulePublished && FieldChecks.blank(this.scheduleUrl)) {
			errors.rejectValue("scheduleUrl", "course.form.offering.url.required");
		}
		List<OfferingContent.PeriodContent> periodList = checkPeriods(check);
		if (errors.hasErrors()) {
			return null;
		}
		return new OfferingContent(term, start, end, pace, location, form, language, applicationCode, places, audience,
				targetGroup, programmes, this.memoPublished, memoUrl, this.schedulePublished, scheduleUrl, translated,
				periodList);
	}

	/**
	 * How many texts have no translation into a language yet: its target group or none.
	 */
	public int untranslated(String language) {
		return TRANSLATED.untranslated(this.translations, language, (field) -> this.targetGroup);
	}

	private List<OfferingContent.PeriodContent> checkPeriods(FieldChecks check) {
		List<OfferingContent.PeriodContent> result = new ArrayList<>();
		for (int i = 0; i < this.periods.size(); i++) {
			PeriodRow row = this.periods.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "periods[" + i + "].";
			Term term = check.chosen(prefix + "term", row.getTerm(), Term::parse);
			String code = check.code(prefix + "periodCode", row.getPeriodCode(), PERIOD_CODE,
					"course.form.offering.period-code.pattern");
			BigDecimal credits = check.credits(prefix + "credits", row.getCredits(), SyllabusForm.MAX_MODULE_CREDITS);
			result.add(new OfferingContent.PeriodContent(term, code, credits));
		}
		if (result.size() > MAX_PERIODS) {
			check.errors()
				.rejectValue("periods", "course.form.offering.periods.too-many", new Object[] { MAX_PERIODS }, null);
		}
		return result;
	}

	/** An application code within its term, as the uniqueness check compares them. */
	static String applicationKey(Term term, String applicationCode) {
		return term.code() + "/" + applicationCode.strip().toUpperCase(Locale.ROOT);
	}

	/** Each field as people read it, keyed by its label's message key. */
	Map<String, String> describe() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("course.form.offering.term", termName(this.term));
		fields.put("course.form.offering.start-date", this.startDate);
		fields.put("course.form.offering.end-date", this.endDate);
		fields.put("course.offering.pace", this.pacePercent);
		fields.put("course.offering.location", this.location);
		fields.put("course.offering.form", this.formOfStudy);
		fields.put("course.offering.language", this.language);
		fields.put("course.offering.application-code", this.applicationCode);
		fields.put("course.offering.places", this.maxPlaces);
		fields.put("course.offering.audience", this.audience);
		fields.put("course.offering.target-group", this.targetGroup);
		TRANSLATED.describe(this.translations, fields);
		fields.put("course.offering.target-programmes", this.targetProgrammeCodes);
		fields.put("course.offering.memo",
				FieldChecks.joined(this.memoPublished ? "published" : "not published", this.memoUrl));
		fields.put("course.offering.schedule",
				FieldChecks.joined(this.schedulePublished ? "published" : "not published", this.scheduleUrl));
		List<String> periodLines = this.periods.stream()
			.filter((row) -> row != null && !row.isBlank())
			.map((row) -> FieldChecks.joined(termName(row.getTerm()), row.getPeriodCode(), row.getCredits()))
			.toList();
		fields.put("course.offering.periods", periodLines.isEmpty() ? null : String.join("\n", periodLines));
		fields.replaceAll((key, value) -> FieldChecks.blank(value) ? null : value.strip());
		return fields;
	}

	private static String termName(String code) {
		try {
			Term term = Term.ofCode(Integer.parseInt(code.strip()));
			return term.season().name() + " " + term.year();
		}
		catch (RuntimeException ex) {
			return code;
		}
	}

	/** The term this form names, or {@code null}. */
	@Nullable Term termValue() {
		return termOf(this.term);
	}

	/** The terms the form names, for the offering and each period. */
	List<Term> namedTerms() {
		List<Term> terms = new ArrayList<>();
		terms.add(termValue());
		for (PeriodRow row : this.periods) {
			if (row != null) {
				terms.add(termOf(row.getTerm()));
			}
		}
		return terms;
	}

	private static @Nullable Term termOf(String code) {
		try {
			return Term.ofCode(Integer.parseInt(code.strip()));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** A study period, as typed. */
	public static class PeriodRow {

		private String term;

		private String periodCode;

		private String credits;

		public PeriodRow() {
		}

		PeriodRow(String term, String periodCode, String credits) {
			this.term = term;
			this.periodCode = periodCode;
			this.credits = credits;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.periodCode) && FieldChecks.blank(this.credits);
		}

		public String getTerm() {
			return this.term;
		}

		public void setTerm(String term) {
			this.term = term;
		}

		public String getPeriodCode() {
			return this.periodCode;
		}

		public void setPeriodCode(String periodCode) {
			this.periodCode = periodCode;
		}

		public String getCredits() {
			return this.credits;
		}

		public void setCredits(String credits) {
			this.credits = credits;
		}

	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public Long getRevision() {
		return this.revision;
	}

	public void setRevision(Long revision) {
		this.revision = revision;
	}

	public String getTerm() {
		return this.term;
	}

	public void setTerm(String term) {
		this.term = term;
	}

	public String getStartDate() {
		return this.startDate;
	}

	public void setStartDate(String startDate) {
		this.startDate = startDate;
	}

	public String getEndDate() {
		return this.endDate;
	}

	public void setEndDate(String endDate) {
		this.endDate = endDate;
	}

	public String getPacePercent() {
		return this.pacePercent;
	}

	public void setPacePercent(String pacePercent) {
		this.pacePercent = pacePercent;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getFormOfStudy() {
		return this.formOfStudy;
	}

	public void setFormOfStudy(String formOfStudy) {
		this.formOfStudy = formOfStudy;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getApplicationCode() {
		return this.applicationCode;
	}

	public void setApplicationCode(String applicationCode) {
		this.applicationCode = applicationCode;
	}

	public String getMaxPlaces() {
		return this.maxPlaces;
	}

	public void setMaxPlaces(String maxPlaces) {
		this.maxPlaces = maxPlaces;
	}

	public String getAudience() {
		return this.audience;
	}

	public void setAudience(String audience) {
		this.audience = audience;
	}

	public String getTargetGroup() {
		return this.targetGroup;
	}

	public void setTargetGroup(String targetGroup) {
		this.targetGroup = targetGroup;
	}

	public String getTargetProgrammeCodes() {
		return this.targetProgrammeCodes;
	}

	public void setTargetProgrammeCodes(String targetProgrammeCodes) {
		this.targetProgrammeCodes = targetProgrammeCodes;
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public boolean isMemoPublished() {
		return this.memoPublished;
	}

	public void setMemoPublished(boolean memoPublished) {
		this.memoPublished = memoPublished;
	}

	public String getMemoUrl() {
		return this.memoUrl;
	}

	public void setMemoUrl(String memoUrl) {
		this.memoUrl = memoUrl;
	}

	public boolean isSchedulePublished() {
		return this.schedulePublished;
	}

	public void setSchedulePublished(boolean schedulePublished) {
		this.schedulePublished = schedulePublished;
	}

	public String getScheduleUrl() {
		return this.scheduleUrl;
	}

	public void setScheduleUrl(String scheduleUrl) {
		this.scheduleUrl = scheduleUrl;
	}

	public List<PeriodRow> getPeriods() {
		return this.periods;
	}

	public void setPeriods(List<PeriodRow> periods) {
		this.periods = periods;
	}

}
