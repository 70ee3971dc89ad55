package org.prospectus.references;

/**
 * Where a reference stands. The first four are stored; {@code REMINDED} and
 * {@code EXPIRED} are how a request is shown once a reminder went out, or once the
 * documents deadline has passed unanswered.
 */
public enum ReferenceState {

	/** Named by the applicant; asked for when the application is submitted. */
	NAMED,
	/** E-mailed with a link, not yet answered. */
	REQUESTED,
	/** Requested again by a reminder, not yet answered. */
	REMINDED,
	/** The referee gave the reference. */
	GIVEN,
	/** The referee declined to give one. */
	DECLINED,
	/** Not answered by the documents deadline; the link no longer works. */
	EXPIRED;

	public String messageKey() {
		return "reference.state." + name();
	}

	/** Answered, one way or the other: the referee can no longer be changed. */
	public boolean isAnswered() {
		return this == GIVEN || this == DECLINED;
	}

}
