package org.prospectus.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.prospectus.demo.DemoRoundCalendar.DemoRound;
import org.prospectus.intake.RoundSchedule;
import org.prospectus.intake.RoundState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's round dates: KTH's published pattern, and the promise that the demo always
 * has an open round whatever day it is started on.
 */
class DemoRoundCalendarTests {

	private static final ZoneId STOCKHOLM = DemoRoundCalendar.STOCKHOLM;

	private static final ZoneId LONDON = DemoRoundCalendar.LONDON;

	@Test
	void autumn2020MatchesWhatKthPublished() {
		RoundSchedule schedule = DemoRoundCalendar.kthAutumnIntake(2020);
		assertThat(schedule.opensAt()).isEqualTo(at("2019-10-16T00:00:00", STOCKHOLM));
		assertThat(schedule.deadlineAt()).isEqualTo(at("2020-01-15T23:59:59", STOCKHOLM));
		assertThat(schedule.documentsDeadlineAt()).isEqualTo(at("2020-02-03T23:59:59", STOCKHOLM));
		assertThat(schedule.feeDeadlineAt()).isEqualTo(schedule.documentsDeadlineAt());
		assertThat(schedule.notificationAt()).isEqualTo(at("2020-04-03T00:00:00", STOCKHOLM));
		assertThat(schedule.studiesStartAt()).isEqualTo(at("2020-08-17T00:00:00", STOCKHOLM));
		assertThat(schedule.studiesStartMonthOnly()).isTrue();
	}

	@Test
	void insideKthWindowTheCurrentRoundIsThatYearsPattern() {
		DemoRound round = DemoRoundCalendar.kthCurrentIntake(clock("2026-11-21T08:42:00", STOCKHOLM));
		assertThat(round.name()).isEqualTo("Autumn 2027");
		assertThat(round.schedule()).isEqualTo(DemoRoundCalendar.kthAutumnIntake(2027));
	}

	@Test
	void onTheLastSecondOfTheDeadlineKthStillUsesThePattern() {
		DemoRound round = DemoRoundCalendar.kthCurrentIntake(clock("2027-01-15T23:59:59", STOCKHOLM));
		assertThat(round.schedule()).isEqualTo(DemoRoundCalendar.kthAutumnIntake(2027));
	}

	@Test
	void outsideKthWindowTheRoundOpenedTwoWeeksAgoWithThePatternsSpacing() {
		DemoRound round = DemoRoundCalendar.kthCurrentIntake(clock("2027-07-01T12:00:00", STOCKHOLM));
		RoundSchedule schedule = round.schedule();
		assertThat(schedule.opensAt()).isEqualTo(at("2027-06-17T00:00:00", STOCKHOLM));
		RoundSchedule reference = DemoRoundCalendar.kthAutumnIntake(2020);
		assertThat(localDays(schedule.opensAt(), schedule.deadlineAt()))
			.isEqualTo(localDays(reference.opensAt(), reference.deadlineAt()));
		assertThat(localDays(schedule.opensAt(), schedule.notificationAt()))
			.isEqualTo(localDays(reference.opensAt(), reference.notificationAt()));
		assertThat(localDays(schedule.opensAt(), schedule.studiesStartAt()))
			.isEqualTo(localDays(reference.opensAt(), reference.studiesStartAt()));
		// 17 June 2027 plus 306 days is 18 April 2028.
		assertThat(round.name()).isEqualTo("Spring 2028");
	}

	@Test
	void southamptonEntryFollowsTheAugustChangeover() {
		assertThat(DemoRoundCalendar.southamptonCurrentEntry(clock("2026-11-21T08:00:00", LONDON)).name())
			.isEqualTo("September 2027 entry");
		assertThat(DemoRoundCalendar.southamptonCurrentEntry(clock("2027-07-31T23:59:59", LONDON)).name())
			.isEqualTo("September 2027 entry");
		assertThat(DemoRoundCalendar.southamptonCurrentEntry(clock("2027-08-01T00:00:00", LONDON)).name())
			.isEqualTo("September 2028 entry");
	}

	@Test
	void relativeRoundNamesItsStartMonth() {
		DemoRound round = DemoRoundCalendar.relativeIntake(clock("2026-11-21T12:00:00", LONDON), LONDON, -30, 45);
		// Deadline 5 January, results 16 February, start 1 April.
		assertThat(round.name()).isEqualTo("April 2027 intake");
		assertThat(round.schedule().studiesStartAt()).isEqualTo(at("2027-04-01T00:00:00", LONDON));
	}

	/**
	 * Every second of every day would be too slow; the first and last second and noon of
	 * every day over two years, across daylight-saving changes, cover the edges.
	 */
	@Test
	void onEveryDayTheCurrentRoundsAreOpenAndTheRelativeOnesKeepTheirState() {
		for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(1)) {
			for (LocalTime time : new LocalTime[] { LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(23, 59, 59) }) {
				Clock clock = clock(day.atTime(time).toString(), STOCKHOLM);
				Instant now = clock.instant();
				assertThat(DemoRoundCalendar.kthCurrentIntake(clock).schedule().stateAt(now)).as("KTH at %s", now)
					.isEqualTo(RoundState.OPEN);
				assertThat(DemoRoundCalendar.southamptonCurrentEntry(clock).schedule().stateAt(now))
					.as("Southampton at %s", now)
					.isEqualTo(RoundState.OPEN);
				assertThat(stateOf(clock, -30, 45)).isEqualTo(RoundState.OPEN);
				assertThat(stateOf(clock, 20, 110)).isEqualTo(RoundState.UPCOMING);
				assertThat(stateOf(clock, -120, -7)).isEqualTo(RoundState.CLOSED);
				assertThat(stateOf(clock, -240, -120)).isEqualTo(RoundState.RESULTS_PUBLISHED);
			}
		}
	}

	private static RoundState stateOf(Clock clock, int opensInDays, int deadlineInDays) {
		ZoneId toronto = DemoCatalogue.TORONTO;
		return DemoRoundCalendar.relativeIntake(clock, toronto, opensInDays, deadlineInDays)
			.schedule()
			.stateAt(clock.instant());
	}

	private static long localDays(Instant from, Instant to) {
		return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, STOCKHOLM), LocalDate.ofInstant(to, STOCKHOLM));
	}

	private static Instant at(String localDateTime, ZoneId zone) {
		return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
	}

	private static Clock clock(String localDateTime, ZoneId zone) {
		return Clock.fixed(at(localDateTime, zone), ZoneId.of("UTC"));
	}

}
