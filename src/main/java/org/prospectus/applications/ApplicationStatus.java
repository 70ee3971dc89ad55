package org.prospectus.applications;

/** Where an application stands, as its applicant sees it. */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, WITHDRAWN;

	public String messageKey() {
		return "application.status." + name();
	}

}
