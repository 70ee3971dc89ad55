package org.prospectus.course;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.prospectus.support.FieldChecks;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * A course's own fields as an editor typed them, kept as typed so that a value with an
 * error comes back unchanged; saved as JSON, the course's pending revision until it is
 * published. The code is not here: it names the course's public address and stays.
 */
public class CourseForm {

	/** The most credits a course can have: what its column holds. */
	static final BigDecimal MAX_CREDITS = new BigDecimal("9999.9");

	private long version;

	private Long revision;

	private String title;

	private String credits;

	private String creditSystem;

	private String summary;

	/** Title and summary in other languages, {@code sv:title}, as typed (ADR 0036). */
	private Map<String, String> translations = new LinkedHashMap<>();

	/** The texts a course may have in several languages, checked like their fields. */
	static final TranslatedFields TRANSLATED = new TranslatedFields(titleAndSummary(),
			Map.of("title", "course.form.title", "summary", "course.form.summary"));

	private String mainField;

	private String educationCycle;

	private String gradingScale;

	private String examiner;

	private String offeredBy;

	/** The form filled with a course's live fields. */
	static CourseForm of(Course course) {
		CourseForm form = new CourseForm();
		form.version = course.getVersion();
		form.title = course.getTitle();
		form.credits = FieldChecks.plain(course.getCredits());
		form.creditSystem = FieldChecks.name(course.getCreditSystem());
		form.summary = course.getSummary();
		form.translations = Translated.flat(course.translations());
		form.mainField = course.getMainField();
		form.educationCycle = FieldChecks.name(course.getEducationCycle());
		form.gradingScale = FieldChecks.name(course.getGradingScale());
		form.examiner = course.getExaminer();
		form.offeredBy = course.getOfferedBy();
		return form;
	}

	/**
	 * Checks the form: its content, or {@code null} with each reason beside its field.
	 */
	@Nullable CourseContent toContent(Errors errors) {
		FieldChecks check = new FieldChecks(errors);
		String title = check.text("title", this.title, true, 200);
		BigDecimal credits = check.credits("credits", this.credits, MAX_CREDITS);
		CreditSystem system = check.choice("creditSystem", this.creditSystem, CreditSystem.class, true);
		String summary = check.text("summary", this.summary, false, 2000);
		String mainField = check.text("mainField", this.mainField, false, 200);
		EducationCycle cycle = check.choice("educationCycle", this.educationCycle, EducationCycle.class, false);
		GradingScale scale = check.choice("gradingScale", this.gradingScale, GradingScale.class, false);
		String examiner = check.text("examiner", this.examiner, false, 200);
		String offeredBy = check.text("offeredBy", this.offeredBy, false, 200);
		Map<String, Map<String, String>> translated = TRANSLATED.check(this.translations, errors,
				"course.form.translation.unknown");
		if (errors.hasErrors()) {
			return null;
		}
		return new CourseContent(title, credits, system, summary, mainField, cycle, scale, examiner, offeredBy,
				translated);
	}

	/** Each field as people read it, keyed by its label's message key. */
	Map<String, String> describe() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("course.form.title", this.title);
		fields.put("course.credits", FieldChecks.joined(this.credits, this.creditSystem));
		fields.put("course.form.summary", this.summary);
		TRANSLATED.describe(this.translations, fields);
		fields.put("course.main-field", this.mainField);
		fields.put("course.cycle", this.educationCycle);
		fields.put("course.grading-scale", this.gradingScale);
		fields.put("course.examiner", this.examiner);
		fields.put("course.offered-by", this.offeredBy);
		fields.replaceAll((key, value) -> FieldChecks.blank(value) ? null : value.strip());
		return fields;
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

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getCredits() {
		return this.credits;
	}

	public void setCredits(String credits) {
		this.credits = credits;
	}

	public String getCreditSystem() {
		return this.creditSystem;
	}

	public void setCreditSystem(String creditSystem) {
		this.creditSystem = creditSystem;
	}

	public String getSummary() {
		return this.summary;
	}

	private static Map<String, Integer> titleAndSummary() {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		lengths.put("title", 200);
		lengths.put("summary", 2000);
		return lengths;
	}

	/** How many of the title and summary have no translation into a language yet. */
	public int untranslated(String language) {
		return TRANSLATED.untranslated(this.translations, language,
				(field) -> "title".equals(field) ? this.title : this.summary);
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getMainField() {
		return this.mainField;
	}

	public void setMainField(String mainField) {
		this.mainField = mainField;
	}

	public String getEducationCycle() {
		return this.educationCycle;
	}

	public void setEducationCycle(String educationCycle) {
		this.educationCycle = educationCycle;
	}

	public String getGradingScale() {
		return this.gradingScale;
	}

	public void setGradingScale(String gradingScale) {
		this.gradingScale = gradingScale;
	}

	public String getExaminer() {
		return this.examiner;
	}

	public void setExaminer(String examiner) {
		this.examiner = examiner;
	}

	public String getOfferedBy() {
		return this.offeredBy;
	}

	public void setOfferedBy(String offeredBy) {
		this.offeredBy = offeredBy;
	}

}
