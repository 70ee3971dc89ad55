package org.prospectus.staging;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
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
