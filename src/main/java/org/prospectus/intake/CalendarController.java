package org.prospectus.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.web.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The deadlines as iCalendar feeds: every round's at {@code /deadlines.ics}, one
 * programme's at {@code /programmes/{slug}/deadlines.ics}. A feed is the same bytes until
 * staff change a round, so its ETag lets a calendar that polls get a 304.
 */
@Controller
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final RoundService rounds;

	private final ProgrammeService programmes;

	private final CalendarFeed feed;

	CalendarController(RoundService rounds, ProgrammeService programmes, CalendarFeed feed) {
		this.rounds = rounds;
		this.programmes = programmes;
		this.feed = feed;
	}

	@GetMapping("/deadlines.ics")
	ResponseEntity<byte[]> allDeadlines(Locale locale) {
		return calendar(this.feed.allRounds(this.rounds.forCalendar(), locale), "deadlines.ics");
	}

	@GetMapping("/programmes/{slug}/deadlines.ics")
	ResponseEntity<byte[]> programmeDeadlines(@PathVariable String slug, Locale locale) {
		Programme programme = this.programmes.findVisible(slug).orElseThrow(() -> NotFoundException.forProgramme(slug));
		return calendar(this.feed.programme(programme, this.rounds.forCalendar(programme), locale),
				slug + "-deadlines.ics");
	}

	private static ResponseEntity<byte[]> calendar(String ics, String filename) {
		byte[] body = ics.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			// inline: a browser that follows the link hands it to the calendar
			// application.
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.maxAge(15, TimeUnit.MINUTES).cachePublic())
			// Weak: the same feed, whatever its encoding, so that the container may gzip
			// it
			// (Tomcat sends a strongly tagged response as it is).
			.eTag("W/\"" + DigestUtils.md5DigestAsHex(body) + "\"")
			.body(body);
	}

}
