package org.prospectus.intake;

import org.springframework.modulith.NamedInterface;

/**
 * Where an application round stands at an instant. Derived from the clock, never stored.
 */
@NamedInterface("api")
public enum RoundState {

	/** Applications have not opened yet. */
	UPCOMING,
	/** Applications are accepted, up to and including the deadline's second. */
	OPEN,
	/** The deadline has passed; results are not out yet. */
	CLOSED,
	/** The notification date has come: results are out. */
	RESULTS_PUBLISHED;

	public String messageKey() {
		return "round.state." + name();
	}

}
