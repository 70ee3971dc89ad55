package org.prospectus.course;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;
import org.prospectus.institution.Institution;
import org.prospectus.staging.CatalogueEntry;
import org.prospectus.web.Translated;

import org.springframework.modulith.NamedInterface;

/** A course such as DD2424 Deep Learning in Data Science. Its code is unique. */
@Entity
@NamedInterface("api")
public class Course extends CatalogueEntry implements Translated {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "institution_id")
	private Institution institution;

	private String code;

	private String title;

	private BigDecimal credits;

	@Enumerated(EnumType.STRING)
	private CreditSystem creditSystem;

	private String summary;

	private String mainField;

	@Enumerated(EnumType.STRING)
	private EducationCycle educationCycle;

	@Enumerated(EnumType.STRING)
	private GradingScale gradingScale;

	private String examiner;

	private String offeredBy;

	protected Course() {
	}

	public Course(Institution institution, String code, String title, BigDecimal credits, CreditSystem creditSystem) {
		this.institution = institution;
		this.code = code;
		this.title = title;
		this.credits = credits;
		this.creditSystem = creditSystem;
	}

	public Institution getInstitution() {
		return this.institution;
	}

	public String getCode() {
		return this.code;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public BigDecimal getCredits() {
		return this.credits;
	}

	public void setCredits(BigDecimal credits, CreditSystem creditSystem) {
		this.credits = credits;
		this.creditSystem = creditSystem;
	}

	public CreditSystem getCreditSystem() {
		return this.creditSystem;
	}

	public String getSummary() {
		return this.summary;
	}

	@Override
	public String mainLanguage() {
		return this.institution.getMainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		return switch (field) {
			case "title" -> this.title;
			case "summary" -> this.summary;
			default -> throw new IllegalArgumentException("Not a translated text of a course: " + field);
		};
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getMainField() {
		return this.mainField;
	}

	public EducationCycle getEducationCycle() {
		return this.educationCycle;
	}

	public GradingScale getGradingScale() {
		return this.gradingScale;
	}

	public String getExaminer() {
		return this.examiner;
	}

	public String getOfferedBy() {
		return this.offeredBy;
	}

	public void setFacts(String mainField, EducationCycle educationCycle, GradingScale gradingScale, String examiner,
			String offeredBy) {
		this.mainField = mainField;
		this.educationCycle = educationCycle;
		this.gradingScale = gradingScale;
		this.examiner = examiner;
		this.offeredBy = offeredBy;
	}

}
