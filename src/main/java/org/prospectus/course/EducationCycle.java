package org.prospectus.course;

/** The Bologna cycle a course belongs to. */
public enum EducationCycle {

	FIRST, SECOND, THIRD;

	/** Message key of the value's label. */
	public String messageKey() {
		return "education-cycle." + name();
	}

}
