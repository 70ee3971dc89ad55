package org.prospectus.staging;

import org.springframework.modulith.NamedInterface;

/**
 * Someone saved, published or discarded the pending edits of a record since the editor
 * loaded them; nothing was written.
 */
@NamedInterface("api")
public class StaleRevisionException extends RuntimeException {

	public StaleRevisionException(String entityType, long entityId) {
		super("The pending revision of " + entityType + " " + entityId + " changed");
	}

}
