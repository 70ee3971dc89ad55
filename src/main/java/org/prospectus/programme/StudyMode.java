package org.prospectus.programme;

/** Where teaching happens. */
public enum StudyMode {

	CAMPUS, ONLINE, HYBRID;

	/** Message key of the value's label. */
	public String messageKey() {
		return "study-mode." + name();
	}

}
