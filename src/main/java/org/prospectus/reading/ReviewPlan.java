package org.prospectus.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.prospectus.support.BaseEntity;

/**
 * How one programme's applications in one round are read: the reads each needs, whether
 * they are blind, the difference between two reads' totals that calls for one more, and
 * the rubric.
 */
@Entity
@Table(name = "review_plan")
public class ReviewPlan extends BaseEntity {

	/** The type of a plan in the audit log. */
	public static final String AUDIT_TYPE = "ReviewPlan";

	private long roundId;

	private long programmeId;

	private int reads;

	private boolean blind;

	private BigDecimal disagreement;

	@OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ReviewCriterion> criteria = new ArrayList<>();

	protected ReviewPlan() {
	}

	ReviewPlan(long roundId, long programmeId) {
		this.roundId = roundId;
		this.programmeId = programmeId;
		this.reads = 2;
		this.blind = true;
		this.disagreement = new BigDecimal("2.00");
	}

	public long getRoundId() {
		return this.roundId;
	}

	public long getProgrammeId() {
		return this.programmeId;
	}

	public int getReads() {
		return this.reads;
	}

	public boolean isBlind() {
		return this.blind;
	}

	public BigDecimal getDisagreement() {
		return this.disagreement;
	}

	public List<ReviewCriterion> getCriteria() {
		return this.criteria;
	}

	void settle(int reads, boolean blind, BigDecimal disagreement) {
		this.reads = reads;
		this.blind = blind;
		this.disagreement = disagreement;
	}

	/** Replaces the rubric, criterion by criterion in the order given. */
	void rubric(List<PlanForm.Line> lines) {
		for (int i = 0; i < lines.size(); i++) {
			PlanForm.Line line = lines.get(i);
			if (i < this.criteria.size()) {
				this.criteria.get(i).change(line.name(), line.scale(), line.weight());
			}
			else {
				this.criteria.add(new ReviewCriterion(this, i + 1, line.name(), line.scale(), line.weight()));
			}
		}
		while (this.criteria.size() > lines.size()) {
			this.criteria.remove(this.criteria.size() - 1);
		}
	}

	/** The reads an application needs once its reads disagree: one more, up to three. */
	int readsWhenDisagreeing() {
		return Math.min(3, this.reads + 1);
	}

}
