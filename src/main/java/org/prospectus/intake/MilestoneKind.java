package org.prospectus.intake;

/** The dated steps of an application round, in order. */
public enum MilestoneKind {

	OPENS, DEADLINE, DOCUMENTS_DEADLINE, FEE_DEADLINE, NOTIFICATION, REPLY_BY, STUDIES_START;

	public String messageKey() {
		return "round.milestone." + name();
	}

	/**
	 * Whether this step is a day rather than a moment: results and the start of studies
	 * are announced by their date, on the pages and in calendars alike.
	 */
	public boolean announcedByDate() {
		return this == NOTIFICATION || this == STUDIES_START;
	}

}
