package org.prospectus.course;

/** Who may apply for a course offering. */
public enum Audience {

	PROGRAMME_STUDENTS, SINGLE_COURSE, ALL;

	/** Message key of the value's label. */
	public String messageKey() {
		return "audience." + name();
	}

}
