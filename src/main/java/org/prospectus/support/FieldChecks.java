package org.prospectus.support;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Field checks for the staff forms (programme, course, syllabus, offering): each puts its
 * message beside its field and returns the typed value converted, or {@code null}. The
 * messages are the programme form's, so every catalogue form words a problem the same
 * way.
 */
public final class FieldChecks {

	public static final Pattern CREDITS = Pattern.compile("\\d{1,4}([.,]\\d)?");

	public static final Pattern URL = Pattern.compile("https?://\\S+");

	/** An amount of money: up to ten digits, and cents. */
	public static final Pattern AMOUNT = Pattern.compile("\\d{1,10}([.,]\\d{1,2})?");

	public static final int MAX_LINES = 40;

	/** ISO 3166 country codes, upper-case. */
	public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** A date and time as typed into a {@code datetime-local} field, seconds optional. */
	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final Errors errors;

	public FieldChecks(Errors errors) {
		this.errors = errors;
	}

	public Errors errors() {
		return this.errors;
	}

	public @Nullable String text(String field, @Nullable String value, boolean required, int max) {
		if (blank(value)) {
			if (required) {
				this.errors.rejectValue(field, "check.required");
			}
			return null;
		}
		String stripped = typedText(value);
		if (stripped.length() > max) {
			this.errors.rejectValue(field, "check.too-long", new Object[] { max }, null);
			return null;
		}
		return stripped;
	}

	/** A code such as DD2424 or TEN1: letters and digits, upper-cased. */
	public @Nullable String code(String field, @Nullable String value, Pattern pattern, String patternMessage) {
		String text = text(field, value, true, 40);
		if (text == null) {
			return null;
		}
		String code = text.toUpperCase(Locale.ROOT);
		if (!pattern.matcher(code).matches()) {
			this.errors.rejectValue(field, patternMessage);
			return null;
		}
		return code;
	}

	public <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type,
			boolean required) {
		if (blank(value)) {
			if (required) {
				this.errors.rejectValue(field, "check.choose");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			this.errors.rejectValue(field, "check.choose");
			return null;
		}
	}

	/**
	 * A value chosen from a list whose options are codes, such as a term's 20263 for
	 * Autumn 2026: the parser turns the code into the value and throws
	 * {@link IllegalArgumentException} for one that is not on the list.
	 */
	public <T> @Nullable T chosen(String field, @Nullable String value, Function<String, T> parser) {
		if (blank(value)) {
			this.errors.rejectValue(field, "check.choose");
			return null;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (IllegalArgumentException ex) {
			this.errors.rejectValue(field, "check.choose");
			return null;
		}
	}

	public @Nullable Integer whole(String field, @Nullable String value, int min, int max, boolean required) {
		if (blank(value) && !required) {
			return null;
		}
		try {
			int number = Integer.parseInt((value != null) ? value.strip() : "");
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		this.errors.rejectValue(field, "check.whole", new Object[] { min, max }, null);
		return null;
	}

	/** Credits such as 7.5: more than zero and at most {@code max}, one decimal. */
	public @Nullable BigDecimal credits(String field, @Nullable String value, BigDecimal max) {
		if (blank(value)) {
			this.errors.rejectValue(field, "check.required");
			return null;
		}
		String stripped = value.strip().replace(" ", "");
		if (!CREDITS.matcher(stripped).matches()) {
			this.errors.rejectValue(field, "check.number");
			return null;
		}
		BigDecimal credits = new BigDecimal(stripped.replace(',', '.'));
		if (credits.signum() <= 0) {
			this.errors.rejectValue(field, "check.credits.invalid");
			return null;
		}
		if (credits.compareTo(max) > 0) {
			this.errors.rejectValue(field, "check.credits.too-many", new Object[] { plain(max) }, null);
			return null;
		}
		return credits;
	}

	public @Nullable LocalDate date(String field, @Nullable String value) {
		if (blank(value)) {
			this.errors.rejectValue(field, "check.required");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			this.errors.rejectValue(field, "check.date");
			return null;
		}
	}

	/**
	 * One of the allowed values, as a radio group offers them.
	 * @return whether the value is one of them
	 */
	public boolean oneOf(String field, @Nullable String value, Set<String> allowed) {
		if (blank(value) || !allowed.contains(value.strip())) {
			this.errors.rejectValue(field, "check.choose");
			return false;
		}
		return true;
	}

	/** An ISO 3166 country code, in any case. */
	public @Nullable String country(String field, @Nullable String value, boolean required) {
		if (blank(value)) {
			if (required) {
				this.errors.rejectValue(field, "check.country");
			}
			return null;
		}
		String code = value.strip().toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(code)) {
			this.errors.rejectValue(field, "check.country");
			return null;
		}
		return code;
	}

	/**
	 * As {@link #country}, for a citizenship: a place nobody is a citizen of
	 * ({@link Countries#NO_CITIZENSHIP}) is refused.
	 */
	public @Nullable String citizenship(String field, @Nullable String value, boolean required) {
		String code = country(field, value, required);
		if (code != null && Countries.NO_CITIZENSHIP.contains(code)) {
			this.errors.rejectValue(field, "check.country");
			return null;
		}
		return code;
	}

	/** A date (year-month-day) from {@code earliest} to {@code latest}, both included. */
	public @Nullable LocalDate date(String field, @Nullable String value, LocalDate earliest, LocalDate latest) {
		LocalDate date = date(field, value);
		if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
			this.errors.rejectValue(field, "check.date.range", new Object[] { earliest.toString(), latest.toString() },
					null);
			return null;
		}
		return date;
	}

	/** A year and month such as 2019-09. */
	public @Nullable YearMonth month(String field, @Nullable String value, boolean required) {
		if (blank(value)) {
			if (required) {
				this.errors.rejectValue(field, "check.required");
			}
			return null;
		}
		if (!MONTH.matcher(value.strip()).matches()) {
			this.errors.rejectValue(field, "check.month");
			return null;
		}
		return YearMonth.parse(value.strip());
	}

	/**
	 * A date and time typed in the zone given, as the instant it names. A local time the
	 * clocks skip (when summer time starts) is refused rather than guessed.
	 */
	public @Nullable Instant dateTime(String field, @Nullable String value, boolean required, ZoneId zone) {
		if (blank(value)) {
			if (required) {
				this.errors.rejectValue(field, "check.date-time.required");
			}
			return null;
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(value.strip().replace(' ', 'T'), DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			this.errors.rejectValue(field, "check.date-time");
			return null;
		}
		ZonedDateTime zoned = local.atZone(zone);
		if (!zoned.toLocalDateTime().equals(local)) {
			this.errors.rejectValue(field, "check.date-time.gap", new Object[] { value.strip(), zone.getId() }, null);
			return null;
		}
		try {
			return zoned.toInstant();
		}
		catch (DateTimeException ex) {
			this.errors.rejectValue(field, "check.date-time");
			return null;
		}
	}

	public @Nullable String language(String field, @Nullable String value) {
		String language = text(field, value, true, 20);
		if (language != null && !LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
			this.errors.rejectValue(field, "check.language");
			return null;
		}
		return (language != null) ? language.toLowerCase(Locale.ROOT) : null;
	}

	public @Nullable String url(String field, @Nullable String value) {
		String url = text(field, value, false, 300);
		if (url != null && !URL.matcher(url).matches()) {
			this.errors.rejectValue(field, "check.url");
			return null;
		}
		return url;
	}

	/**
	 * Codes separated by commas, spaces or lines, upper-cased, each matching the pattern.
	 */
	public List<String> codes(String field, @Nullable String value, Pattern pattern, int max) {
		List<String> codes = codeList(value);
		if (codes.size() > max) {
			this.errors.rejectValue(field, "check.lines.too-many", new Object[] { max }, null);
		}
		else if (codes.stream().anyMatch((code) -> !pattern.matcher(code).matches())) {
			this.errors.rejectValue(field, "check.codes");
		}
		return codes;
	}

	/**
	 * Non-empty lines, stripped and without repeats, at most {@value #MAX_LINES} of at
	 * most {@code max} characters.
	 */
	public List<String> lines(String field, @Nullable String value, int max) {
		if (value == null) {
			return List.of();
		}
		List<String> items = value.lines().map(String::strip).filter((line) -> !line.isEmpty()).distinct().toList();
		if (items.size() > MAX_LINES) {
			this.errors.rejectValue(field, "check.lines.too-many", new Object[] { MAX_LINES }, null);
		}
		else if (items.stream().anyMatch((item) -> item.length() > max)) {
			this.errors.rejectValue(field, "check.lines.too-long", new Object[] { max }, null);
		}
		return items;
	}

	/** A number in the given pattern, with a comma or a point for decimals. */
	public @Nullable BigDecimal decimal(String field, @Nullable String value, Pattern pattern, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				this.errors.rejectValue(field, "check.required");
			}
			return null;
		}
		String stripped = value.strip().replace(" ", "");
		if (!pattern.matcher(stripped).matches()) {
			this.errors.rejectValue(field, "check.number");
			return null;
		}
		return new BigDecimal(stripped.replace(',', '.'));
	}

	/** An amount with its ISO 4217 currency; empty when no amount is typed. */
	public @Nullable Money money(String amountField, @Nullable String amount, String currencyField,
			@Nullable String currency) {
		BigDecimal value = decimal(amountField, amount, AMOUNT, false);
		if (value == null) {
			return null;
		}
		String code = (currency != null) ? currency.strip().toUpperCase(Locale.ROOT) : "";
		try {
			Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			this.errors.rejectValue(currencyField, "check.currency");
			return null;
		}
		return new Money(value, code);
	}

	/**
	 * Text as it reads: line breaks as LF, however the browser sent them (a text area's
	 * come as CR LF), and no spaces around it.
	 */
	public static String typedText(String value) {
		return value.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	/**
	 * Codes separated by commas, semicolons, spaces or lines: upper-cased, each once, in
	 * order.
	 */
	public static List<String> codeList(@Nullable String value) {
		if (blank(value)) {
			return List.of();
		}
		return Arrays.stream(value.split("[,;\\s]+"))
			.filter((code) -> !code.isEmpty())
			.map((code) -> code.toUpperCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	public static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	public static @Nullable String name(@Nullable Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	public static @Nullable String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

	public static String joined(@Nullable String... parts) {
		return String.join(" ", Arrays.stream(parts).filter((part) -> !blank(part)).map(String::strip).toList());
	}

}
