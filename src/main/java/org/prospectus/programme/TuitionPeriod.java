package org.prospectus.programme;

import org.springframework.modulith.NamedInterface;

/** What a tuition amount covers. */
@NamedInterface("api")
public enum TuitionPeriod {

	PER_YEAR, TOTAL;

	/** Message key of the value's label. */
	public String messageKey() {
		return "tuition-period." + name();
	}

}
