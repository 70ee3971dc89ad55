package org.prospectus.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.support.BaseEntity;
import org.prospectus.web.Translated;

/**
 * One version of a course's syllabus, valid from a term until the next version starts.
 * Its texts are written in its institution's main language and may be translated (ADR
 * 0036); the main language's version is the one that applies.
 */
@Entity
public class Syllabus extends BaseEntity implements Translated {

	/** The texts a version may have in several languages. */
	static final List<String> TRANSLATED = List.of("contents", "outcomes", "literature", "prerequisitesNote",
			"examinationNotes", "ethicalApproach", "supplementary");

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "course_id")
	private Course course;

	private Term validFrom;

	private String contents;

	private String outcomes;

	private String literature;

	private String prerequisitesNote;

	private String examinationNotes;

	private String ethicalApproach;

	private String supplementary;

	/** Its texts in other languages: language, then field (ADR 0036). */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	/**
	 * Whether visitors see this version. A version added to a course is held back until
	 * an editor publishes it.
	 */
	private boolean published = true;

	@OneToMany(mappedBy = "syllabus", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ExaminationModule> modules = new ArrayList<>();

	@OneToMany(mappedBy = "syllabus", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<Prerequisite> prerequisites = new ArrayList<>();

	protected Syllabus() {
	}

	public Syllabus(Course course, Term validFrom) {
		this.course = course;
		this.validFrom = validFrom;
	}

	/** A version added by an editor, which visitors see only once it is published. */
	static Syllabus unpublished(Course course, Term validFrom) {
		Syllabus syllabus = new Syllabus(course, validFrom);
		syllabus.published = false;
		return syllabus;
	}

	public boolean isPublished() {
		return this.published;
	}

	public void publish() {
		this.published = true;
	}

	public Course getCourse() {
		return this.course;
	}

	public Term getValidFrom() {
		return this.validFrom;
	}

	void setValidFrom(Term validFrom) {
		this.validFrom = validFrom;
	}

	public String getContents() {
		return this.contents;
	}

	public String getOutcomes() {
		return this.outcomes;
	}

	public void setContentsAndOutcomes(String contents, String outcomes) {
		this.contents = contents;
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

	@Override
	public String mainLanguage() {
		return this.course.getInstitution().getMainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		return switch (field) {
			case "contents" -> this.contents;
			case "outcomes" -> this.outcomes;
			case "literature" -> this.literature;
			case "prerequisitesNote" -> this.prerequisitesNote;
			case "examinationNotes" -> this.examinationNotes;
			case "ethicalApproach" -> this.ethicalApproach;
			case "supplementary" -> this.supplementary;
			default -> throw new IllegalArgumentException("Not a translated text of a syllabus: " + field);
		};
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

	/**
	 * Whether a page in this language shows any of its texts translated, so that it says
	 * which language's version applies.
	 */
	public boolean isTranslatedInto(Locale language) {
		String tag = language.toLanguageTag();
		return TRANSLATED.stream().anyMatch((field) -> mainText(field) != null && translation(tag, field) != null)
				|| this.modules.stream().anyMatch((module) -> module.translation(tag, "name") != null);
	}

	public List<ExaminationModule> getModules() {
		return this.modules;
	}

	public ExaminationModule addModule(String code, String name, BigDecimal credits, GradingScale scale) {
		ExaminationModule module = new ExaminationModule(this, this.modules.size() + 1, code, name, credits, scale);
		this.modules.add(module);
		return module;
	}

	/** A module with its name in other languages: language, then {@code name}. */
	public ExaminationModule addModule(String code, String name, BigDecimal credits, GradingScale scale,
			Map<String, Map<String, String>> translations) {
		ExaminationModule module = addModule(code, name, credits, scale);
		module.setTranslations(translations);
		return module;
	}

	/** The sum of the modules' credits, which must equal the course's credits. */
	public BigDecimal getModuleCredits() {
		return this.modules.stream().map(ExaminationModule::getCredits).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Removes every module, so that the ones typed can be added in their order. */
	void clearModules() {
		this.modules.clear();
	}

	/** Removes every prerequisite, so that the ones typed can be added in their order. */
	void clearPrerequisites() {
		this.prerequisites.clear();
	}

	public List<Prerequisite> getPrerequisites() {
		return this.prerequisites;
	}

	public Prerequisite addPrerequisite(String description, List<String> equivalentCodes) {
		Prerequisite prerequisite = new Prerequisite(this, this.prerequisites.size() + 1, description, equivalentCodes);
		this.prerequisites.add(prerequisite);
		return prerequisite;
	}

	/** A prerequisite with its description in other languages: language, then field. */
	public Prerequisite addPrerequisite(String description, List<String> equivalentCodes,
			Map<String, Map<String, String>> translations) {
		Prerequisite prerequisite = addPrerequisite(description, equivalentCodes);
		prerequisite.setTranslations(translations);
		return prerequisite;
	}

}
