package org.prospectus.review;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * @param scoreMin only applications with a review score of at least this (0 to 10)
 * @param scoreMax only applications with a review score of at most this (0 to 10); with
 * either bound, unscored applications are left out
 * @param readsOutstanding only applications with reads still to come
 * @param readsDisagree only applications whose reads differ by more than their plan
 * allows
 */
public record QueueFilter(Long round, Long programme, boolean anyChoice, ApplicationStatus status, FeeStatus fee,
		String citizenship, boolean missingDocuments, boolean missingReferences, LocalDate from, LocalDate to,
		String text, QueueSort sort, @Nullable OfferFilter offer, @Nullable BigDecimal scoreMin,
		@Nullable BigDecimal scoreMax, boolean readsOutstanding, boolean readsDisagree) {

	/**
	 * The shortest text searched: the trigram index needs three characters to narrow
	 * anything down.
	 */
	public static final int MIN_TEXT = 3;

	static final int MAX_TEXT = 200;

	/** The address's names of the score band's bounds, as the form's fields are named. */
	static final String SCORE_MIN = "score-min";

	static final String SCORE_MAX = "score-max";

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/** A score as typed: up to two decimals, with a point or a comma. */
	private static final Pattern SCORE = Pattern.compile("\\d{1,2}(?:[.,]\\d{1,2})?");

	public static QueueFilter none() {
		return new QueueFilter(null, null, false, null, null, null, false, false, null, null, null, QueueSort.SUBMITTED,
				null, null, null, false, false);
	}

	/** Reads a view from query parameters, leaving out what cannot be read. */
	public static QueueFilter from(MultiValueMap<String, String> params) {
		ApplicationStatus status = enumValue(ApplicationStatus.class, params.getFirst("status"));
		BigDecimal scoreMin = score(params.getFirst(SCORE_MIN));
		BigDecimal scoreMax = score(params.getFirst(SCORE_MAX));
		if (scoreMin != null && scoreMax != null && scoreMin.compareTo(scoreMax) > 0) {
			// A band nobody's score is in cannot be what was meant: left out, as on the
			// page.
			scoreMin = null;
			scoreMax = null;
		}
		return new QueueFilter(id(params.getFirst("round")), id(params.getFirst("programme")),
				"any".equals(blankToNull(params.getFirst("choice"))),
				(status == ApplicationStatus.DRAFT) ? null : status, enumValue(FeeStatus.class, params.getFirst("fee")),
				country(params.getFirst("citizenship")), params.containsKey("missing"),
				params.containsKey("references"), date(params.getFirst("from")), date(params.getFirst("to")),
				text(params.getFirst("q")), QueueSort.fromParameter(params.getFirst("sort")),
				OfferFilter.fromParameter(params.getFirst("offer")), scoreMin, scoreMax,
				params.containsKey("outstanding"), params.containsKey("disagree"));
	}

	/**
	 * What is wrong with the score band as typed, by field name: the message key of each
	 * bound that is not a score from 0 to 10, or of the highest when it is below the
	 * lowest. Empty when the band reads, or was left empty.
	 */
	static Map<String, String> scoreBandErrors(MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String field : new String[] { SCORE_MIN, SCORE_MAX }) {
			if (blankToNull(params.getFirst(field)) != null && score(params.getFirst(field)) == null) {
				errors.put(field, "review.queue.score.invalid");
			}
		}
		BigDecimal min = score(params.getFirst(SCORE_MIN));
		BigDecimal max = score(params.getFirst(SCORE_MAX));
		if (min != null && max != null && min.compareTo(max) > 0) {
			errors.put(SCORE_MAX, "review.queue.score.below-min");
		}
		return errors;
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
			.queryParamIfPresent(SCORE_MIN,
					Optional.ofNullable((this.scoreMin != null) ? this.scoreMin.toPlainString() : null))
			.queryParamIfPresent(SCORE_MAX,
					Optional.ofNullable((this.scoreMax != null) ? this.scoreMax.toPlainString() : null))
			.queryParamIfPresent("outstanding", Optional.ofNullable(this.readsOutstanding ? "" : null))
			.queryParamIfPresent("disagree", Optional.ofNullable(this.readsDisagree ? "" : null))
			.queryParamIfPresent("sort",
					Optional.ofNullable((this.sort != QueueSort.SUBMITTED) ? this.sort.parameter() : null));
		String query = builder.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	/** Whether anything narrows the view. */
	public boolean isFiltered() {
		return this.round != null || this.programme != null || this.status != null || this.fee != null
				|| this.citizenship != null || this.missingDocuments || this.missingReferences || this.from != null
				|| this.to != null || this.text != null || this.offer != null || this.scoreMin != null
				|| this.scoreMax != null || this.readsOutstanding || this.readsDisagree;
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

	/**
	 * A score from 0 to 10 with at most two decimals, written with a point or a comma; in
	 * its shortest form, so that {@code 6.50} and {@code 6,5} are one band.
	 */
	static @Nullable BigDecimal score(@Nullable String value) {
		String typed = blankToNull(value);
		if (typed == null || !SCORE.matcher(typed).matches()) {
			return null;
		}
		BigDecimal score = new BigDecimal(typed.replace(',', '.'));
		if (score.compareTo(BigDecimal.TEN) > 0) {
			return null;
		}
		score = score.stripTrailingZeros();
		return (score.scale() < 0) ? score.setScale(0) : score;
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
