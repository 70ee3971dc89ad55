package org.prospectus.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.prospectus.institution.Institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoundScheduleTests {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static Instant at(ZoneId zone, String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	/**
	 * The Autumn 2020 calendar of the KTH seed, deadlines at the last second of the day.
	 */
	static RoundSchedule autumn2020(ZoneId zone) {
		return new RoundSchedule(at(zone, "2019-10-16T00:00:00"), at(zone, "2020-01-15T23:59:59"),
				at(zone, "2020-02-03T23:59:59"), at(zone, "2020-02-03T23:59:59"), at(zone, "2020-04-03T00:00:00"),
				at(zone, "2020-08-17T00:00:00"), true);
	}

	@Nested
	class StateAtEachBoundary {

		final RoundSchedule schedule = autumn2020(STOCKHOLM);

		@Test
		void isUpcomingOneSecondBeforeOpening() {
			assertThat(this.schedule.stateAt(this.schedule.opensAt().minusSeconds(1))).isEqualTo(RoundState.UPCOMING);
		}

		@Test
		void opensAtTheOpeningSecond() {
			assertThat(this.schedule.stateAt(this.schedule.opensAt())).isEqualTo(RoundState.OPEN);
		}

		@Test
		void acceptsOneSecondBeforeTheDeadline() {
			assertThat(this.schedule.stateAt(this.schedule.deadlineAt().minusSeconds(1))).isEqualTo(RoundState.OPEN);
		}

		@Test
		void acceptsAtTheDeadlineSecondItself() {
			assertThat(this.schedule.stateAt(this.schedule.deadlineAt())).isEqualTo(RoundState.OPEN);
		}

		@Test
		void closesOneSecondAfterTheDeadline() {
			assertThat(this.schedule.stateAt(this.schedule.deadlineAt().plusSeconds(1))).isEqualTo(RoundState.CLOSED);
		}

		@Test
		void isClosedOneSecondBeforeNotification() {
			assertThat(this.schedule.stateAt(this.schedule.notificationAt().minusSeconds(1)))
				.isEqualTo(RoundState.CLOSED);
		}

		@Test
		void publishesResultsAtTheNotificationSecond() {
			assertThat(this.schedule.stateAt(this.schedule.notificationAt())).isEqualTo(RoundState.RESULTS_PUBLISHED);
		}

		@Test
		void staysPublishedAfterStudiesStart() {
			assertThat(this.schedule.stateAt(this.schedule.studiesStartAt().plusSeconds(86_400 * 400)))
				.isEqualTo(RoundState.RESULTS_PUBLISHED);
		}

	}

	@Nested
	class TimeZones {

		@Test
		void theSameLocalDeadlineIsAnHourLaterInLondonThanInStockholm() {
			RoundSchedule stockholm = autumn2020(STOCKHOLM);
			RoundSchedule london = autumn2020(LONDON);
			Instant between = Instant.parse("2020-01-15T23:30:00Z");
			assertThat(stockholm.stateAt(between)).isEqualTo(RoundState.CLOSED);
			assertThat(london.stateAt(between)).isEqualTo(RoundState.OPEN);
		}

		@Test
		void aStockholmWinterDeadlineIsOneHourAheadOfUtc() {
			assertThat(autumn2020(STOCKHOLM).deadlineAt()).isEqualTo(Instant.parse("2020-01-15T22:59:59Z"));
		}

	}

	@Nested
	class DaylightSavingTime {

		/** Stockholm moves to summer time at 02:00 on 29 March 2026. */
		final Instant springDeadline = at(STOCKHOLM, "2026-03-29T23:59:59");

		/** and back to winter time at 03:00 on 25 October 2026. */
		final Instant autumnDeadline = at(STOCKHOLM, "2026-10-25T23:59:59");

		RoundSchedule endingAt(Instant deadline) {
			return new RoundSchedule(deadline.minusSeconds(86_400 * 30), deadline, deadline, null,
					deadline.plusSeconds(86_400 * 30), deadline.plusSeconds(86_400 * 90), false);
		}

		@Test
		void deadlineOnTheDaySummerTimeStartsIsInSummerTime() {
			assertThat(this.springDeadline).isEqualTo(Instant.parse("2026-03-29T21:59:59Z"));
			RoundSchedule schedule = endingAt(this.springDeadline);
			assertThat(schedule.stateAt(this.springDeadline.minusSeconds(1))).isEqualTo(RoundState.OPEN);
			assertThat(schedule.stateAt(this.springDeadline)).isEqualTo(RoundState.OPEN);
			assertThat(schedule.stateAt(this.springDeadline.plusSeconds(1))).isEqualTo(RoundState.CLOSED);
		}

		@Test
		void deadlineOnTheDayWinterTimeReturnsIsInWinterTime() {
			assertThat(this.autumnDeadline).isEqualTo(Instant.parse("2026-10-25T22:59:59Z"));
			RoundSchedule schedule = endingAt(this.autumnDeadline);
			assertThat(schedule.stateAt(this.autumnDeadline)).isEqualTo(RoundState.OPEN);
			assertThat(schedule.stateAt(this.autumnDeadline.plusSeconds(1))).isEqualTo(RoundState.CLOSED);
		}

		@Test
		void countsCalendarDaysInTheInstitutionsZoneAcrossTheChange() {
			ApplicationRound round = new ApplicationRound(stockholmInstitution(), "r", "R",
					endingAt(this.springDeadline));
			// Saturday noon before the change: the deadline is tomorrow, although fewer
			// than 36 hours remain because the night is an hour short.
			RoundView saturday = RoundView.of(round, at(STOCKHOLM, "2026-03-28T12:00:00"));
			assertThat(saturday.daysUntilDeadline()).isEqualTo(1);
			// Shortly after midnight UTC on Sunday it is already Sunday in Stockholm.
			RoundView sunday = RoundView.of(round, Instant.parse("2026-03-28T23:30:00Z"));
			assertThat(sunday.daysUntilDeadline()).isZero();
		}

	}

	@Nested
	class Validation {

		final Instant t = Instant.parse("2026-01-01T00:00:00Z");

		@Test
		void rejectsADeadlineAtOrBeforeTheOpening() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RoundSchedule(this.t, this.t, this.t, null,
					this.t.plusSeconds(2), this.t.plusSeconds(3), false));
		}

		@Test
		void acceptsDocumentsDeadlineEqualToTheApplicationDeadline() {
			RoundSchedule schedule = new RoundSchedule(this.t, this.t.plusSeconds(1), this.t.plusSeconds(1), null,
					this.t.plusSeconds(2), this.t.plusSeconds(3), false);
			assertThat(schedule.documentsDeadlineAt()).isEqualTo(schedule.deadlineAt());
		}

		@Test
		void rejectsDocumentsDeadlineBeforeTheApplicationDeadline() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RoundSchedule(this.t, this.t.plusSeconds(2),
					this.t.plusSeconds(1), null, this.t.plusSeconds(3), this.t.plusSeconds(4), false));
		}

		@Test
		void rejectsResultsAtTheDocumentsDeadline() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RoundSchedule(this.t, this.t.plusSeconds(1),
					this.t.plusSeconds(2), null, this.t.plusSeconds(2), this.t.plusSeconds(3), false));
		}

		@Test
		void rejectsStudiesStartingAtTheNotification() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RoundSchedule(this.t, this.t.plusSeconds(1),
					this.t.plusSeconds(2), null, this.t.plusSeconds(3), this.t.plusSeconds(3), false));
		}

		@Test
		void takesRepliesStrictlyBetweenTheResultsAndTheStartOfStudies() {
			RoundSchedule schedule = new RoundSchedule(this.t, this.t.plusSeconds(1), this.t.plusSeconds(2), null,
					this.t.plusSeconds(3), this.t.plusSeconds(6), false);
			assertThat(schedule.withReplyBy(this.t.plusSeconds(4)).replyByAt()).isEqualTo(this.t.plusSeconds(4));
			assertThat(schedule.withReplyBy(null).replyByAt()).isNull();
			assertThatIllegalArgumentException().isThrownBy(() -> schedule.withReplyBy(this.t.plusSeconds(3)));
			assertThatIllegalArgumentException().isThrownBy(() -> schedule.withReplyBy(this.t.plusSeconds(6)));
		}

	}

	static Institution stockholmInstitution() {
		return new Institution("kth", "KTH", "SE", STOCKHOLM, Currency.getInstance("SEK"));
	}

}
