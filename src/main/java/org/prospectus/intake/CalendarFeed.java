package org.prospectus.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.prospectus.programme.Programme;
import org.prospectus.staging.PublicationState;
import org.prospectus.web.Formats;
import org.prospectus.web.PublicUrls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The milestones of application rounds as an iCalendar feed (RFC 5545) that calendar
 * applications subscribe to. See docs/adr/0014 for the choices: one event per milestone
 * with a UID made of the round's id and the milestone, never of the host; instants in UTC
 * with the institution's own time written out in the description; SEQUENCE from the
 * round's version and DTSTAMP / LAST-MODIFIED from its last change, so that the feed is
 * the same bytes until staff change something.
 */
@Component
class CalendarFeed {

	static final String PRODUCT_ID = "-//Prospectus//Application deadlines//EN";

	/** How often subscribers should fetch the feed again (RFC 7986 REFRESH-INTERVAL). */
	static final String REFRESH = "PT6H";

	private final MessageSource messages;

	private final Formats formats;

	private final PublicUrls urls;

	private final String uidDomain;

	private final String organizerAddress;

	CalendarFeed(MessageSource messages, Formats formats, PublicUrls urls,
			@Value("${prospectus.calendar.uid-domain:prospectus}") String uidDomain,
			@Value("${prospectus.mail.from:no-reply@localhost}") String mailFrom) {
		this.messages = messages;
		this.formats = formats;
		this.urls = urls;
		this.uidDomain = uidDomain;
		this.organizerAddress = addressOf(mailFrom);
	}

	/**
	 * The bare address of the portal's sender, which the events name as their organizer
	 * on behalf of the institution.
	 */
	private static String addressOf(String mailFrom) {
		try {
			return new InternetAddress(mailFrom, true).getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalStateException("prospectus.mail.from is not an e-mail address: '" + mailFrom + "'", ex);
		}
	}

	/** Every round's milestones; the rounds come with their programmes. */
	String allRounds(List<ApplicationRound> rounds, Locale locale) {
		ICalendarWriter ics = calendar(message("calendar.name.all", locale),
				message("calendar.description.all", locale));
		for (ApplicationRound round : rounds) {
			List<Programme> programmes = round.getProgrammes()
				.stream()
				.filter((programme) -> programme.getState() == PublicationState.PUBLISHED)
				.sorted((a, b) -> a.getTitle().compareToIgnoreCase(b.getTitle()))
				.toList();
			String url = (programmes.size() == 1) ? this.urls.of("/programmes/{slug}", programmes.get(0).getSlug())
					: this.urls.of("/deadlines") + "#round-" + round.getSlug();
			String programmeLine = message("calendar.event.programmes", locale,
					programmes.stream().map(Programme::getTitle).collect(Collectors.joining(", ")));
			for (Milestone milestone : shown(round)) {
				String summary = message("calendar.event.summary", locale, label(milestone, locale),
						round.textIn(locale, "name"), round.getInstitution().getDisplayName());
				event(ics, round, milestone, summary, List.of(programmeLine), url, locale);
			}
		}
		return ics.end("VCALENDAR").toString();
	}

	/** The milestones of the rounds admitting to one programme. */
	String programme(Programme programme, List<ApplicationRound> rounds, Locale locale) {
		String name = message("calendar.name.programme", locale, programme.textIn(locale, "title"),
				programme.getInstitution().getDisplayName());
		ICalendarWriter ics = calendar(name,
				message("calendar.description.programme", locale, programme.textIn(locale, "title")));
		String url = this.urls.of("/programmes/{slug}", programme.getSlug());
		for (ApplicationRound round : rounds) {
			for (Milestone milestone : shown(round)) {
				String summary = message("calendar.event.summary-programme", locale, label(milestone, locale),
						programme.textIn(locale, "title"), round.textIn(locale, "name"),
						round.getInstitution().getDisplayName());
				event(ics, round, milestone, summary, List.of(), url, locale);
			}
		}
		return ics.end("VCALENDAR").toString();
	}

	private ICalendarWriter calendar(String name, String description) {
		return new ICalendarWriter().begin("VCALENDAR")
			.raw("VERSION", "2.0")
			.raw("PRODID", PRODUCT_ID)
			.raw("CALSCALE", "GREGORIAN")
			.raw("METHOD", "PUBLISH")
			.text("NAME", name)
			.text("X-WR-CALNAME", name)
			.text("DESCRIPTION", description)
			.text("X-WR-CALDESC", description)
			.raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH)
			.raw("X-PUBLISHED-TTL", REFRESH);
	}

	/**
	 * The milestones that make events. A start of studies announced only by its month has
	 * no day to put in a calendar, so it is left out rather than pinned to a made-up day.
	 */
	static List<Milestone> shown(ApplicationRound round) {
		return round.getMilestones().stream().filter((milestone) -> !milestone.monthOnly()).toList();
	}

	/** The event's UID: the same for a milestone whatever the host, request or day. */
	String uid(ApplicationRound round, MilestoneKind kind) {
		return "round-" + round.getId() + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@"
				+ this.uidDomain;
	}

	private void event(ICalendarWriter ics, ApplicationRound round, Milestone milestone, String summary,
			List<String> extraLines, String url, Locale locale) {
		ZoneId zone = round.getZone();
		Instant changed = (round.getUpdatedAt() != null) ? round.getUpdatedAt()
				: (round.getCreatedAt() != null) ? round.getCreatedAt() : Instant.EPOCH;
		List<String> description = new ArrayList<>();
		if (milestone.kind().announcedByDate()) {
			description.add(message("calendar.event.date", locale, label(milestone, locale),
					this.formats.date(milestone.at(), zone)));
		}
		else {
			description.add(message("calendar.event.time", locale, label(milestone, locale),
					this.formats.instant(milestone.at(), zone), this.formats.zone(zone)));
		}
		description.add(message("calendar.event.round", locale, round.textIn(locale, "name"),
				round.getInstitution().getDisplayName()));
		description.addAll(extraLines);
		description.add(message("calendar.event.more", locale, url));
		ics.begin("VEVENT").raw("UID", uid(round, milestone.kind()));
		ics.utc("DTSTAMP", changed).utc("LAST-MODIFIED", changed);
		ics.raw("SEQUENCE", Long.toString(round.getVersion()))
			.organizer(round.getInstitution().getName(), this.organizerAddress);
		if (milestone.kind().announcedByDate()) {
			LocalDate day = LocalDate.ofInstant(milestone.at(), zone);
			ics.date("DTSTART", day).date("DTEND", day.plusDays(1));
		}
		else {
			ics.utc("DTSTART", milestone.at());
		}
		ics.text("SUMMARY", summary)
			.text("DESCRIPTION", String.join("\n", description))
			.raw("URL", url)
			.raw("TRANSP", "TRANSPARENT")
			.end("VEVENT");
	}

	private String label(Milestone milestone, Locale locale) {
		return message(milestone.kind().messageKey(), locale);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
