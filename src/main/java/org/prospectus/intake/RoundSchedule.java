package org.prospectus.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * The milestones of a round, checked to be in order: opens &lt; deadline &le; documents
 * deadline &lt; notification &lt; start of studies.
 *
 * @param opensAt applications open
 * @param deadlineAt last instant an application is accepted (inclusive)
 * @param documentsDeadlineAt last instant for supporting documents
 * @param feeDeadlineAt last instant for the fee or exemption evidence, if separate
 * @param notificationAt results are published
 * @param studiesStartAt studies start
 * @param studiesStartMonthOnly whether only the month of the start is announced
 */
public record RoundSchedule(Instant opensAt, Instant deadlineAt, Instant documentsDeadlineAt, Instant feeDeadlineAt,
		Instant notificationAt, Instant studiesStartAt, boolean studiesStartMonthOnly) {

	public RoundSchedule {
		Objects.requireNonNull(opensAt, "opensAt");
		Objects.requireNonNull(deadlineAt, "deadlineAt");
		Objects.requireNonNull(documentsDeadlineAt, "documentsDeadlineAt");
		Objects.requireNonNull(notificationAt, "notificationAt");
		Objects.requireNonNull(studiesStartAt, "studiesStartAt");
		if (!opensAt.isBefore(deadlineAt)) {
			throw new IllegalArgumentException("Applications must open before the deadline");
		}
		if (documentsDeadlineAt.isBefore(deadlineAt)) {
			throw new IllegalArgumentException("The documents deadline cannot come before the application deadline");
		}
		if (!documentsDeadlineAt.isBefore(notificationAt)) {
			throw new IllegalArgumentException("Results must come after the documents deadline");
		}
		if (!notificationAt.isBefore(studiesStartAt)) {
			throw new IllegalArgumentException("Studies must start after the results");
		}
		if (feeDeadlineAt != null && feeDeadlineAt.isBefore(opensAt)) {
			throw new IllegalArgumentException("The fee deadline cannot come before applications open");
		}
	}

	/**
	 * The round's state at an instant. The deadline is inclusive to the second: an
	 * application at exactly the deadline is accepted, one second later is not.
	 */
	public RoundState stateAt(Instant now) {
		if (now.isBefore(this.opensAt)) {
			return RoundState.UPCOMING;
		}
		if (!now.isAfter(this.deadlineAt)) {
			return RoundState.OPEN;
		}
		if (now.isBefore(this.notificationAt)) {
			return RoundState.CLOSED;
		}
		return RoundState.RESULTS_PUBLISHED;
	}

}
