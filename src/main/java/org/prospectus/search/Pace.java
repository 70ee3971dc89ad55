package org.prospectus.search;

/** Full-time or part-time, as offered in the search filters. */
public enum Pace {

	FULL_TIME, PART_TIME;

	public String messageKey() {
		return "pace." + name();
	}

}
