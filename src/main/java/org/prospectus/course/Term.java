package org.prospectus.course;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An academic term such as Spring 2026. Stored as {@code year * 10 + season} so that
 * terms sort in calendar order in SQL.
 *
 * @param year the calendar year the term starts in
 * @param season the season
 */
public record Term(int year, Season season) implements Comparable<Term> {

	private static final Pattern SLUG = Pattern.compile("(?i)(spring|summer|autumn)-(\\d{4})");

	public Term {
		if (year < 1900 || year > 2999) {
			throw new IllegalArgumentException("Year out of range: " + year);
		}
		if (season == null) {
			throw new IllegalArgumentException("A term needs a season");
		}
	}

	public static Term of(int year, Season season) {
		return new Term(year, season);
	}

	public static Term ofCode(int code) {
		return new Term(code / 10, Season.ofNumber(code % 10));
	}

	/**
	 * The term a form names by its code, such as "20263".
	 * @throws IllegalArgumentException (a {@link NumberFormatException} included) for a
	 * code that names no term
	 */
	public static Term parse(String code) {
		return ofCode(Integer.parseInt(code));
	}

	/** The term a date falls in: January–June spring, July–August summer, else autumn. */
	public static Term containing(LocalDate date) {
		Month month = date.getMonth();
		Season season = (month.getValue() <= 6) ? Season.SPRING
				: (month.getValue() <= 8) ? Season.SUMMER : Season.AUTUMN;
		return new Term(date.getYear(), season);
	}

	/**
	 * The term an address names, such as {@code autumn-2024}, in any case; empty for one
	 * that names no term.
	 */
	public static Optional<Term> ofSlug(String slug) {
		Matcher matcher = SLUG.matcher(slug);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(matcher.group(2));
		if (year < 1900 || year > 2999) {
			return Optional.empty();
		}
		return Optional.of(new Term(year, Season.valueOf(matcher.group(1).toUpperCase(Locale.ROOT))));
	}

	/** How an address names the term: {@code autumn-2024}. */
	public String slug() {
		return this.season.name().toLowerCase(Locale.ROOT) + "-" + this.year;
	}

	/** The term just before this one: spring follows the autumn of the year before. */
	public Term previous() {
		return switch (this.season) {
			case SPRING -> new Term(this.year - 1, Season.AUTUMN);
			case SUMMER -> new Term(this.year, Season.SPRING);
			case AUTUMN -> new Term(this.year, Season.SUMMER);
		};
	}

	public int code() {
		return this.year * 10 + this.season.number();
	}

	@Override
	public int compareTo(Term other) {
		return Integer.compare(code(), other.code());
	}

}
