package org.prospectus.decisions;

/**
 * Where an offer stands with the applicant. The institution's decision is the
 * application's status; this is the reply to it.
 */
public enum OfferState {

	/** Made, and waiting for the applicant's reply. */
	OPEN,
	/** Accepted by the applicant: the place is theirs. */
	ACCEPTED,
	/** Declined by the applicant, or by their withdrawing the application. */
	DECLINED,
	/** Not answered by its reply-by instant, so declined by default. */
	LAPSED,
	/** Taken back by the institution because a condition was not met. */
	WITHDRAWN;

	public String messageKey() {
		return "offer.state." + name();
	}

	/** Still holds a place: waiting for a reply, or accepted. */
	public boolean holdsPlace() {
		return this == OPEN || this == ACCEPTED;
	}

}
