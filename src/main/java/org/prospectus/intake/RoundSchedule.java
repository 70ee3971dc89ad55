package org.prospectus.intake;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 * @param replyByAt last instant to accept or decline an offer (inclusive), if the round
 * asks for replies: after the results, before studies start
 */
public record RoundSchedule(Instant opensAt, Instant deadlineAt, Instant documentsDeadlineAt, Instant feeDeadlineAt,
		Instant notificationAt, Instant studiesStartAt, boolean studiesStartMonthOnly, @Nullable Instant replyByAt) {

	/** A schedule without a reply-by milestone. */
	public RoundSchedule(Instant opensAt, Instant deadlineAt, Instant documentsDeadlineAt,
			@Nullable Instant feeDeadlineAt, Instant notificationAt, Instant studiesStartAt,
			boolean studiesStartMonthOnly) {
		this(opensAt, deadlineAt, documentsDeadlineAt, feeDeadlineAt, notificationAt, studiesStartAt,
				studiesStartMonthOnly, null);
	}

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
		if (replyByAt != null && (!replyByAt.isAfter(notificationAt) || !replyByAt.isBefore(studiesStartAt))) {
			throw new IllegalArgumentException("Replies must be due after the results and before studies start");
		}
	}

	/** This schedule with a reply-by milestone, or without one for {@code null}. */
	public RoundSchedule withReplyBy(@Nullable Instant replyBy) {
		return new RoundSchedule(this.opensAt, this.deadlineAt, this.documentsDeadlineAt, this.feeDeadlineAt,
				this.notificationAt, this.studiesStartAt, this.studiesStartMonthOnly, replyBy);
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
