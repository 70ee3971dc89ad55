package org.prospectus.programme;

/** The level of a programme's award. */
public enum ProgrammeLevel {

	BACHELOR, MASTER, DOCTORAL, OTHER;

	/** Message key of the value's label. */
	public String messageKey() {
		return "programme-level." + name();
	}

}
