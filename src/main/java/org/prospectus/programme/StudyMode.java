package org.prospectus.programme;

import org.springframework.modulith.NamedInterface;

/** Where teaching happens. */
@NamedInterface("api")
public enum StudyMode {

	CAMPUS, ONLINE, HYBRID;

	/** Message key of the value's label. */
	public String messageKey() {
		return "study-mode." + name();
	}

}
