package org.prospectus.programme;

/** What a tuition amount covers. */
public enum TuitionPeriod {

	PER_YEAR, TOTAL;

	/** Message key of the value's label. */
	public String messageKey() {
		return "tuition-period." + name();
	}

}
