package org.prospectus.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;
import org.jspecify.annotations.Nullable;

/**
 * One application as the queue lists it.
 *
 * @param nameKey the lower-case name the name sort orders by
 * @param version the row's version, carried from a bulk preview to its confirmation
 * @param offerState where its offer stands (one that holds a place first), if it has one
 * @param replyBy the reply-by of its offer waiting for a reply, if any
 * @param conditionsPending conditions not yet checked on offers that hold a place
 * @param reservePosition its place on the reserve list, if it is on one
 * @param excepted whether staff let its applicant submit or send documents late
 * @param score the mean of its submitted reads' totals, out of 10; {@code null} before
 * the first
 * @param readsOutstanding the reads still to come; {@code null} when no review plan
 * applies
 * @param readsDisagree whether two of its reads differ by more than the plan allows
 */
public record QueueRow(UUID id, String reference, String name, String email, long roundId, Long firstChoice,
		ApplicationStatus status, FeeStatus fee, String citizenship, boolean missingDocuments, Instant submittedAt,
		long version, String nameKey, String offerState, Instant replyBy, int conditionsPending,
		Integer reservePosition, boolean excepted, @Nullable BigDecimal score, @Nullable Integer readsOutstanding,
		boolean readsDisagree) {

	/**
	 * Whole days left to reply at an instant, counting a part day as one: 0 once the
	 * reply-by has passed.
	 */
	public long daysToReply(Instant now) {
		if (this.replyBy == null || !now.isBefore(this.replyBy)) {
			return 0;
		}
		long seconds = Duration.between(now, this.replyBy).getSeconds();
		return (seconds + 86_399) / 86_400;
	}

}
