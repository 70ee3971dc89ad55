package org.prospectus.course;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A specific prerequisite of a course: what is required, and the courses whose completion
 * counts as meeting it.
 */
@Entity
@Table(name = "syllabus_prerequisite")
public class Prerequisite {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "syllabus_id")
	private Syllabus syllabus;

	private int position;

	private String description;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> equivalentCodes = new ArrayList<>();

	protected Prerequisite() {
	}

	Prerequisite(Syllabus syllabus, int position, String description, List<String> equivalentCodes) {
		this.syllabus = syllabus;
		this.position = position;
		this.description = description;
		this.equivalentCodes = new ArrayList<>(equivalentCodes);
	}

	public int getPosition() {
		return this.position;
	}

	public String getDescription() {
		return this.description;
	}

	public List<String> getEquivalentCodes() {
		return List.copyOf(this.equivalentCodes);
	}

}
