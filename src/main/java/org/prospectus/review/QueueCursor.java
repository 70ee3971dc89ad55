package org.prospectus.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of the queue starts: just after the row with this sort key and id. It
 * travels in the address as {@code after=}, opaque to people but read strictly: a value
 * that does not parse, or that belongs to another sort, is no cursor at all.
 *
 * @param sort the order the key belongs to
 * @param key the last row's sort key: the submission instant, the lower-case name, the
 * reference, or the review score ({@code -1} for none)
 * @param id the last row's id, which breaks ties
 */
record QueueCursor(QueueSort sort, String key, UUID id) {

	private static final int MAX_LENGTH = 600;

	String encode() {
		String plain = this.sort.name() + "\n" + this.key + "\n" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** The submission instant of a key, for the sorts by submission. */
	Instant instant() {
		return Instant.parse(this.key);
	}

	/** The review score of a key, -1 for an unscored row, for the sort by score. */
	BigDecimal score() {
		return new BigDecimal(this.key);
	}

	/**
	 * Reads a cursor for the given sort.
	 * @return empty when the value is not a cursor of that sort
	 */
	static Optional<QueueCursor> decode(String value, QueueSort sort) {
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
			String[] parts = plain.split("\n", -1);
			if (parts.length != 3 || !parts[0].equals(sort.name())) {
				return Optional.empty();
			}
			QueueCursor cursor = new QueueCursor(sort, parts[1], UUID.fromString(parts[2]));
			if (sort == QueueSort.SUBMITTED || sort == QueueSort.NEWEST) {
				cursor.instant();
			}
			if (sort == QueueSort.SCORE && !isScoreKey(cursor.score())) {
				return Optional.empty();
			}
			return Optional.of(cursor);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** A score out of 10 with at most two decimals, or -1 for none. */
	private static boolean isScoreKey(BigDecimal key) {
		return key.compareTo(BigDecimal.ONE.negate()) == 0
				|| (key.signum() >= 0 && key.compareTo(BigDecimal.TEN) <= 0 && key.stripTrailingZeros().scale() <= 2);
	}

}
