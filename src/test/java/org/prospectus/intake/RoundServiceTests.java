package org.prospectus.intake;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundServiceTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static RoundView round(String slug, long opensInDays, long deadlineInDays) {
		Instant opens = NOW.plusSeconds(opensInDays * 86_400);
		Instant deadline = NOW.plusSeconds(deadlineInDays * 86_400);
		RoundSchedule schedule = new RoundSchedule(opens, deadline, deadline, null, deadline.plusSeconds(86_400),
				deadline.plusSeconds(2 * 86_400), false);
		return RoundView.of(new ApplicationRound(RoundScheduleTests.stockholmInstitution(), slug, slug, schedule), NOW);
	}

	@Test
	void prefersTheOpenRoundWithTheNearestDeadline() {
		RoundView later = round("later", -10, 30);
		RoundView sooner = round("sooner", -5, 3);
		RoundView upcoming = round("upcoming", 2, 60);
		assertThat(RoundService.pickCurrent(List.of(later, upcoming, sooner))).contains(sooner);
	}

	@Test
	void otherwiseTheNextRoundToOpen() {
		RoundView closed = round("closed", -100, -50);
		RoundView far = round("far", 90, 120);
		RoundView near = round("near", 10, 40);
		assertThat(RoundService.pickCurrent(List.of(closed, far, near))).contains(near);
	}

	@Test
	void otherwiseTheMostRecentPastRound() {
		RoundView older = round("older", -400, -300);
		RoundView recent = round("recent", -100, -50);
		assertThat(RoundService.pickCurrent(List.of(older, recent))).contains(recent);
	}

	@Test
	void noRoundsMeansNone() {
		assertThat(RoundService.pickCurrent(List.of())).isEmpty();
	}

}
