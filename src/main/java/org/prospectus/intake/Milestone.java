package org.prospectus.intake;

import java.time.Instant;

/**
 * One dated step of a round.
 *
 * @param kind which step
 * @param at the instant it happens
 * @param monthOnly whether only the month is announced (e.g. "August 2020")
 */
public record Milestone(MilestoneKind kind, Instant at, boolean monthOnly) {

	public boolean isPast(Instant now) {
		return !now.isBefore(this.at);
	}

}
