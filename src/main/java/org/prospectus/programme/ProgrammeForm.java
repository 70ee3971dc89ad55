package org.prospectus.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.Course;
import org.prospectus.course.CreditSystem;
import org.prospectus.support.FieldChecks;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;
import org.springframework.validation.Errors;

/**
 * Everything an editor can change on a programme, kept as typed so that a value with an
 * error comes back unchanged. The same form, saved as JSON, is a programme's pending
 * revision until it is published; it is checked again then, because courses it names may
 * have changed meanwhile.
 * <p>
 * The code and slug are not here: they are set when the programme is created and stay,
 * because links and applications name them.
 */
public class ProgrammeForm extends YearFields {

	/** Blank rows offered for new testimonials and plan entries on each edit. */
	static final int BLANK_ROWS = 2;

	static final int MAX_TESTIMONIALS = 12;

	static final int MAX_PLAN_ENTRIES = YearFields.MAX_PLAN_ENTRIES;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern CREDITS = Pattern.compile("\\d{1,5}([.,]\\d)?");

	private long version;

	private Long revision;

	private String title;

	/**
	 * Texts in other languages than the institution's main one, by language and field
	 * ({@code sv:title}), as typed (ADR 0036).
	 */
	private Map<String, String> translations = new LinkedHashMap<>();

	private String award;

	private String level;

	private String credits;

	private String creditSystem;

	private String durationMonths;

	private String pacePercent;

	private String mode;

	private String language;

	private String campus;

	private String startTerm;

	private String summary;

	private String sectionAbout;

	private String sectionLearning;

	private String sectionProject;

	private String sectionCareers;

	private String topics;

	private String careerTitles;

	private String leadName;

	private String contactEmail;

	private String contactUrl;

	private List<TestimonialRow> testimonials = new ArrayList<>();

	/** The careers of the careers page this programme leads to, by slug, in order. */
	private List<String> careers = new ArrayList<>();

	/** The form filled with a programme's live content. */
	public static ProgrammeForm of(Programme programme, List<Testimonial> testimonials, List<PlanEntry> plan,
			List<String> careers) {
		ProgrammeForm form = new ProgrammeForm();
		form.careers = new ArrayList<>(careers);
		form.version = programme.getVersion();
		form.title = programme.getTitle();
		form.translations = Translated.flat(programme.translations());
		form.award = programme.getAward();
		form.level = FieldChecks.name(programme.getLevel());
		form.credits = FieldChecks.plain(programme.getCredits());
		form.creditSystem = FieldChecks.name(programme.getCreditSystem());
		form.durationMonths = Integer.toString(programme.getDurationMonths());
		form.pacePercent = Integer.toString(programme.getPacePercent());
		form.mode = FieldChecks.name(programme.getMode());
		form.language = programme.getLanguage();
		form.campus = programme.getCampus();
		form.startTerm = programme.getStartTerm();
		form.summary = programme.getSummary();
		form.sectionAbout = programme.getSectionAbout();
		form.sectionLearning = programme.getSectionLearning();
		form.sectionProject = programme.getSectionProject();
		form.sectionCareers = programme.getSectionCareers();
		form.topics = String.join("\n", programme.getTopics());
		form.careerTitles = String.join("\n", programme.getCareerTitles());
		form.fill(YearValues.of(programme), programme.getInstitution().getCurrency().getCurrencyCode());
		form.leadName = programme.getLeadName();
		form.contactEmail = programme.getContactEmail();
		form.contactUrl = programme.getContactUrl();
		for (Testimonial testimonial : testimonials) {
			form.testimonials.add(new TestimonialRow(testimonial.getQuote(), testimonial.getAuthorName(),
					testimonial.getAuthorOrigin()));
		}
		form.fillPlan(plan);
		return form;
	}

	/** Adds blank rows, so that a testimonial or a course can be added without script. */
	ProgrammeForm withBlankRows() {
		this.testimonials.removeIf(TestimonialRow::isBlank);
		for (int i = 0; i < BLANK_ROWS; i++) {
			this.testimonials.add(new TestimonialRow());
		}
		withBlankPlanRows();
		return this;
	}

	/**
	 * Checks the form and returns its content, or {@code null} with each reason beside
	 * its field.
	 * @param errors where the reasons go
	 * @param courses finds a course by its code
	 */
	@Nullable ProgrammeContent toContent(Errors errors, Function<String, Optional<Course>> courses) {
		FieldChecks check = new FieldChecks(errors);
		String title = check.text("title", this.title, true, 200);
		String award = check.text("award", this.award, true, 120);
		ProgrammeLevel level = check.choice("level", this.level, ProgrammeLevel.class, true);
		BigDecimal credits = check.decimal("credits", this.credits, CREDITS, true);
		if (credits != null && credits.signum() <= 0) {
			errors.rejectValue("credits", "check.credits.invalid");
		}
		CreditSystem creditSystem = check.choice("creditSystem", this.creditSystem, CreditSystem.class, true);
		Integer duration = check.whole("durationMonths", this.durationMonths, 1, 120, true);
		Integer pace = check.whole("pacePercent", this.pacePercent, 1, 100, true);
		StudyMode mode = check.choice("mode", this.mode, StudyMode.class, true);
		String language = check.language("language", this.language);
		String campus = check.text("campus", this.campus, false, 120);
		String startTerm = check.text("startTerm", this.startTerm, false, 60);
		String summary = check.text("summary", this.summary, true, 1000);
		String about = check.text("sectionAbout", this.sectionAbout, false, 20000);
		String learning = check.text("sectionLearning", this.sectionLearning, false, 20000);
		String project = check.text("sectionProject", this.sectionProject, false, 20000);
		String careers = check.text("sectionCareers", this.sectionCareers, false, 20000);
		List<String> topicList = check.lines("topics", this.topics, 80);
		List<String> careerList = check.lines("careerTitles", this.careerTitles, 120);
		YearValues year = checkYear(check, errors);
		String lead = check.text("leadName", this.leadName, false, 200);
		String email = check.text("contactEmail", this.contactEmail, false, 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.rejectValue("contactEmail", "programme.form.email.invalid");
		}
		String url = check.url("contactUrl", this.contactUrl);
		List<ProgrammeContent.TestimonialContent> testimonialList = checkTestimonials(check);
		List<ProgrammeContent.PlanContent> planList = checkPlan(check, courses);
		Map<String, Map<String, String>> translated = TRANSLATED.check(this.translations, errors,
				"programme.form.translation.unknown");
		if (errors.hasErrors()) {
			return null;
		}
		return new ProgrammeContent(title, award, level, credits, creditSystem, duration, pace, mode, language, campus,
				startTerm, summary, about, learning, project, careers, topicList, careerList, year.typicalOffer(),
				year.entryRequirements(), year.languageRequirements(), year.tuition(), year.tuitionPeriod(),
				year.tuitionNote(), year.applicationFee(), year.applicationFeeNote(), lead, email, url, testimonialList,
				planList, chosenCareers(), translated);
	}

	/** The texts a programme may have in several languages, checked like their fields. */
	static final TranslatedFields TRANSLATED = new TranslatedFields(
			orderedMap("title", 200, "award", 120, "summary", 1000, "sectionAbout", 20000, "sectionLearning", 20000,
					"sectionProject", 20000, "sectionCareers", 20000),
			Map.of("title", "programme.form.title", "award", "programme.award", "summary", "programme.form.summary",
					"sectionAbout", "programme.section.about", "sectionLearning", "programme.section.learning",
					"sectionProject", "programme.section.project", "sectionCareers", "programme.section.careers"));

	private static Map<String, Integer> orderedMap(Object... pairs) {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Integer) pairs[i + 1]);
		}
		return map;
	}

	/**
	 * How many texts written in the main language have no translation into a language
	 * yet, for the editor's count.
	 */
	public int untranslated(String language) {
		return TRANSLATED.untranslated(this.translations, language, this::mainText);
	}

	private @Nullable String mainText(String field) {
		return switch (field) {
			case "title" -> this.title;
			case "award" -> this.award;
			case "summary" -> this.summary;
			case "sectionAbout" -> this.sectionAbout;
			case "sectionLearning" -> this.sectionLearning;
			case "sectionProject" -> this.sectionProject;
			default -> this.sectionCareers;
		};
	}

	private List<ProgrammeContent.TestimonialContent> checkTestimonials(FieldChecks check) {
		List<ProgrammeContent.TestimonialContent> result = new ArrayList<>();
		for (int i = 0; i < this.testimonials.size(); i++) {
			TestimonialRow row = this.testimonials.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "testimonials[" + i + "].";
			String quote = check.text(prefix + "quote", row.getQuote(), true, 2000);
			String author = check.text(prefix + "authorName", row.getAuthorName(), true, 200);
			String origin = check.text(prefix + "authorOrigin", row.getAuthorOrigin(), false, 120);
			result.add(new ProgrammeContent.TestimonialContent(quote, author, origin));
		}
		if (result.size() > MAX_TESTIMONIALS) {
			check.errors().reject("programme.form.testimonials.too-many", new Object[] { MAX_TESTIMONIALS }, null);
		}
		return result;
	}

	/**
	 * Each field as people read it, keyed by its label's message key: for the audit log
	 * and the conflict page.
	 */
	Map<String, String> describe() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("programme.form.title", this.title);
		fields.put("programme.award", this.award);
		fields.put("programme.level", this.level);
		fields.put("programme.credits", FieldChecks.joined(this.credits, this.creditSystem));
		fields.put("programme.form.duration-months", this.durationMonths);
		fields.put("programme.form.pace-percent", this.pacePercent);
		fields.put("programme.mode", this.mode);
		fields.put("programme.language", this.language);
		fields.put("programme.campus", this.campus);
		fields.put("programme.form.start-term", this.startTerm);
		fields.put("programme.form.summary", this.summary);
		fields.put("programme.section.about", this.sectionAbout);
		fields.put("programme.section.learning", this.sectionLearning);
		fields.put("programme.section.project", this.sectionProject);
		fields.put("programme.section.careers", this.sectionCareers);
		fields.put("programme.topics", this.topics);
		fields.put("programme.career-titles", this.careerTitles);
		describeTranslations(fields);
		fields.put("programme.careers.linked", String.join(", ", chosenCareers()));
		describeYear(fields);
		fields.put("programme.lead", this.leadName);
		fields.put("programme.email", this.contactEmail);
		fields.put("programme.web", this.contactUrl);
		List<String> quotes = this.testimonials.stream()
			.filter((row) -> row != null && !row.isBlank())
			.map((row) -> FieldChecks.joined(row.getAuthorName(), row.getAuthorOrigin()) + ": " + row.getQuote())
			.toList();
		fields.put("programme.testimonials", quotes.isEmpty() ? null : String.join("\n", quotes));
		describePlan(fields);
		fields.replaceAll((key, value) -> (value == null || value.isBlank()) ? null : value.strip());
		return fields;
	}

	private void describeTranslations(Map<String, String> fields) {
		TRANSLATED.describe(this.translations, fields);
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	/** A graduate's words, as typed. */
	public static class TestimonialRow {

		private String quote;

		private String authorName;

		private String authorOrigin;

		public TestimonialRow() {
		}

		TestimonialRow(String quote, String authorName, String authorOrigin) {
			this.quote = quote;
			this.authorName = authorName;
			this.authorOrigin = authorOrigin;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.quote) && FieldChecks.blank(this.authorName)
					&& FieldChecks.blank(this.authorOrigin);
		}

		public String getQuote() {
			return this.quote;
		}

		public void setQuote(String quote) {
			this.quote = quote;
		}

		public String getAuthorName() {
			return this.authorName;
		}

		public void setAuthorName(String authorName) {
			this.authorName = authorName;
		}

		public String getAuthorOrigin() {
			return this.authorOrigin;
		}

		public void setAuthorOrigin(String authorOrigin) {
			this.authorOrigin = authorOrigin;
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

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getAward() {
		return this.award;
	}

	public void setAward(String award) {
		this.award = award;
	}

	public String getLevel() {
		return this.level;
	}

	public void setLevel(String level) {
		this.level = level;
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

	public String getDurationMonths() {
		return this.durationMonths;
	}

	public void setDurationMonths(String durationMonths) {
		this.durationMonths = durationMonths;
	}

	public String getPacePercent() {
		return this.pacePercent;
	}

	public void setPacePercent(String pacePercent) {
		this.pacePercent = pacePercent;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getCampus() {
		return this.campus;
	}

	public void setCampus(String campus) {
		this.campus = campus;
	}

	public String getStartTerm() {
		return this.startTerm;
	}

	public void setStartTerm(String startTerm) {
		this.startTerm = startTerm;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getSectionAbout() {
		return this.sectionAbout;
	}

	public void setSectionAbout(String sectionAbout) {
		this.sectionAbout = sectionAbout;
	}

	public String getSectionLearning() {
		return this.sectionLearning;
	}

	public void setSectionLearning(String sectionLearning) {
		this.sectionLearning = sectionLearning;
	}

	public String getSectionProject() {
		return this.sectionProject;
	}

	public void setSectionProject(String sectionProject) {
		this.sectionProject = sectionProject;
	}

	public String getSectionCareers() {
		return this.sectionCareers;
	}

	public void setSectionCareers(String sectionCareers) {
		this.sectionCareers = sectionCareers;
	}

	public String getTopics() {
		return this.topics;
	}

	public void setTopics(String topics) {
		this.topics = topics;
	}

	public String getCareerTitles() {
		return this.careerTitles;
	}

	public void setCareerTitles(String careerTitles) {
		this.careerTitles = careerTitles;
	}

	public String getLeadName() {
		return this.leadName;
	}

	public void setLeadName(String leadName) {
		this.leadName = leadName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

	public String getContactUrl() {
		return this.contactUrl;
	}

	public void setContactUrl(String contactUrl) {
		this.contactUrl = contactUrl;
	}

	/** The careers chosen, each once, in the order given; blanks left out. */
	List<String> chosenCareers() {
		return this.careers.stream()
			.filter((slug) -> slug != null && !slug.isBlank())
			.map(String::strip)
			.distinct()
			.toList();
	}

	public List<String> getCareers() {
		return this.careers;
	}

	public void setCareers(List<String> careers) {
		this.careers = (careers != null) ? careers : new ArrayList<>();
	}

	public List<TestimonialRow> getTestimonials() {
		return this.testimonials;
	}

	public void setTestimonials(List<TestimonialRow> testimonials) {
		this.testimonials = testimonials;
	}

}
