package org.prospectus.decisions;

/** Whether one condition of an offer is met, as admissions staff recorded it. */
public enum ConditionState {

	PENDING, MET, NOT_MET;

	public String messageKey() {
		return "offer.condition." + name();
	}

}
