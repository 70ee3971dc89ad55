package org.prospectus.programme;

import org.springframework.modulith.NamedInterface;

/** The level of a programme's award. */
@NamedInterface("api")
public enum ProgrammeLevel {

	BACHELOR, MASTER, DOCTORAL, OTHER;

	/** Message key of the value's label. */
	public String messageKey() {
		return "programme-level." + name();
	}

}
