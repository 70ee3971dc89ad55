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
import org.jspecify.annotations.Nullable;

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

	/** Its version; only the id may be read without loading it. */
	Syllabus getSyllabus() {
		return this.syllabus;
	}

	public String getDescription() {
		return this.description;
	}

	public List<String> getEquivalentCodes() {
		return List.copyOf(this.equivalentCodes);
	}

	/**
	 * The equivalent courses as pages show them: single codes, and ranges read as one.
	 */
	public List<Equivalent> getEquivalents() {
		return this.equivalentCodes.stream().map((code) -> {
			int dash = code.indexOf('-');
			return (dash < 0) ? new Equivalent(code, null)
					: new Equivalent(code.substring(0, dash), code.substring(dash + 1));
		}).toList();
	}

	/**
	 * A course code, or a range of codes (any course from {@code code} to {@code last}).
	 *
	 * @param code the code, or the first of the range
	 * @param last the last code of the range, or {@code null} for a single code
	 */
	public record Equivalent(String code, @Nullable String last) {

		public boolean isRange() {
			return this.last != null;
		}

	}

}
