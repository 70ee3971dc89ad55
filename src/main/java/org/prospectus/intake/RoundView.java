package org.prospectus.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.prospectus.programme.Programme;
import org.prospectus.staging.PublicationState;

import org.springframework.modulith.NamedInterface;

/**
 * A round as seen at one instant: its state, and how long until its next deadline.
 *
 * @param round the round
 * @param state its state at {@code now}
 * @param now the instant the view was made at
 */
@NamedInterface("api")
public record RoundView(ApplicationRound round, RoundState state, Instant now) {

	/**
	 * By title, then by institution: a joint round often admits to several programmes of
	 * one name, and they must come in the same order on every page and every instance.
	 */
	private static final Comparator<Programme> BY_TITLE_THEN_INSTITUTION = Comparator
		.comparing(Programme::getTitle, String.CASE_INSENSITIVE_ORDER)
		.thenComparing((programme) -> programme.getInstitution().getDisplayName(), String.CASE_INSENSITIVE_ORDER)
		.thenComparing(Programme::getSlug);

	public static RoundView of(ApplicationRound round, Instant now) {
		return new RoundView(round, round.stateAt(now), now);
	}

	public ZoneId zone() {
		return this.round.getZone();
	}

	public boolean isOpen() {
		return this.state == RoundState.OPEN;
	}

	/**
	 * Whole calendar days, in the institution's zone, from today to the application
	 * deadline: 0 when it closes today, 1 tomorrow.
	 */
	public long daysUntilDeadline() {
		return daysUntil(this.round.getDeadlineAt());
	}

	/** Whole calendar days, in the institution's zone, from today to the opening. */
	public long daysUntilOpening() {
		return daysUntil(this.round.getOpensAt());
	}

	private long daysUntil(Instant instant) {
		LocalDate today = LocalDate.ofInstant(this.now, zone());
		LocalDate day = LocalDate.ofInstant(instant, zone());
		return ChronoUnit.DAYS.between(today, day);
	}

	/** The milestones, each marked as past or to come. */
	public List<MilestoneView> milestones() {
		return this.round.getMilestones()
			.stream()
			.map((milestone) -> new MilestoneView(milestone, milestone.isPast(this.now)))
			.toList();
	}

	/**
	 * Whether a programme is another institution's than the round's coordinator: in a
	 * joint round, programmes that share a title are told apart by their institution.
	 */
	public boolean isPartner(Programme programme) {
		return !programme.getInstitution().getId().equals(this.round.getInstitution().getId());
	}

	/** The published programmes the round admits to, by title. */
	public List<Programme> publishedProgrammes() {
		return this.round.getProgrammes()
			.stream()
			.filter((programme) -> programme.getState() == PublicationState.PUBLISHED)
			.sorted(BY_TITLE_THEN_INSTITUTION)
			.toList();
	}

	/**
	 * @param milestone the milestone
	 * @param past whether it has happened
	 */
	public record MilestoneView(Milestone milestone, boolean past) {
	}

}
