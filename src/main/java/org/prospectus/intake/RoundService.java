package org.prospectus.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.prospectus.catalogue.Programme;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application rounds as the public sees them. The state of a round is always derived from
 * the injected clock.
 */
@Service
@Transactional(readOnly = true)
public class RoundService {

	private final ApplicationRoundRepository rounds;

	private final Clock clock;

	RoundService(ApplicationRoundRepository rounds, Clock clock) {
		this.rounds = rounds;
		this.clock = clock;
	}

	/**
	 * The rounds a programme page shows: the current one (the open one with the nearest
	 * deadline, else the next to open, else the most recent one) and the earlier ones.
	 */
	public ProgrammeRounds roundsFor(Programme programme) {
		Instant now = this.clock.instant();
		List<RoundView> views = this.rounds.findByProgrammeId(programme.getId())
			.stream()
			.map((round) -> RoundView.of(round, now))
			.toList();
		RoundView current = pickCurrent(views).orElse(null);
		List<RoundView> earlier = views.stream()
			.filter((view) -> view != current)
			.filter((view) -> view.state() == RoundState.CLOSED || view.state() == RoundState.RESULTS_PUBLISHED)
			.sorted(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()).reversed())
			.toList();
		return new ProgrammeRounds(current, earlier);
	}

	static Optional<RoundView> pickCurrent(List<RoundView> views) {
		Optional<RoundView> open = views.stream()
			.filter(RoundView::isOpen)
			.min(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()));
		if (open.isPresent()) {
			return open;
		}
		Optional<RoundView> upcoming = views.stream()
			.filter((view) -> view.state() == RoundState.UPCOMING)
			.min(Comparator.comparing((RoundView view) -> view.round().getOpensAt()));
		if (upcoming.isPresent()) {
			return upcoming;
		}
		return views.stream().max(Comparator.comparing((RoundView view) -> view.round().getDeadlineAt()));
	}

	/**
	 * Rounds that open or close within the given time from now, soonest deadline first:
	 * what editors should check before it is public.
	 */
	public List<RoundView> openingOrClosingWithin(java.time.Duration window) {
		Instant now = this.clock.instant();
		Instant until = now.plus(window);
		return this.rounds.findWithDeadlineFrom(now)
			.stream()
			.filter((round) -> !round.getDeadlineAt().isAfter(until)
					|| (!round.getOpensAt().isBefore(now) && !round.getOpensAt().isAfter(until)))
			.map((round) -> RoundView.of(round, now))
			.toList();
	}

	/**
	 * Rounds that are open or still to open, soonest deadline first, with their
	 * programmes.
	 */
	public List<RoundView> openAndUpcoming() {
		Instant now = this.clock.instant();
		return this.rounds.findWithDeadlineFrom(now)
			.stream()
			.map((round) -> RoundView.of(round, now))
			.filter((view) -> !view.publishedProgrammes().isEmpty())
			.toList();
	}

}
