package org.prospectus.decisions;

import org.springframework.modulith.NamedInterface;

/** Whether one condition of an offer is met, as admissions staff recorded it. */
@NamedInterface("api")
public enum ConditionState {

	PENDING, MET, NOT_MET;

	public String messageKey() {
		return "offer.condition." + name();
	}

}
