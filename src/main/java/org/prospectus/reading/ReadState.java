package org.prospectus.reading;

import org.springframework.modulith.NamedInterface;

/** Where one reader's read of one application stands. */
@NamedInterface("api")
public enum ReadState {

	/** Assigned, perhaps with a draft saved. */
	ASSIGNED,
	/** Scored and submitted: it counts, and it no longer changes. */
	SUBMITTED,
	/** The reader declared a conflict of interest; another reader takes it. */
	CONFLICT;

	public String messageKey() {
		return "reading.state." + name();
	}

}
