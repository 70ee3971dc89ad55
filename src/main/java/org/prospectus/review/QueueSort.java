package org.prospectus.review;

import java.util.Locale;

/**
 * The orders the admissions queue offers. Each one has an index that gives it directly
 * (V12, V64), and each ends with a unique column, so that a page can start after the last
 * row of the one before (keyset pagination).
 */
public enum QueueSort {

	/** Oldest submission first: who has waited longest. The default. */
	SUBMITTED("submitted", "a.submitted_at, a.id"),
	/** Newest submission first. */
	NEWEST("newest", "a.submitted_at desc, a.id desc"),
	/** By the applicant's name, ignoring case. */
	NAME("name", "lower(a.full_name), a.id"),
	/** By reference, which is unique. */
	REFERENCE("reference", "a.reference"),
	/**
	 * Highest review score first, unscored applications last (V64's score indexes): the
	 * key is the score or -1, which no score is.
	 */
	SCORE("score", "coalesce(a.review_score, -1) desc, a.id");

	private final String parameter;

	private final String orderBy;

	QueueSort(String parameter, String orderBy) {
		this.parameter = parameter;
		this.orderBy = orderBy;
	}

	/** The value of {@code sort=} in the address. */
	public String parameter() {
		return this.parameter;
	}

	String orderBy() {
		return this.orderBy;
	}

	public String messageKey() {
		return "review.queue.sort." + name();
	}

	/** The sort a parameter names, or the default for anything else. */
	static QueueSort fromParameter(String value) {
		if (value != null) {
			String wanted = value.strip().toLowerCase(Locale.ROOT);
			for (QueueSort sort : values()) {
				if (sort.parameter.equals(wanted)) {
					return sort;
				}
			}
		}
		return SUBMITTED;
	}

}
