package org.prospectus.applications;

import java.util.List;

/**
 * What a press of Submit did.
 *
 * @param result what happened
 * @param incomplete the steps still missing answers, when it was refused for that
 * @param deadline the deadline in the institution's zone, when it was refused as late
 */
public record SubmitOutcome(Result result, List<Step> incomplete, String deadline) {

	/** What happened. */
	public enum Result {

		/** Submitted now. */
		SUBMITTED,
		/**
		 * Submitted already, by an earlier press, tab or replayed request: nothing
		 * changed.
		 */
		ALREADY_SUBMITTED,
		/** The declaration was not confirmed: nothing changed. */
		NOT_DECLARED,
		/** Some steps are not complete: nothing changed. */
		INCOMPLETE,
		/** The fee is due and no receipt is uploaded: nothing changed. */
		FEE_DUE,
		/**
		 * A receipt is uploaded, staff have not checked it, and the institution has
		 * submitting wait for the check: nothing changed.
		 */
		FEE_UNCHECKED,
		/** The deadline has passed: nothing changed, the draft stays. */
		TOO_LATE,
		/** Withdrawn: it cannot be submitted. */
		WITHDRAWN

	}

	static SubmitOutcome of(Result result) {
		return new SubmitOutcome(result, List.of(), null);
	}

}
