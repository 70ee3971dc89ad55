package org.prospectus.course;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * The credits an offering gives in one study period of a term, such as P4 (7.5 credits).
 */
@Entity
public class OfferingPeriod {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "offering_id")
	private CourseOffering offering;

	private int position;

	private Term term;

	private String periodCode;

	private BigDecimal credits;

	protected OfferingPeriod() {
	}

	OfferingPeriod(CourseOffering offering, int position, Term term, String periodCode, BigDecimal credits) {
		this.offering = offering;
		this.position = position;
		this.term = term;
		this.periodCode = periodCode;
		this.credits = credits;
	}

	public int getPosition() {
		return this.position;
	}

	public Term getTerm() {
		return this.term;
	}

	public String getPeriodCode() {
		return this.periodCode;
	}

	public BigDecimal getCredits() {
		return this.credits;
	}

}
