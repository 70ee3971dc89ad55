package org.prospectus.intake;

/** The dated steps of an application round, in order. */
public enum MilestoneKind {

	OPENS, DEADLINE, DOCUMENTS_DEADLINE, FEE_DEADLINE, NOTIFICATION, REPLY_BY, STUDIES_START;

	public String messageKey() {
		return "round.milestone." + name();
	}

}
