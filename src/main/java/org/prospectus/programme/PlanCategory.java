package org.prospectus.programme;

/** How a course counts in a programme plan. */
public enum PlanCategory {

	COMPULSORY, CONDITIONALLY_ELECTIVE, ELECTIVE;

	/** Message key of the value's label. */
	public String messageKey() {
		return "plan-category." + name();
	}

}
