package org.prospectus.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) content lines: CRLF after every line, lines folded so that
 * none is longer than 75 octets of UTF-8 (never inside a character), and TEXT values
 * escaped. It knows nothing of rounds; {@link CalendarFeed} says what to write.
 */
final class ICalendarWriter {

	/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the CRLF. */
	static final int MAX_LINE_OCTETS = 75;

	private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

	private final StringBuilder out = new StringBuilder(4096);

	ICalendarWriter begin(String component) {
		return line("BEGIN:" + component);
	}

	ICalendarWriter end(String component) {
		return line("END:" + component);
	}

	/** A property whose value is TEXT, escaped as RFC 5545 3.3.11 asks. */
	ICalendarWriter text(String name, String value) {
		return line(name + ":" + escape(value));
	}

	/**
	 * A property whose value is written as given: a URI, an integer, or a fixed token
	 * such as {@code PUBLISH}. Callers pass only values without control characters.
	 */
	ICalendarWriter raw(String name, String value) {
		return line(name + ":" + value);
	}

	/**
	 * The ORGANIZER (RFC 5546 asks for one on every published event): a common name,
	 * quoted, and a mailto: address.
	 */
	ICalendarWriter organizer(String commonName, String address) {
		String name = commonName.codePoints()
			.filter((c) -> c != '"' && !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return line("ORGANIZER;CN=\"" + name + "\":mailto:" + address);
	}

	/** A DATE-TIME in UTC ("form #2"), such as {@code 20270115T225959Z}. */
	ICalendarWriter utc(String name, Instant instant) {
		return line(name + ":" + UTC_DATE_TIME.format(instant));
	}

	/** A DATE value, for an all-day event. */
	ICalendarWriter date(String name, LocalDate date) {
		return line(name + ";VALUE=DATE:" + DATE.format(date));
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/**
	 * Escapes a TEXT value: backslash, semicolon and comma get a backslash, every line
	 * break becomes {@code \n}, and other control characters (which TEXT cannot hold) are
	 * dropped.
	 */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				case '\n' -> escaped.append("\\n");
				default -> {
					if (c == '\t' || !Character.isISOControl(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Appends one content line, folded: a line longer than 75 octets is broken before the
	 * character that would pass the limit, and the rest continues on the next line after
	 * one space, which counts towards that line's 75.
	 */
	private ICalendarWriter line(String contentLine) {
		int octets = 0;
		for (int i = 0; i < contentLine.length();) {
			int codePoint = contentLine.codePointAt(i);
			int width = utf8Length(codePoint);
			if (octets + width > MAX_LINE_OCTETS) {
				this.out.append("\r\n ");
				octets = 1;
			}
			this.out.appendCodePoint(codePoint);
			octets += width;
			i += Character.charCount(codePoint);
		}
		this.out.append("\r\n");
		return this;
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		if (codePoint < 0x10000) {
			return 3;
		}
		return 4;
	}

	byte[] toBytes() {
		return toString().getBytes(StandardCharsets.UTF_8);
	}

}
