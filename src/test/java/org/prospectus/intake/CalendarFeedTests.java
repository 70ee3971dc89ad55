package org.prospectus.intake;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.validate.ValidationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prospectus.support.StaffSessions.page;

/**
 * The deadlines as iCalendar feeds, read back with ical4j, an iCalendar library that
 * shares no code with ours: the right instants on daylight-saving change days, UIDs that
 * never change, a SEQUENCE and DTSTAMP that do when staff move a date, and the RFC 5545
 * line rules.
 */
@PortalIntegrationTest
class CalendarFeedTests {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	/** 23:59:59 on the day Sweden moves to summer time: CEST, UTC+2. */
	static final Instant STOCKHOLM_DEADLINE = ZonedDateTime.parse("2027-03-28T23:59:59+02:00[Europe/Stockholm]")
		.toInstant();

	/** 23:59:59 on the day California moves to summer time: PDT, UTC-7. */
	static final Instant LOS_ANGELES_DEADLINE = ZonedDateTime.parse("2027-03-14T23:59:59-07:00[America/Los_Angeles]")
		.toInstant();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueFixtures fixtures;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Institution kth;

	Institution ucla;

	Programme ml;

	Programme ds;

	ApplicationRound stockholm;

	ApplicationRound losAngeles;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		this.kth = this.fixtures.institution("kth", "Europe/Stockholm");
		this.ucla = this.fixtures.institution("ucla", "America/Los_Angeles");
		this.ml = this.fixtures.programme(this.kth, "ml", "Machine Learning");
		this.ds = this.fixtures.programme(this.ucla, "ds", "Data Science");
		this.stockholm = this.fixtures.round(this.kth, "kth-autumn-2027", Instant.parse("2026-11-01T00:00:00Z"),
				STOCKHOLM_DEADLINE, this.ml);
		this.losAngeles = this.fixtures.round(this.ucla, "ucla-fall-2027", Instant.parse("2026-11-01T08:00:00Z"),
				LOS_ANGELES_DEADLINE, this.ds);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).exchange();
	}

	String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	Calendar feed(String uri) throws Exception {
		MvcTestResult result = get(uri);
		assertThat(result).hasStatusOk();
		return parse(body(result));
	}

	static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents(Component.VEVENT);
	}

	static String value(Component component, String property) {
		return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
	}

	static String value(Calendar calendar, String property) {
		return calendar.<Property>getProperty(property).map(Property::getValue).orElse(null);
	}

	static Map<String, VEvent> byUid(Calendar calendar) {
		return events(calendar).stream()
			.collect(Collectors.toMap((event) -> value(event, Property.UID), Function.identity()));
	}

	static Temporal start(VEvent event) {
		return event.<Temporal>getStartDate().map(DtStart::getDate).orElseThrow();
	}

	static Instant startInstant(VEvent event) {
		return Instant.from(start(event));
	}

	String uid(ApplicationRound round, String kind) {
		return "round-" + round.getId() + "-" + kind + "@prospectus";
	}

	@Test
	void theDeadlinesFeedIsAPublishedCalendarWithOneEventPerMilestone() throws Exception {
		MvcTestResult result = get("/deadlines.ics");
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).as("no session for a feed").isNull();
		Calendar calendar = parse(body(result));
		assertThat(calendar.validate().getEntries()).as("ical4j's RFC 5545 checks")
			.noneMatch((entry) -> entry.getSeverity() == ValidationEntry.Severity.ERROR);
		assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
		assertThat(value(calendar, "PRODID")).isEqualTo(CalendarFeed.PRODUCT_ID);
		assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
		assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Application deadlines");
		// opens, deadline, documents, results, start of studies: five per round.
		assertThat(byUid(calendar)).containsOnlyKeys(uid(this.stockholm, "opens"), uid(this.stockholm, "deadline"),
				uid(this.stockholm, "documents-deadline"), uid(this.stockholm, "notification"),
				uid(this.stockholm, "studies-start"), uid(this.losAngeles, "opens"), uid(this.losAngeles, "deadline"),
				uid(this.losAngeles, "documents-deadline"), uid(this.losAngeles, "notification"),
				uid(this.losAngeles, "studies-start"));
		VEvent deadline = byUid(calendar).get(uid(this.stockholm, "deadline"));
		assertThat(value(deadline, Property.SUMMARY))
			.isEqualTo("Application deadline: Round kth-autumn-2027, University kth");
		assertThat(value(deadline, Property.DESCRIPTION)).contains("Programmes: Machine Learning.")
			.contains("http://localhost/programmes/ml");
		assertThat(value(deadline, Property.URL)).isEqualTo("http://localhost/programmes/ml");
		assertThat(value(deadline, Property.TRANSP)).isEqualTo("TRANSPARENT");
	}

	@Test
	void eachProgrammesFeedPassesTheLibrarysChecks() throws Exception {
		Calendar calendar = feed("/programmes/ds/deadlines.ics");
		assertThat(calendar.validate().getEntries()).as("ical4j's RFC 5545 checks")
			.noneMatch((entry) -> entry.getSeverity() == ValidationEntry.Severity.ERROR);
		assertThat(events(calendar)).hasSize(5);
	}

	@Test
	void deadlinesAreTheRightInstantsOnDaylightSavingChangeDays() throws Exception {
		Map<String, VEvent> events = byUid(feed("/deadlines.ics"));
		VEvent stockholm = events.get(uid(this.stockholm, "deadline"));
		assertThat(startInstant(stockholm)).isEqualTo(Instant.parse("2027-03-28T21:59:59Z"));
		assertThat(value(stockholm, Property.DTSTART)).isEqualTo("20270328T215959Z");
		assertThat(value(stockholm, Property.DESCRIPTION)).startsWith(
				"Application deadline: 28 March 2027, 23:59 CEST. Times are Stockholm time " + "(Europe/Stockholm).");
		VEvent losAngeles = events.get(uid(this.losAngeles, "deadline"));
		assertThat(startInstant(losAngeles)).isEqualTo(Instant.parse("2027-03-15T06:59:59Z"));
		assertThat(value(losAngeles, Property.DESCRIPTION))
			.startsWith("Application deadline: 14 March 2027, 23:59 PDT.")
			.contains("(America/Los_Angeles)");
	}

	@Test
	void resultsAndTheStartOfStudiesAreAllDayEventsOnTheInstitutionsDate() throws Exception {
		VEvent results = byUid(feed("/deadlines.ics")).get(uid(this.losAngeles, "notification"));
		// Two weeks after the deadline, 23:59:59 in Los Angeles, is already the next day
		// in
		// UTC: the event is on the Los Angeles date.
		LocalDate day = LocalDate.ofInstant(this.losAngeles.getNotificationAt(), ZoneId.of("America/Los_Angeles"));
		assertThat(day).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(start(results)).isEqualTo(day);
		assertThat(value(results, Property.DTEND)).isEqualTo("20270329");
	}

	@Test
	void aStartOfStudiesAnnouncedOnlyByItsMonthIsLeftOut() throws Exception {
		this.fixtures.inTransaction(() -> {
			ApplicationRound round = this.entityManager.find(ApplicationRound.class, this.stockholm.getId());
			RoundSchedule schedule = round.getSchedule();
			round.reschedule(new RoundSchedule(schedule.opensAt(), schedule.deadlineAt(),
					schedule.documentsDeadlineAt(), schedule.feeDeadlineAt(), schedule.notificationAt(),
					Instant.parse("2027-08-01T00:00:00Z"), true));
			return null;
		});
		Map<String, VEvent> events = byUid(feed("/deadlines.ics"));
		assertThat(events).doesNotContainKey(uid(this.stockholm, "studies-start"))
			.containsKey(uid(this.stockholm, "notification"))
			.containsKey(uid(this.losAngeles, "studies-start"));
	}

	@Test
	void uidsAndBytesStayTheSameAcrossRequestsAndHostsAndAnUnchangedFeedIsNotSentAgain() throws Exception {
		MvcTestResult first = get("/deadlines.ics");
		MvcTestResult second = this.mvc.get().uri("/deadlines.ics").with((request) -> {
			request.setServerName("prospectus.other.example");
			return request;
		}).exchange();
		assertThat(byUid(parse(body(second))).keySet()).isEqualTo(byUid(parse(body(first))).keySet());
		assertThat(byUid(parse(body(first))).keySet()).allMatch((uid) -> uid.endsWith("@prospectus"));
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=900", "public");
		assertThat(this.mvc.get().uri("/deadlines.ics").header(HttpHeaders.IF_NONE_MATCH, etag).exchange())
			.hasStatus(304);
	}

	@Test
	void movingADateRaisesTheSequenceAndTheStampAndKeepsTheUid() throws Exception {
		// The round was last changed long ago, so that the move is a later second.
		this.jdbc.sql("update application_round set updated_at = timestamptz '2026-01-01 00:00:00Z'").update();
		VEvent before = byUid(feed("/deadlines.ics")).get(uid(this.stockholm, "deadline"));
		assertThat(value(before, Property.DTSTAMP)).isEqualTo("20260101T000000Z");
		assertThat(value(before, Property.LAST_MODIFIED)).isEqualTo("20260101T000000Z");

		Instant moved = STOCKHOLM_DEADLINE.plus(Duration.ofDays(7));
		this.fixtures.inTransaction(() -> {
			ApplicationRound round = this.entityManager.find(ApplicationRound.class, this.stockholm.getId());
			RoundSchedule schedule = round.getSchedule();
			round.reschedule(new RoundSchedule(schedule.opensAt(), moved, moved, schedule.feeDeadlineAt(),
					schedule.notificationAt(), schedule.studiesStartAt(), false));
			return null;
		});

		VEvent after = byUid(feed("/deadlines.ics")).get(uid(this.stockholm, "deadline"));
		assertThat(startInstant(after)).isEqualTo(moved);
		assertThat(Integer.parseInt(value(after, Property.SEQUENCE)))
			.isGreaterThan(Integer.parseInt(value(before, Property.SEQUENCE)));
		assertThat(value(after, Property.DTSTAMP)).isGreaterThan(value(before, Property.DTSTAMP));
		assertThat(value(after, Property.LAST_MODIFIED)).isEqualTo(value(after, Property.DTSTAMP));
		VEvent untouched = byUid(feed("/deadlines.ics")).get(uid(this.losAngeles, "deadline"));
		assertThat(value(untouched, Property.DTSTAMP)).isEqualTo("20260101T000000Z");
	}

	@Test
	void aProgrammesFeedHasTheMilestonesOfTheRoundsAdmittingToItOnly() throws Exception {
		Programme other = this.fixtures.programme(this.kth, "other", "Other Programme");
		ApplicationRound second = this.fixtures.round(this.kth, "kth-spring-2028",
				Instant.parse("2027-06-01T00:00:00Z"), Instant.parse("2027-09-01T21:59:59Z"), this.ml, other);
		this.fixtures.round(this.kth, "kth-other", Instant.parse("2027-06-01T00:00:00Z"),
				Instant.parse("2027-09-01T21:59:59Z"), other);

		Calendar calendar = feed("/programmes/ml/deadlines.ics");
		assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Deadlines: Machine Learning, University kth");
		assertThat(events(calendar)).hasSize(10)
			.allMatch((event) -> value(event, Property.UID).startsWith("round-" + this.stockholm.getId() + "-")
					|| value(event, Property.UID).startsWith("round-" + second.getId() + "-"));
		VEvent deadline = byUid(calendar).get(uid(this.stockholm, "deadline"));
		assertThat(value(deadline, Property.SUMMARY))
			.isEqualTo("Application deadline: Machine Learning (Round kth-autumn-2027, University kth)");
		assertThat(value(deadline, Property.URL)).isEqualTo("http://localhost/programmes/ml");
	}

	@Test
	void unknownAndDraftProgrammesHaveNoFeed() {
		assertThat(get("/programmes/no-such-programme/deadlines.ics")).hasStatus(404);
		this.fixtures.programme(this.kth, "draft", "Draft Programme");
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'draft'").update();
		assertThat(get("/programmes/draft/deadlines.ics")).hasStatus(404);
	}

	@Test
	void roundsWithoutAPublishedProgrammeAndLongFinishedRoundsAreLeftOut() throws Exception {
		Programme draft = this.fixtures.programme(this.kth, "draft", "Draft Programme");
		ApplicationRound unpublished = this.fixtures.round(this.kth, "kth-draft", Instant.parse("2027-01-01T00:00:00Z"),
				Instant.parse("2027-02-01T00:00:00Z"), draft);
		// After the round: the builder merges the programme as it was built, published.
		this.jdbc.sql("update programme set state = 'DRAFT' where slug = 'draft'").update();
		// Studies started in late 2025, more than a year before now.
		ApplicationRound old = this.fixtures.round(this.kth, "kth-2025", Instant.parse("2025-03-01T00:00:00Z"),
				Instant.parse("2025-07-01T00:00:00Z"), this.ml);
		// Studies started in January 2026, less than a year ago: results and start stay.
		ApplicationRound recent = this.fixtures.round(this.kth, "kth-2026", Instant.parse("2025-09-01T00:00:00Z"),
				Instant.parse("2025-11-01T00:00:00Z"), this.ml);

		Map<String, VEvent> all = byUid(feed("/deadlines.ics"));
		assertThat(all.keySet()).noneMatch((uid) -> uid.startsWith("round-" + unpublished.getId() + "-"))
			.noneMatch((uid) -> uid.startsWith("round-" + old.getId() + "-"))
			.contains(uid(recent, "deadline"), uid(recent, "studies-start"));
		assertThat(byUid(feed("/programmes/ml/deadlines.ics")).keySet())
			.noneMatch((uid) -> uid.startsWith("round-" + old.getId() + "-"))
			.contains(uid(recent, "deadline"));
	}

	@Test
	void textIsEscapedAndEveryLineIsFoldedToSeventyFiveOctetsWithCrlf() throws Exception {
		String title = "Maskininlärning, språk; och \\ data – ett längre namn för att vikas ✓ 🎓 över flera rader";
		String roundName = "Höst 2027;\nandra omgången, \"sen\"";
		this.fixtures.inTransaction(() -> {
			this.entityManager.find(Programme.class, this.ml.getId()).setTitle(title);
			this.entityManager.find(ApplicationRound.class, this.stockholm.getId()).rename(roundName);
			return null;
		});
		byte[] bytes = get("/programmes/ml/deadlines.ics").getResponse().getContentAsByteArray();
		String ics = new String(bytes, StandardCharsets.UTF_8);
		assertThat(ics).endsWith("END:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r").doesNotContain("\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ics).contains("Maskininlärning\\, språk\\; och \\\\ data");
		VEvent deadline = byUid(parse(ics)).get(uid(this.stockholm, "deadline"));
		assertThat(value(deadline, Property.SUMMARY))
			.isEqualTo("Application deadline: " + title + " (" + roundName + ", University kth)");
	}

	@Test
	void theDeadlinesPageAndProgrammePagesLinkToTheirFeeds() {
		assertThat(page(get("/deadlines")).select("a[href=/deadlines.ics]")).hasSize(1);
		assertThat(page(get("/deadlines")).select("input[readonly]").val()).isEqualTo("http://localhost/deadlines.ics");
		assertThat(page(get("/programmes/ml")).select("a[href=/programmes/ml/deadlines.ics]")).hasSize(1);
	}

}
