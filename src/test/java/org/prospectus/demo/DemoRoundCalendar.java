package org.prospectus.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.prospectus.intake.RoundSchedule;
import org.prospectus.intake.RoundState;

/**
 * Dates of the demo's application rounds, computed from a clock. A demo database lives
 * for months while its rounds must look real on the day it is shown, so every round that
 * is meant to be open, upcoming or just closed is derived from "today" rather than stored
 * as fixed dates. Pure functions: they read nothing but the clock they are given.
 */
final class DemoRoundCalendar {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/**
	 * Deadlines are inclusive to the second, so they fall on the last second of a day.
	 */
	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	/** Results in the relative rounds come out in office hours, not at midnight. */
	private static final LocalTime NINE_AM = LocalTime.of(9, 0);

	/**
	 * The KTH intake whose published dates the fallback copies the spacing of. Spacing
	 * differs by a day in leap years, so it is taken from one fixed year rather than from
	 * whichever year happens to be current.
	 */
	private static final KthDates KTH_REFERENCE = KthDates.forIntake(2020);

	/** How long ago a fallback round opened, so that it is visibly already open. */
	static final int FALLBACK_OPENED_DAYS_AGO = 14;

	private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private DemoRoundCalendar() {
	}

	/**
	 * KTH's autumn intake for studies starting in August of {@code intakeYear}, on the
	 * pattern KTH published for Autumn 2020: opens 16 October of the year before,
	 * deadline 15 January, documents (and fee or exemption evidence) 3 February, results
	 * 3 April, start in August. Only the month of the start is announced.
	 */
	static RoundSchedule kthAutumnIntake(int intakeYear) {
		return KthDates.forIntake(intakeYear).schedule();
	}

	/**
	 * The KTH round the demo shows as current. Inside KTH's real application window (16
	 * October to 15 January) it is exactly that year's autumn intake. Outside it there is
	 * no open KTH round in reality, but the demo needs one: the same spacing is then
	 * anchored so that the round opened {@value #FALLBACK_OPENED_DAYS_AGO} days ago, and
	 * it is named after the season of its start.
	 */
	static DemoRound kthCurrentIntake(Clock clock) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			RoundSchedule pattern = kthAutumnIntake(year);
			if (pattern.stateAt(now) == RoundState.OPEN) {
				return new DemoRound("Autumn " + year, pattern);
			}
		}
		LocalDate opens = today.minusDays(FALLBACK_OPENED_DAYS_AGO);
		KthDates shifted = KTH_REFERENCE.shiftedBy(ChronoUnit.DAYS.between(KTH_REFERENCE.opens(), opens));
		LocalDate start = shifted.start();
		String season = (start.getMonthValue() <= 6) ? "Spring" : "Autumn";
		return new DemoRound(season + " " + start.getYear(), shifted.schedule());
	}

	/**
	 * Southampton's September entry, invented for the demo in Europe/London: applications
	 * open 1 August of the year before and close 31 July, documents are due 14 August,
	 * decisions follow on 28 August and teaching starts in September. Consecutive windows
	 * meet, so some September entry is open on every day of the year and no fallback is
	 * needed.
	 */
	static DemoRound southamptonCurrentEntry(Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), LONDON);
		int year = (today.getMonthValue() >= 8) ? today.getYear() + 1 : today.getYear();
		return new DemoRound("September " + year + " entry", southamptonSeptemberEntry(year));
	}

	static RoundSchedule southamptonSeptemberEntry(int year) {
		return new RoundSchedule(startOfDay(LocalDate.of(year - 1, 8, 1), LONDON),
				endOfDay(LocalDate.of(year, 7, 31), LONDON), endOfDay(LocalDate.of(year, 8, 14), LONDON), null,
				LocalDate.of(year, 8, 28).atTime(NINE_AM).atZone(LONDON).toInstant(),
				startOfDay(LocalDate.of(year, 9, 21), LONDON), true)
			.withReplyBy(endOfDay(LocalDate.of(year, 9, 7), LONDON));
	}

	/**
	 * The demo's joint round for the two machine learning masters, coordinated from
	 * Stockholm: opened three weeks ago, closing in seven weeks, whatever day it is. Its
	 * studies start is its coordinator's, KTH's August start (announced as the month);
	 * Southampton's programme keeps its own September start, which its page shows.
	 */
	static DemoRound jointMachineLearningIntake(Clock clock) {
		RoundSchedule relative = relativeIntake(clock, STOCKHOLM, -21, 49).schedule();
		LocalDate replyBy = LocalDate.ofInstant(relative.replyByAt(), STOCKHOLM);
		LocalDate start = LocalDate.of(replyBy.getYear(), 8, 17);
		if (!start.isAfter(replyBy)) {
			start = start.plusYears(1);
		}
		RoundSchedule schedule = new RoundSchedule(relative.opensAt(), relative.deadlineAt(),
				relative.documentsDeadlineAt(), null, relative.notificationAt(), startOfDay(start, STOCKHOLM), true)
			.withReplyBy(relative.replyByAt());
		return new DemoRound("Machine learning masters: Autumn " + start.getYear() + " intake", schedule);
	}

	/**
	 * A round for the invented institutions, placed relative to today so that it stays
	 * open, upcoming or closed however long the demo database lives. Documents are due
	 * two weeks after the deadline, results six weeks after it, and studies start on the
	 * first of a month at least two months after the results; offers are answered within
	 * two weeks of the results.
	 * @param opensInDays days from today to the opening; negative for the past
	 * @param deadlineInDays days from today to the (end of the) deadline day
	 */
	static DemoRound relativeIntake(Clock clock, ZoneId zone, int opensInDays, int deadlineInDays) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate deadline = today.plusDays(deadlineInDays);
		LocalDate notification = deadline.plusWeeks(6);
		LocalDate start = notification.plusMonths(2).withDayOfMonth(1);
		RoundSchedule schedule = new RoundSchedule(startOfDay(today.plusDays(opensInDays), zone),
				endOfDay(deadline, zone), endOfDay(deadline.plusWeeks(2), zone), null,
				notification.atTime(NINE_AM).atZone(zone).toInstant(), startOfDay(start, zone), true)
			.withReplyBy(endOfDay(notification.plusWeeks(2), zone));
		return new DemoRound(MONTH_YEAR.format(start) + " intake", schedule);
	}

	private static Instant startOfDay(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

	private static Instant endOfDay(LocalDate date, ZoneId zone) {
		return date.atTime(END_OF_DAY).atZone(zone).toInstant();
	}

	/**
	 * A round's name and its milestones.
	 *
	 * @param name the name to show, such as "Autumn 2027"
	 * @param schedule the milestones
	 */
	record DemoRound(String name, RoundSchedule schedule) {
	}

	/**
	 * The local days of a KTH intake. Kept as days, not instants, so that shifting keeps
	 * every milestone at the same local time of day across daylight-saving changes.
	 */
	private record KthDates(LocalDate opens, LocalDate deadline, LocalDate documents, LocalDate notification,
			LocalDate start) {

		static KthDates forIntake(int year) {
			return new KthDates(LocalDate.of(year - 1, 10, 16), LocalDate.of(year, 1, 15), LocalDate.of(year, 2, 3),
					LocalDate.of(year, 4, 3), LocalDate.of(year, 8, 17));
		}

		KthDates shiftedBy(long days) {
			return new KthDates(this.opens.plusDays(days), this.deadline.plusDays(days), this.documents.plusDays(days),
					this.notification.plusDays(days), this.start.plusDays(days));
		}

		/** KTH asks for the fee or exemption evidence by the documents deadline. */
		RoundSchedule schedule() {
			Instant documentsAt = endOfDay(this.documents, STOCKHOLM);
			return new RoundSchedule(startOfDay(this.opens, STOCKHOLM), endOfDay(this.deadline, STOCKHOLM), documentsAt,
					documentsAt, startOfDay(this.notification, STOCKHOLM), startOfDay(this.start, STOCKHOLM), true);
		}

	}

}
