package org.prospectus.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.prospectus.support.FieldChecks;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * One syllabus version as an editor typed it: the term it is valid from, its texts, its
 * specific prerequisites and its examination modules, as rows with blank ones to add
 * more. Saved as JSON, a version's pending revision until it is published.
 */
public class SyllabusForm {

	/** Blank rows offered for new modules and prerequisites on each edit. */
	static final int BLANK_ROWS = 2;

	static final int MAX_MODULES = 20;

	static final int MAX_PREREQUISITES = 20;

	static final int MAX_EQUIVALENT_CODES = 20;

	/** A hyphen or en dash between the two codes of a range, spaces and all. */
	private static final Pattern RANGE_MARK = Pattern.compile("\\s*[-\u2013]\\s*");

	/** The most credits a module can have: what its column holds. */
	static final BigDecimal MAX_MODULE_CREDITS = new BigDecimal("999.9");

	static final Pattern MODULE_CODE = Pattern.compile("[A-Z0-9]{1,10}");

	/** The texts a version may have in several languages, checked like their fields. */
	static final TranslatedFields TRANSLATED = new TranslatedFields(texts(),
			Map.of("contents", "course.syllabus.contents", "outcomes", "course.syllabus.outcomes", "literature",
					"course.syllabus.literature", "prerequisitesNote", "course.form.syllabus.prerequisites-note",
					"examinationNotes", "course.form.syllabus.examination-notes", "ethicalApproach",
					"course.syllabus.ethics", "supplementary", "course.syllabus.supplementary"));

	/**
	 * A module's name in several languages, checked like the name; the diff lists every
	 * module's in one field a language, beside the modules.
	 */
	static final TranslatedFields MODULE_NAME = new TranslatedFields(Map.of("name", 200),
			Map.of("name", "course.syllabus.modules"));

	/**
	 * A prerequisite's description in several languages, checked like the description;
	 * the diff lists every prerequisite's in one field a language, beside the
	 * prerequisites.
	 */
	static final TranslatedFields PREREQUISITE_DESCRIPTION = new TranslatedFields(Map.of("description", 2000),
			Map.of("description", "course.syllabus.prerequisites"));

	private long version;

	private Long revision;

	private String validFrom;

	private String contents;

	private String outcomes;

	private String literature;

	private String prerequisitesNote;

	private String examinationNotes;

	private String ethicalApproach;

	private String supplementary;

	/** The texts in other languages, {@code sv:contents}, as typed (ADR 0036). */
	private Map<String, String> translations = new LinkedHashMap<>();

	private List<ModuleRow> modules = new ArrayList<>();

	private List<PrerequisiteRow> prerequisites = new ArrayList<>();

	/** The form filled with a version's live content; its prerequisites are loaded. */
	static SyllabusForm of(Syllabus syllabus) {
		SyllabusForm form = new SyllabusForm();
		form.version = syllabus.getVersion();
		form.validFrom = Integer.toString(syllabus.getValidFrom().code());
		form.contents = syllabus.getContents();
		form.outcomes = syllabus.getOutcomes();
		form.literature = syllabus.getLiterature();
		form.prerequisitesNote = syllabus.getPrerequisitesNote();
		form.examinationNotes = syllabus.getExaminationNotes();
		form.ethicalApproach = syllabus.getEthicalApproach();
		form.supplementary = syllabus.getSupplementary();
		form.translations = Translated.flat(syllabus.translations());
		for (ExaminationModule module : syllabus.getModules()) {
			ModuleRow row = new ModuleRow(module.getCode(), module.getName(), FieldChecks.plain(module.getCredits()),
					module.getGradingScale().name());
			row.setTranslations(Translated.flat(module.translations()));
			form.modules.add(row);
		}
		for (Prerequisite prerequisite : syllabus.getPrerequisites()) {
			PrerequisiteRow row = new PrerequisiteRow(prerequisite.getDescription(),
					String.join(", ", prerequisite.getEquivalentCodes()));
			row.setTranslations(Translated.flat(prerequisite.translations()));
			form.prerequisites.add(row);
		}
		return form;
	}

	/**
	 * This form as the start of a new version: the same texts, modules and prerequisites,
	 * with no term, version or revision of its own.
	 */
	SyllabusForm asNewVersion() {
		this.validFrom = null;
		this.version = 0;
		this.revision = null;
		return this;
	}

	/** Adds blank rows, so that a module or prerequisite can be added without script. */
	SyllabusForm withBlankRows() {
		this.modules.removeIf((row) -> row == null || row.isBlank());
		this.prerequisites.removeIf((row) -> row == null || row.isBlank());
		for (int i = 0; i < BLANK_ROWS; i++) {
			this.modules.add(new ModuleRow());
			this.prerequisites.add(new PrerequisiteRow());
		}
		return this;
	}

	/**
	 * Checks the form: its content, or {@code null} with each reason beside its field.
	 * @param courseCredits the course's credits, which the modules must add up to
	 * @param takenTerms the terms the course's other versions are valid from
	 */
	@Nullable SyllabusContent toContent(Errors errors, BigDecimal courseCredits, Set<Term> takenTerms) {
		FieldChecks check = new FieldChecks(errors);
		Term validFrom = check.chosen("validFrom", this.validFrom, Term::parse);
		if (validFrom != null && takenTerms.contains(validFrom)) {
			errors.rejectValue("validFrom", "course.form.syllabus.valid-from.taken");
		}
		String contents = check.text("contents", this.contents, false, 20000);
		String outcomes = check.text("outcomes", this.outcomes, false, 20000);
		String literature = check.text("literature", this.literature, false, 20000);
		String note = check.text("prerequisitesNote", this.prerequisitesNote, false, 20000);
		String examination = check.text("examinationNotes", this.examinationNotes, false, 20000);
		String ethics = check.text("ethicalApproach", this.ethicalApproach, false, 20000);
		String supplementary = check.text("supplementary", this.supplementary, false, 20000);
		Map<String, Map<String, String>> translated = TRANSLATED.check(this.translations, errors,
				"course.form.translation.unknown");
		List<SyllabusContent.PrerequisiteContent> prerequisiteList = checkPrerequisites(check);
		List<SyllabusContent.ModuleContent> moduleList = checkModules(check, courseCredits);
		if (errors.hasErrors()) {
			return null;
		}
		return new SyllabusContent(validFrom, contents, outcomes, literature, note, examination, ethics, supplementary,
				translated, moduleList, prerequisiteList);
	}

	private static Map<String, Integer> texts() {
		Map<String, Integer> fields = new LinkedHashMap<>();
		for (String field : Syllabus.TRANSLATED) {
			fields.put(field, 20000);
		}
		return fields;
	}

	/**
	 * How many of the texts, prerequisites' descriptions and module names written in the
	 * main language have no translation into a language yet, for the editor's count.
	 */
	public int untranslated(String language) {
		int count = TRANSLATED.untranslated(this.translations, language, this::mainText);
		for (PrerequisiteRow row : this.prerequisites) {
			if (row != null) {
				count += PREREQUISITE_DESCRIPTION.untranslated(row.getTranslations(), language,
						(field) -> row.getDescription());
			}
		}
		for (ModuleRow row : this.modules) {
			if (row != null) {
				count += MODULE_NAME.untranslated(row.getTranslations(), language, (field) -> row.getName());
			}
		}
		return count;
	}

	private @Nullable String mainText(String field) {
		return switch (field) {
			case "contents" -> this.contents;
			case "outcomes" -> this.outcomes;
			case "literature" -> this.literature;
			case "prerequisitesNote" -> this.prerequisitesNote;
			case "examinationNotes" -> this.examinationNotes;
			case "ethicalApproach" -> this.ethicalApproach;
			default -> this.supplementary;
		};
	}

	private List<SyllabusContent.ModuleContent> checkModules(FieldChecks check, BigDecimal courseCredits) {
		List<SyllabusContent.ModuleContent> result = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		BigDecimal sum = BigDecimal.ZERO;
		boolean allCredits = true;
		for (int i = 0; i < this.modules.size(); i++) {
			ModuleRow row = this.modules.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "modules[" + i + "].";
			String code = check.code(prefix + "code", row.getCode(), MODULE_CODE, "course.form.module.code.pattern");
			if (code != null && !codes.add(code)) {
				check.errors()
					.rejectValue(prefix + "code", "course.form.module.code.duplicate", new Object[] { code }, null);
			}
			String name = check.text(prefix + "name", row.getName(), true, 200);
			BigDecimal credits = check.credits(prefix + "credits", row.getCredits(), MAX_MODULE_CREDITS);
			GradingScale scale = check.choice(prefix + "gradingScale", row.getGradingScale(), GradingScale.class, true);
			// The name's translations beside it: modules[0].translations[sv:name].
			check.errors().pushNestedPath("modules[" + i + "]");
			Map<String, Map<String, String>> names = MODULE_NAME.check(row.getTranslations(), check.errors(),
					"course.form.translation.unknown");
			check.errors().popNestedPath();
			if (credits == null) {
				allCredits = false;
			}
			else {
				sum = sum.add(credits);
			}
			result.add(new SyllabusContent.ModuleContent(code, name, credits, scale, names));
		}
		if (result.size() > MAX_MODULES) {
			check.errors().rejectValue("modules", "course.form.modules.too-many", new Object[] { MAX_MODULES }, null);
		}
		else if (allCredits && courseCredits != null && sum.compareTo(courseCredits) != 0) {
			check.errors()
				.rejectValue("modules", "course.form.modules.credits",
						new Object[] { oneDecimal(sum), oneDecimal(courseCredits) }, null);
		}
		return result;
	}

	private List<SyllabusContent.PrerequisiteContent> checkPrerequisites(FieldChecks check) {
		List<SyllabusContent.PrerequisiteContent> result = new ArrayList<>();
		for (int i = 0; i < this.prerequisites.size(); i++) {
			PrerequisiteRow row = this.prerequisites.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "prerequisites[" + i + "].";
			String description = check.text(prefix + "description", row.getDescription(), true, 2000);
			List<String> codes = equivalentCodes(check, prefix + "equivalentCodes", row.getEquivalentCodes());
			// The description's translations beside it:
			// prerequisites[0].translations[sv:description].
			Map<String, Map<String, String>> descriptions = PREREQUISITE_DESCRIPTION.check(row.getTranslations(),
					check.errors(), prefix, "course.form.translation.unknown");
			result.add(new SyllabusContent.PrerequisiteContent(description, codes, descriptions));
		}
		if (result.size() > MAX_PREREQUISITES) {
			check.errors()
				.rejectValue("prerequisites", "course.form.prerequisites.too-many", new Object[] { MAX_PREREQUISITES },
						null);
		}
		return result;
	}

	/**
	 * Course codes, or ranges of them as KTH writes its syllabuses ("DD1310-DD1319": any
	 * course from the first to the last). A range's codes start with the same letters,
	 * are as long, and ascend; an en dash or spaces around the hyphen are read as the
	 * hyphen.
	 */
	static List<String> equivalentCodes(FieldChecks check, String field, @Nullable String value) {
		String typed = (value != null) ? RANGE_MARK.matcher(value).replaceAll("-") : null;
		List<String> codes = FieldChecks.codeList(typed);
		if (codes.size() > MAX_EQUIVALENT_CODES) {
			check.errors().rejectValue(field, "check.lines.too-many", new Object[] { MAX_EQUIVALENT_CODES }, null);
			return codes;
		}
		for (String code : codes) {
			String[] ends = code.split("-", -1);
			if (ends.length > 2 || Arrays.stream(ends).anyMatch((end) -> !NewCourseForm.CODE.matcher(end).matches())) {
				check.errors().rejectValue(field, "course.form.prerequisite.codes");
				return codes;
			}
			if (ends.length == 2) {
				if (!letters(ends[0]).equals(letters(ends[1])) || ends[0].length() != ends[1].length()) {
					check.errors()
						.rejectValue(field, "course.form.prerequisite.range.mixed", new Object[] { code }, null);
					return codes;
				}
				if (ends[0].compareTo(ends[1]) >= 0) {
					check.errors()
						.rejectValue(field, "course.form.prerequisite.range.backwards", new Object[] { code }, null);
					return codes;
				}
			}
		}
		return codes;
	}

	private static String letters(String code) {
		int end = 0;
		while (end < code.length() && Character.isLetter(code.charAt(end))) {
			end++;
		}
		return code.substring(0, end);
	}

	private static String oneDecimal(BigDecimal value) {
		return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	/** The term this form says the version is valid from, or {@code null}. */
	@Nullable Term validFromTerm() {
		try {
			return Term.ofCode(Integer.parseInt(this.validFrom.strip()));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Each field as people read it, keyed by its label's message key. */
	Map<String, String> describe() {
		Map<String, String> fields = new LinkedHashMap<>();
		Term term = validFromTerm();
		fields.put("course.form.syllabus.valid-from",
				(term != null) ? term.season().name() + " " + term.year() : this.validFrom);
		fields.put("course.syllabus.contents", this.contents);
		fields.put("course.syllabus.outcomes", this.outcomes);
		fields.put("course.syllabus.literature", this.literature);
		fields.put("course.form.syllabus.prerequisites-note", this.prerequisitesNote);
		fields.put("course.form.syllabus.examination-notes", this.examinationNotes);
		fields.put("course.syllabus.ethics", this.ethicalApproach);
		fields.put("course.syllabus.supplementary", this.supplementary);
		TRANSLATED.describe(this.translations, fields);
		List<String> prerequisiteLines = this.prerequisites.stream()
			.filter((row) -> row != null && !row.isBlank())
			.map((row) -> FieldChecks.blank(row.getEquivalentCodes()) ? row.getDescription()
					: row.getDescription() + " (" + row.getEquivalentCodes().strip() + ")")
			.toList();
		fields.put("course.syllabus.prerequisites",
				prerequisiteLines.isEmpty() ? null : String.join("\n", prerequisiteLines));
		describePrerequisiteDescriptions(fields);
		List<String> moduleLines = this.modules.stream()
			.filter((row) -> row != null && !row.isBlank())
			.map((row) -> FieldChecks.joined(row.getCode(), row.getName(), row.getCredits(), row.getGradingScale()))
			.toList();
		fields.put("course.syllabus.modules", moduleLines.isEmpty() ? null : String.join("\n", moduleLines));
		describeModuleNames(fields);
		fields.replaceAll((key, value) -> FieldChecks.blank(value) ? null : value.strip());
		return fields;
	}

	/**
	 * The modules' names in each language they are translated into, one line a module
	 * ({@code TEN1 Tentamen}), as {@code course.syllabus.modules@sv}.
	 */
	private void describeModuleNames(Map<String, String> fields) {
		Map<String, String> names = new TreeMap<>();
		for (ModuleRow row : this.modules) {
			if (row == null || row.isBlank()) {
				continue;
			}
			row.getTranslations().forEach((key, name) -> {
				if (!FieldChecks.blank(name)) {
					names.merge(key, FieldChecks.joined(row.getCode(), name), (lines, line) -> lines + "\n" + line);
				}
			});
		}
		MODULE_NAME.describe(names, fields);
	}

	/**
	 * The prerequisites' descriptions in each language they are translated into, one line
	 * a prerequisite, as {@code course.syllabus.prerequisites@sv}.
	 */
	private void describePrerequisiteDescriptions(Map<String, String> fields) {
		Map<String, String> descriptions = new TreeMap<>();
		for (PrerequisiteRow row : this.prerequisites) {
			if (row == null || row.isBlank()) {
				continue;
			}
			row.getTranslations().forEach((key, description) -> {
				if (!FieldChecks.blank(description)) {
					descriptions.merge(key, description.strip(), (lines, line) -> lines + "\n" + line);
				}
			});
		}
		PREREQUISITE_DESCRIPTION.describe(descriptions, fields);
	}

	/** An examination module, as typed. */
	public static class ModuleRow {

		private String code;

		private String name;

		private String credits;

		private String gradingScale;

		/** Its name in other languages, {@code sv:name}, as typed. */
		private Map<String, String> translations = new LinkedHashMap<>();

		public ModuleRow() {
		}

		ModuleRow(String code, String name, String credits, String gradingScale) {
			this.code = code;
			this.name = name;
			this.credits = credits;
			this.gradingScale = gradingScale;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.code) && FieldChecks.blank(this.name) && FieldChecks.blank(this.credits)
					&& this.translations.values().stream().allMatch(FieldChecks::blank);
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getCredits() {
			return this.credits;
		}

		public void setCredits(String credits) {
			this.credits = credits;
		}

		public String getGradingScale() {
			return this.gradingScale;
		}

		public void setGradingScale(String gradingScale) {
			this.gradingScale = gradingScale;
		}

		public Map<String, String> getTranslations() {
			return this.translations;
		}

		public void setTranslations(Map<String, String> translations) {
			this.translations = (translations != null) ? translations : new LinkedHashMap<>();
		}

	}

	/** A specific prerequisite, as typed: what is required and the equivalent courses. */
	public static class PrerequisiteRow {

		private String description;

		private String equivalentCodes;

		/** Its description in other languages, {@code sv:description}, as typed. */
		private Map<String, String> translations = new LinkedHashMap<>();

		public PrerequisiteRow() {
		}

		PrerequisiteRow(String description, String equivalentCodes) {
			this.description = description;
			this.equivalentCodes = equivalentCodes;
		}

		boolean isBlank() {
			return FieldChecks.blank(this.description) && FieldChecks.blank(this.equivalentCodes)
					&& this.translations.values().stream().allMatch(FieldChecks::blank);
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getEquivalentCodes() {
			return this.equivalentCodes;
		}

		public void setEquivalentCodes(String equivalentCodes) {
			this.equivalentCodes = equivalentCodes;
		}

		public Map<String, String> getTranslations() {
			return this.translations;
		}

		public void setTranslations(Map<String, String> translations) {
			this.translations = (translations != null) ? translations : new LinkedHashMap<>();
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

	public String getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getContents() {
		return this.contents;
	}

	public void setContents(String contents) {
		this.contents = contents;
	}

	public String getOutcomes() {
		return this.outcomes;
	}

	public void setOutcomes(String outcomes) {
		this.outcomes = outcomes;
	}

	public String getLiterature() {
		return this.literature;
	}

	public void setLiterature(String literature) {
		this.literature = literature;
	}

	public String getPrerequisitesNote() {
		return this.prerequisitesNote;
	}

	public void setPrerequisitesNote(String prerequisitesNote) {
		this.prerequisitesNote = prerequisitesNote;
	}

	public String getExaminationNotes() {
		return this.examinationNotes;
	}

	public void setExaminationNotes(String examinationNotes) {
		this.examinationNotes = examinationNotes;
	}

	public String getEthicalApproach() {
		return this.ethicalApproach;
	}

	public void setEthicalApproach(String ethicalApproach) {
		this.ethicalApproach = ethicalApproach;
	}

	public String getSupplementary() {
		return this.supplementary;
	}

	public void setSupplementary(String supplementary) {
		this.supplementary = supplementary;
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public List<ModuleRow> getModules() {
		return this.modules;
	}

	public void setModules(List<ModuleRow> modules) {
		this.modules = modules;
	}

	public List<PrerequisiteRow> getPrerequisites() {
		return this.prerequisites;
	}

	public void setPrerequisites(List<PrerequisiteRow> prerequisites) {
		this.prerequisites = prerequisites;
	}

}
