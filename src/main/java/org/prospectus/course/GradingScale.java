package org.prospectus.course;

/** The grades a course or examination module can give. */
public enum GradingScale {

	A_F, P_F;

	/** Message key of the value's label. */
	public String messageKey() {
		return "grading-scale." + name();
	}

}
