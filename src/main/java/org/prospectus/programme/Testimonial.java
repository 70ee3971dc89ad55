package org.prospectus.programme;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * A graduate's words about a programme, with their translations (ADR 0036): the quote and
 * where the graduate is from; their name is their own.
 */
@Entity
@Table(name = "programme_testimonial")
public class Testimonial implements Translated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private Programme programme;

	private int position;

	private String quote;

	private String authorName;

	private String authorOrigin;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	protected Testimonial() {
	}

	public Testimonial(Programme programme, int position, String quote, String authorName, String authorOrigin,
			Map<String, Map<String, String>> translations) {
		this.programme = programme;
		this.position = position;
		this.quote = quote;
		this.authorName = authorName;
		this.authorOrigin = authorOrigin;
		this.translations = new LinkedHashMap<>(translations);
	}

	/**
	 * The programme's main language: read while the programme's page is built, whose
	 * programme the persistence context already holds.
	 */
	@Override
	public String mainLanguage() {
		return this.programme.mainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		return switch (field) {
			case "quote" -> this.quote;
			case "authorOrigin" -> this.authorOrigin;
			default -> throw new IllegalArgumentException("Not a translated text of a testimonial: " + field);
		};
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public int getPosition() {
		return this.position;
	}

	public String getQuote() {
		return this.quote;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getAuthorOrigin() {
		return this.authorOrigin;
	}

}
