package org.prospectus.references;

/** How a referee knows the applicant, as DfE's Apply asks it. */
public enum Relationship {

	ACADEMIC, PROFESSIONAL, SCHOOL, CHARACTER;

	public String messageKey() {
		return "reference.relationship." + name();
	}

}
