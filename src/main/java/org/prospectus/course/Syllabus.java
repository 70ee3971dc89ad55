package org.prospectus.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.prospectus.support.BaseEntity;

/**
 * One version of a course's syllabus, valid from a term until the next version starts.
 */
@Entity
public class Syllabus extends BaseEntity {

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

	public List<ExaminationModule> getModules() {
		return this.modules;
	}

	public ExaminationModule addModule(String code, String name, BigDecimal credits, GradingScale scale) {
		ExaminationModule module = new ExaminationModule(this, this.modules.size() + 1, code, name, credits, scale);
		this.modules.add(module);
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

}
