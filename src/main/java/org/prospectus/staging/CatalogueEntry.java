package org.prospectus.staging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.prospectus.support.BaseEntity;

import org.springframework.modulith.NamedInterface;

/**
 * A catalogue entry the public sees only once published. A retired entry keeps its page,
 * which says it is no longer offered, so that old links still answer.
 */
@MappedSuperclass
@NamedInterface("api")
public abstract class CatalogueEntry extends BaseEntity {

	@Enumerated(EnumType.STRING)
	private PublicationState state = PublicationState.DRAFT;

	/**
	 * Its texts in other languages than its institution's main one: language, then field
	 * (ADR 0036). Staged and published with the rest of the entry.
	 */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	/** Its translations: language, then field, then text. */
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

	public PublicationState getState() {
		return this.state;
	}

	public boolean isRetired() {
		return this.state == PublicationState.RETIRED;
	}

	public void publish() {
		this.state = PublicationState.PUBLISHED;
	}

	public void retire() {
		this.state = PublicationState.RETIRED;
	}

}
