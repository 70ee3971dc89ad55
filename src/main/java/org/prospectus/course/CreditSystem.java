package org.prospectus.course;

import org.springframework.modulith.NamedInterface;

/** The credit system a programme or course counts in. */
@NamedInterface("api")
public enum CreditSystem {

	ECTS, UK_CREDITS, US_CREDITS;

	/** Message key of the value's label. */
	public String messageKey() {
		return "credit-system." + name();
	}

}
