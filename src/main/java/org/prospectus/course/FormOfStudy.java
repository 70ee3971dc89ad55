package org.prospectus.course;

/** When and how an offering is taught. */
public enum FormOfStudy {

	DAYTIME, EVENING, DISTANCE, MIXED;

	/** Message key of the value's label. */
	public String messageKey() {
		return "form-of-study." + name();
	}

}
