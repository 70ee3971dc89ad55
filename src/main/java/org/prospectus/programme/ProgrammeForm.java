package org.prospectus.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.prospectus.course.Course;
import org.prospectus.course.CreditSystem;
import org.prospectus.support.Emails;
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

	/** The longest translation of a list typed one item a line, topics or careers. */
	private static final int MAX_LINES_TEXT = 10000;

	private static final Pattern CREDITS = Pattern.compile("\\d{1,5}([.,]\\d)?");

	private long version;

	private Long revision;

	private String title;

	/**
	 * Texts in other languages than the institution's main one, by language and field
	 * ({@code sv:title}), as typed (ADR 0036).
	 */
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
		form.setTranslations(new LinkedHashMap<>(Translated.flat(programme.translations())));
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
			TestimonialRow row = new TestimonialRow(testimonial.getQuote(), testimonial.getAuthorName(),
					testimonial.getAuthorOrigin());
			row.setTranslations(new LinkedHashMap<>(Translated.flat(testimonial.translations())));
			form.testimonials.add(row);
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
		if (email != null && !Emails.isAddress(email)) {
			errors.rejectValue("contactEmail", "programme.form.email.invalid");
		}
		String url = check.url("contactUrl", this.contactUrl);
		List<ProgrammeContent.TestimonialContent> testimonialList = checkTestimonials(check);
		List<ProgrammeContent.PlanContent> planList = checkPlan(check, courses);
		Map<String, String> own = new LinkedHashMap<>(getTranslations());
		own.keySet().removeAll(YearFields.TRANSLATED.select(own).keySet());
		Map<String, Map<String, String>> translated = TRANSLATED.check(own, errors,
				"programme.form.translation.unknown");
		checkListTranslations(topicList, translated, errors);
		year.translations()
			.forEach((tag, texts) -> translated.computeIfAbsent(tag, (any) -> new LinkedHashMap<>()).putAll(texts));
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
	static final TranslatedFields TRANSLATED = TranslatedFields.of("title", 200, "programme.form.title", "award", 120,
			"programme.award", "summary", 1000, "programme.form.summary", "sectionAbout", 20000,
			"programme.section.about", "sectionLearning", 20000, "programme.section.learning", "sectionProject", 20000,
			"programme.section.project", "sectionCareers", 20000, "programme.section.careers", "topics", MAX_LINES_TEXT,
			"programme.topics", "careerTitles", MAX_LINES_TEXT, "programme.career-titles");

	/** The texts of a testimonial that may be written in several languages. */
	static final TranslatedFields TESTIMONIAL_TRANSLATED = TranslatedFields.of("quote", 2000,
			"programme.form.testimonial.quote", "authorOrigin", 120, "programme.form.testimonial.authorOrigin");

	/**
	 * Translations of lists kept one item a line, without blank ones; a translation of
	 * the topics names each topic, line by line in the same order, as the page links each
	 * one to the search for the topic as the main language names it.
	 */
	private static void checkListTranslations(List<String> topics, Map<String, Map<String, String>> translations,
			Errors errors) {
		translations.forEach((language, texts) -> {
			texts.replaceAll((field, text) -> (field.equals("topics") || field.equals("careerTitles"))
					? String.join("\n", text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList())
					: text);
			String translated = texts.get("topics");
			if (translated != null && translated.lines().count() != topics.size()) {
				errors.rejectValue("translations[" + language + ":topics]", "programme.form.translation.topics",
						new Object[] { topics.size() }, null);
			}
		});
	}

	/**
	 * How many texts written in the main language have no translation into a language
	 * yet, for the editor's count.
	 */
	public int untranslated(String language) {
		int testimonials = 0;
		for (TestimonialRow row : this.testimonials) {
			if (row != null && !row.isBlank()) {
				testimonials += TESTIMONIAL_TRANSLATED.untranslated(row.getTranslations(), language, row::mainText);
			}
		}
		return TRANSLATED.untranslated(getTranslations(), language, this::mainText) + untranslatedYear(language)
				+ testimonials;
	}

	private @Nullable String mainText(String field) {
		return switch (field) {
			case "title" -> this.title;
			case "award" -> this.award;
			case "summary" -> this.summary;
			case "sectionAbout" -> this.sectionAbout;
			case "sectionLearning" -> this.sectionLearning;
			case "sectionProject" -> this.sectionProject;
			case "topics" -> this.topics;
			case "careerTitles" -> this.careerTitles;
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
			Map<String, Map<String, String>> translated = TESTIMONIAL_TRANSLATED.check(row.getTranslations(),
					check.errors(), prefix, "programme.form.translation.unknown");
			result.add(new ProgrammeContent.TestimonialContent(quote, author, origin, translated));
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
		describeTestimonialTranslations(fields);
		describePlan(fields);
		fields.replaceAll((key, value) -> (value == null || value.isBlank()) ? null : value.strip());
		return fields;
	}

	/**
	 * Each language's testimonials as people read them:
	 * {@code programme.testimonials@sv}.
	 */
	private void describeTestimonialTranslations(Map<String, String> fields) {
		Map<String, List<String>> quotes = new TreeMap<>();
		for (TestimonialRow row : this.testimonials) {
			if (row == null || row.isBlank()) {
				continue;
			}
			Map<String, Map<String, String>> translated = Translated.nested(row.getTranslations());
			translated.forEach((language, texts) -> quotes.computeIfAbsent(language, (any) -> new ArrayList<>())
				.add(FieldChecks.joined(row.getAuthorName(), texts.get("authorOrigin")) + ": "
						+ Objects.toString(texts.get("quote"), "")));
		}
		quotes.forEach((language, lines) -> fields.put("programme.testimonials@" + language, String.join("\n", lines)));
	}

	private void describeTranslations(Map<String, String> fields) {
		TRANSLATED.describe(getTranslations(), fields);
	}

	/** A graduate's words, as typed. */
	public static class TestimonialRow {

		private String quote;

		private String authorName;

		private String authorOrigin;

		/** The quote and origin in other languages, {@code sv:quote}, as typed. */
		private Map<String, String> translations = new LinkedHashMap<>();

		public TestimonialRow() {
		}

		public Map<String, String> getTranslations() {
			return this.translations;
		}

		public void setTranslations(Map<String, String> translations) {
			this.translations = translations;
		}

		TestimonialRow(String quote, String authorName, String authorOrigin) {
			this.quote = quote;
			this.authorName = authorName;
			this.authorOrigin = authorOrigin;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.quote) && FieldChecks.blank(this.authorName)
					&& FieldChecks.blank(this.authorOrigin)
					&& this.translations.values().stream().allMatch(FieldChecks::blank);
		}

		@Nullable String mainText(String field) {
			return field.equals("quote") ? this.quote : this.authorOrigin;
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
