package org.prospectus.reading;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One criterion of a rubric: scored from 1 to its scale, counted with its weight. */
@Entity
@Table(name = "review_criterion")
public class ReviewCriterion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "plan_id")
	private ReviewPlan plan;

	private int position;

	private String name;

	private int scale;

	private int weight;

	protected ReviewCriterion() {
	}

	ReviewCriterion(ReviewPlan plan, int position, String name, int scale, int weight) {
		this.plan = plan;
		this.position = position;
		this.name = name;
		this.scale = scale;
		this.weight = weight;
	}

	void change(String name, int scale, int weight) {
		this.name = name;
		this.scale = scale;
		this.weight = weight;
	}

	public Long getId() {
		return this.id;
	}

	public int getPosition() {
		return this.position;
	}

	public String getName() {
		return this.name;
	}

	public int getScale() {
		return this.scale;
	}

	public int getWeight() {
		return this.weight;
	}

}
