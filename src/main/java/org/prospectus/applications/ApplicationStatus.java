package org.prospectus.applications;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Where an application stands. The applicant moves it from draft to submitted and may
 * withdraw it while it is open; admissions staff move it through the review, along the
 * transitions {@link #next()} allows and no others.
 */
@NamedInterface("api")
public enum ApplicationStatus {

	/** Being written by the applicant; staff never see it. */
	DRAFT,
	/** Submitted, waiting for staff. */
	SUBMITTED,
	/** Staff asked for documents, by a date. */
	DOCUMENTS_MISSING,
	/** The applicant meets the entry requirements. */
	ELIGIBILITY_CHECKED,
	/** Being assessed against the other applicants. */
	UNDER_REVIEW,
	/** Offered a place on one of the ranked programmes. */
	ADMITTED,
	/** On the reserve list of one of the ranked programmes. */
	RESERVE,
	/** Not offered a place; the reason is recorded. */
	NOT_ADMITTED,
	/** Withdrawn by the applicant. */
	WITHDRAWN;

	public String messageKey() {
		return "application.status." + name();
	}

	/**
	 * The status in words for the audit log's summaries, which are written once in
	 * English: "Under review" rather than UNDER_REVIEW.
	 */
	public String inWords() {
		String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The statuses admissions staff may move an application to from this one. */
	public Set<ApplicationStatus> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(DOCUMENTS_MISSING, ELIGIBILITY_CHECKED, NOT_ADMITTED);
			case DOCUMENTS_MISSING -> EnumSet.of(ELIGIBILITY_CHECKED, NOT_ADMITTED);
			case ELIGIBILITY_CHECKED -> EnumSet.of(DOCUMENTS_MISSING, UNDER_REVIEW, NOT_ADMITTED);
			case UNDER_REVIEW -> EnumSet.of(DOCUMENTS_MISSING, ADMITTED, RESERVE, NOT_ADMITTED);
			case RESERVE -> EnumSet.of(ADMITTED, NOT_ADMITTED);
			// A decision can be taken back for another look until the applicant is told.
			case ADMITTED, NOT_ADMITTED -> EnumSet.of(UNDER_REVIEW);
			case DRAFT, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
		};
	}

	public boolean canMoveTo(ApplicationStatus target) {
		return next().contains(target);
	}

	/**
	 * This status as the applicant may see it: a decision only once its notification date
	 * has come, and the eligibility check folded into "under review".
	 * @param decisionsVisible whether the round's notification date has come
	 */
	public ApplicationStatus asShownToApplicant(boolean decisionsVisible) {
		if (isDecision()) {
			return decisionsVisible ? this : UNDER_REVIEW;
		}
		return (this == ELIGIBILITY_CHECKED) ? UNDER_REVIEW : this;
	}

	/** A decision the applicant is told of on the round's notification date. */
	public boolean isDecision() {
		return this == ADMITTED || this == RESERVE || this == NOT_ADMITTED;
	}

	/** A decision that names the programme it is about. */
	public boolean needsProgramme() {
		return this == ADMITTED || this == RESERVE;
	}

	/**
	 * Whether moving here from {@code from} needs a reason: a refusal, a request for
	 * documents, and taking a decision back.
	 */
	public boolean needsReasonFrom(ApplicationStatus from) {
		return this == NOT_ADMITTED || this == DOCUMENTS_MISSING || from.isDecision();
	}

	/**
	 * Submitted and not withdrawn: the applicant may withdraw it, whatever staff decided,
	 * since a decision the applicant has not been told of must not show through a refused
	 * withdrawal; after an offer, withdrawing declines it.
	 */
	public boolean isSubmitted() {
		return this != DRAFT && this != WITHDRAWN;
	}

	/** Staff still work on it, so documents can still help it. */
	public boolean isInReview() {
		return this == SUBMITTED || this == DOCUMENTS_MISSING || this == ELIGIBILITY_CHECKED || this == UNDER_REVIEW;
	}

}
