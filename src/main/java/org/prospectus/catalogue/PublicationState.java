package org.prospectus.catalogue;

/** Whether a catalogue entry is visible to the public. */
public enum PublicationState {

	DRAFT, PUBLISHED, RETIRED;

	/** Message key of the value's label. */
	public String messageKey() {
		return "publication-state." + name();
	}

}
