package org.prospectus.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.prospectus.support.Money;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@formats.instant(...)}}), in the request's locale.
 * Instants are always shown in a named zone: the round's or institution's, never the
 * server's. Every deadline, on every page and in every e-mail, is spelled by
 * {@link #at(Instant, ZoneId, Locale)}.
 */
@Component("formats")
public class Formats {

	// Formatters are built once per locale: parsing a pattern at every call was a
	// measurable part of rendering a programme page (issue 15).
	private static final PerLocale<DateTimeFormatter> AT = PerLocale.dates("date-time");

	private static final PerLocale<DateTimeFormatter> DATE = PerLocale.dates("date");

	private static final PerLocale<DateTimeFormatter> MONTH = PerLocale.dates("month");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final PerLocale<DecimalFormat> ONE_DECIMAL_AT_MOST = PerLocale.numbers("#,##0.#");

	private static final PerLocale<DecimalFormat> ONE_DECIMAL = PerLocale.numbers("#,##0.0");

	private static final PerLocale<DecimalFormat> WHOLE = PerLocale.numbers("#,##0");

	private static final PerLocale<DecimalFormat> TWO_DECIMALS = PerLocale.numbers("#,##0.00");

	private static final PerLocale<MessageFormat> ZONE = PerLocale.messages("zone");

	private static final PerLocale<MessageFormat> MONEY_SYMBOL = PerLocale.messages("money.symbol");

	private static final PerLocale<MessageFormat> MONEY_CODE = PerLocale.messages("money.code");

	/** 15 January 2027, 23:59 CET */
	public String instant(Instant instant, ZoneId zone) {
		return at(instant, zone, locale());
	}

	/**
	 * 15 January 2027, 23:59 CET, or 16 October 2026, 00:00 CEST: the local time with the
	 * abbreviation that holds on that day, for code outside templates (messages, e-mail).
	 */
	public static String at(Instant instant, ZoneId zone, Locale locale) {
		return AT.get(locale).withZone(zone).format(instant);
	}

	/** 15 January 2027 */
	public String date(Instant instant, ZoneId zone) {
		return DATE.get(locale()).withZone(zone).format(instant);
	}

	/** August 2020 */
	public String month(Instant instant, ZoneId zone) {
		return MONTH.get(locale()).withZone(zone).format(instant);
	}

	/** September 2027, for a month without a day or zone, such as a start of studies. */
	public String month(YearMonth month) {
		return MONTH.get(locale()).format(month);
	}

	/** 16 March 2026 */
	public String date(LocalDate date) {
		return DATE.get(locale()).format(date);
	}

	/** 2026-11-21 10:00:00 UTC, for logs and the audit trail. */
	public String utc(Instant instant) {
		return UTC.format(instant);
	}

	/** Machine-readable instant for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/**
	 * Stockholm time (Europe/Stockholm): named by its place, which is right in winter and
	 * in summer alike, where "Central European Time" would be wrong above a CEST date. A
	 * zone without a place (UTC) keeps its own name.
	 */
	public String zone(ZoneId zone) {
		String id = zone.getId();
		int slash = id.lastIndexOf('/');
		if (slash < 0 || id.startsWith("Etc/")) {
			return zone.getDisplayName(TextStyle.FULL_STANDALONE, locale()) + " (" + id + ")";
		}
		return ZONE.get(locale()).format(new Object[] { id.substring(slash + 1).replace('_', ' '), id });
	}

	/** Programme credits: whole numbers without decimals (120), others with one (7.5). */
	public String credits(BigDecimal credits) {
		return ONE_DECIMAL_AT_MOST.get(locale()).format(credits);
	}

	/**
	 * Course and module credits, always with one decimal (3.0, 7.5), as syllabuses print
	 * them.
	 */
	public String courseCredits(BigDecimal credits) {
		return ONE_DECIMAL.get(locale()).format(credits.setScale(1, RoundingMode.HALF_UP));
	}

	/**
	 * SEK 155,000, £9,250.50 or USD 131,490: the currency's symbol in the request's
	 * locale, or its code where the symbol would be a bare dollar sign, with a space when
	 * it is a code. Amounts are never converted between currencies.
	 */
	public String money(Money money) {
		Currency currency = Currency.getInstance(money.currency());
		boolean whole = money.amount().stripTrailingZeros().scale() <= 0;
		DecimalFormat format = (whole ? WHOLE : TWO_DECIMALS).get(locale());
		String symbol = currency.getSymbol(locale());
		if (symbol.equals("$")) {
			// A bare dollar sign could be any of a dozen currencies: name it.
			symbol = currency.getCurrencyCode();
		}
		boolean code = symbol.chars().allMatch(Character::isLetter) && symbol.equals(symbol.toUpperCase(Locale.ROOT));
		return (code ? MONEY_CODE : MONEY_SYMBOL).get(locale())
			.format(new Object[] { symbol, format.format(money.amount()) });
	}

	/** The language's name for an ISO 639 code: en → English. */
	public String language(String code) {
		String name = Locale.forLanguageTag(code).getDisplayLanguage(locale());
		return name.isEmpty() ? code : name;
	}

	/** The country's name for an ISO 3166 code: SE → Sweden. */
	public String country(String code) {
		String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale());
		return name.isEmpty() ? code : name;
	}

	/** A size in bytes for people: 1.2 MB. */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		DecimalFormat format = ONE_DECIMAL_AT_MOST.get(locale());
		if (bytes < 1024 * 1024) {
			return format.format(bytes / 1024.0) + " kB";
		}
		return format.format(bytes / (1024.0 * 1024.0)) + " MB";
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/**
	 * A pattern of the language's {@code formats} bundle, beside this class: adding a
	 * language adds a bundle, not code.
	 */
	static String patternText(Locale locale, String key) {
		return ResourceBundle
			.getBundle("org.prospectus.web.formats", locale,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
			.getString(key);
	}

	/**
	 * One pattern's format for each locale, made when first asked for. A
	 * {@link DecimalFormat} may not be shared between threads, so numbers hand out a copy
	 * of the locale's; a {@link DateTimeFormatter} is immutable and is handed out as is.
	 */
	private static final class PerLocale<T> {

		private final Function<Locale, T> make;

		private final UnaryOperator<T> handOut;

		private final Map<Locale, T> byLocale = new ConcurrentHashMap<>();

		private PerLocale(Function<Locale, T> make, UnaryOperator<T> handOut) {
			this.make = make;
			this.handOut = handOut;
		}

		static PerLocale<DateTimeFormatter> dates(String key) {
			return new PerLocale<>((locale) -> DateTimeFormatter.ofPattern(patternText(locale, key), locale),
					UnaryOperator.identity());
		}

		static PerLocale<MessageFormat> messages(String key) {
			return new PerLocale<>((locale) -> new MessageFormat(patternText(locale, key), locale),
					(format) -> (MessageFormat) format.clone());
		}

		static PerLocale<DecimalFormat> numbers(String pattern) {
			return new PerLocale<>((locale) -> new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)),
					(format) -> (DecimalFormat) format.clone());
		}

		T get(Locale locale) {
			return this.handOut.apply(this.byLocale.computeIfAbsent(locale, this.make));
		}

	}

}
