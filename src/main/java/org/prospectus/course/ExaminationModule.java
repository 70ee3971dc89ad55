package org.prospectus.course;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.web.Translated;

/**
 * A graded part of a course, such as TEN1 Examination, 3.0 credits, A–F. Its name may be
 * translated like its syllabus's texts (ADR 0036).
 */
@Entity
public class ExaminationModule implements Translated {

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

	/** Its name in other languages: language, then {@code name}. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

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

	@Override
	public String mainLanguage() {
		return this.syllabus.mainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		if (!"name".equals(field)) {
			throw new IllegalArgumentException("Not a translated text of an examination module: " + field);
		}
		return this.name;
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

}
