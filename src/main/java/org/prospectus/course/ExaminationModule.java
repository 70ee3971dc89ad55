package org.prospectus.course;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A graded part of a course, such as TEN1 Examination, 3.0 credits, A–F. */
@Entity
public class ExaminationModule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "syllabus_id")
	private Syllabus syllabus;

	private int position;

	private String code;

	private String name;

	private BigDecimal credits;

	@Enumerated(EnumType.STRING)
	private GradingScale gradingScale;

	protected ExaminationModule() {
	}

	ExaminationModule(Syllabus syllabus, int position, String code, String name, BigDecimal credits,
			GradingScale gradingScale) {
		this.syllabus = syllabus;
		this.position = position;
		this.code = code;
		this.name = name;
		this.credits = credits;
		this.gradingScale = gradingScale;
	}

	public int getPosition() {
		return this.position;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getCredits() {
		return this.credits;
	}

	public GradingScale getGradingScale() {
		return this.gradingScale;
	}

}
