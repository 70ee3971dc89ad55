package org.prospectus.search;

import org.prospectus.programme.Programme;

/** Programme length as offered in the search filters. */
public enum DurationBand {

	/** Up to one year. */
	UP_TO_ONE_YEAR(1, 12),
	/** More than one year, up to two. */
	UP_TO_TWO_YEARS(13, 24),
	/** More than two years. */
	LONGER(25, Integer.MAX_VALUE);

	private final int minMonths;

	private final int maxMonths;

	DurationBand(int minMonths, int maxMonths) {
		this.minMonths = minMonths;
		this.maxMonths = maxMonths;
	}

	/** The band a programme of this many months is in. */
	static DurationBand of(int months) {
		for (DurationBand band : values()) {
			if (months <= band.maxMonths) {
				return band;
			}
		}
		return LONGER;
	}

	int minMonths() {
		return this.minMonths;
	}

	int maxMonths() {
		return this.maxMonths;
	}

	public String messageKey() {
		return "duration-band." + name();
	}

}
