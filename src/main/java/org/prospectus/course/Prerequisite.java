package org.prospectus.course;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.prospectus.web.Translated;

/**
 * A specific prerequisite of a course: what is required, and the courses whose completion
 * counts as meeting it. Its description may be translated like its syllabus's texts (ADR
 * 0036).
 */
@Entity
@Table(name = "syllabus_prerequisite")
public class Prerequisite implements Translated {

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

	/** Its description in other languages: language, then {@code description}. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

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

	@Override
	public String mainLanguage() {
		return this.syllabus.mainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		if (!"description".equals(field)) {
			throw new IllegalArgumentException("Not a translated text of a prerequisite: " + field);
		}
		return this.description;
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
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
