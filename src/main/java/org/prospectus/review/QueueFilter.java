package org.prospectus.review;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A view of the admissions queue, as its address states it, so that a view can be
 * bookmarked and shared. Every field is optional; a value that cannot be read (a
 * hand-edited address) is left out rather than refused, as on the audit page.
 *
 * @param round the round's id
 * @param programme a programme's id
 * @param anyChoice whether the programme may be any ranked choice, not only the first
 * @param status where the application stands; drafts are never listed
 * @param fee the fee status
 * @param citizenship an ISO 3166 country code, upper case
 * @param missingDocuments only applications with a required document missing or rejected
 * @param missingReferences only applications whose round asks for more references than
 * have been given
 * @param from submitted on or after this day (UTC)
 * @param to submitted on or before this day (UTC)
 * @param text part of the applicant's name, e-mail address or the reference, lower case;
 * at least {@value #MIN_TEXT} characters
 * @param sort the order
 * @param offer where the application's offer stands with the applicant
 */
public record QueueFilter(Long round, Long programme, boolean anyChoice, ApplicationStatus status, FeeStatus fee,
		String citizenship, boolean missingDocuments, boolean missingReferences, LocalDate from, LocalDate to,
		String text, QueueSort sort, @Nullable OfferFilter offer) {

	/**
	 * The shortest text searched: the trigram index needs three characters to narrow
	 * anything down.
	 */
	public static final int MIN_TEXT = 3;

	static final int MAX_TEXT = 200;

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	public static QueueFilter none() {
		return new QueueFilter(null, null, false, null, null, null, false, false, null, null, null, QueueSort.SUBMITTED,
				null);
	}

	/** Reads a view from query parameters, leaving out what cannot be read. */
	public static QueueFilter from(MultiValueMap<String, String> params) {
		ApplicationStatus status = enumValue(ApplicationStatus.class, params.getFirst("status"));
		return new QueueFilter(id(params.getFirst("round")), id(params.getFirst("programme")),
				"any".equals(blankToNull(params.getFirst("choice"))),
				(status == ApplicationStatus.DRAFT) ? null : status, enumValue(FeeStatus.class, params.getFirst("fee")),
				country(params.getFirst("citizenship")), params.containsKey("missing"),
				params.containsKey("references"), date(params.getFirst("from")), date(params.getFirst("to")),
				text(params.getFirst("q")), QueueSort.fromParameter(params.getFirst("sort")),
				OfferFilter.fromParameter(params.getFirst("offer")));
	}

	/** Reads a view from a query string such as {@link #toQuery()} writes. */
	public static QueueFilter fromQuery(String query) {
		if (query == null || query.isBlank()) {
			return none();
		}
		MultiValueMap<String, String> encoded = UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams();
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		encoded.forEach(
				(name, values) -> values.forEach((value) -> decoded.add(URLDecoder.decode(name, StandardCharsets.UTF_8),
						(value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : "")));
		return from(decoded);
	}

	/** The view as query parameters, in a fixed order, without a page position. */
	public String toQuery() {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
			.queryParamIfPresent("round", Optional.ofNullable(this.round))
			.queryParamIfPresent("programme", Optional.ofNullable(this.programme))
			.queryParamIfPresent("choice",
					Optional.ofNullable((this.programme != null && this.anyChoice) ? "any" : null))
			.queryParamIfPresent("status", Optional.ofNullable(this.status))
			.queryParamIfPresent("fee", Optional.ofNullable(this.fee))
			.queryParamIfPresent("citizenship", Optional.ofNullable(this.citizenship))
			.queryParamIfPresent("missing", Optional.ofNullable(this.missingDocuments ? "" : null))
			.queryParamIfPresent("references", Optional.ofNullable(this.missingReferences ? "" : null))
			.queryParamIfPresent("from", Optional.ofNullable(this.from))
			.queryParamIfPresent("to", Optional.ofNullable(this.to))
			.queryParamIfPresent("q", Optional.ofNullable(this.text))
			.queryParamIfPresent("offer", Optional.ofNullable((this.offer != null) ? this.offer.parameter() : null))
			.queryParamIfPresent("sort",
					Optional.ofNullable((this.sort != QueueSort.SUBMITTED) ? this.sort.parameter() : null));
		String query = builder.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	/** Whether anything narrows the view. */
	public boolean isFiltered() {
		return this.round != null || this.programme != null || this.status != null || this.fee != null
				|| this.citizenship != null || this.missingDocuments || this.missingReferences || this.from != null
				|| this.to != null || this.text != null || this.offer != null;
	}

	/** The first instant of {@link #from}, UTC. */
	@Nullable Instant fromInstant() {
		return (this.from != null) ? this.from.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	/** The instant after {@link #to}, UTC: the day is included. */
	@Nullable Instant untilInstant() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable Long id(String value) {
		try {
			long id = Long.parseLong(blankToNull(value));
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException | NullPointerException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, blankToNull(value).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	private static @Nullable String country(String value) {
		String code = blankToNull(value);
		if (code == null) {
			return null;
		}
		code = code.toUpperCase(Locale.ROOT);
		return COUNTRY.matcher(code).matches() ? code : null;
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return LocalDate.parse(blankToNull(value));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return null;
		}
	}

	private static @Nullable String text(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		text = text.toLowerCase(Locale.ROOT);
		if (text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT);
		}
		return text;
	}

	/** Whether a text was typed but is too short to search. */
	public boolean isTextTooShort() {
		return this.text != null && this.text.length() < MIN_TEXT;
	}

}
