package org.prospectus.applications;

/** Whether the application fee stands in the way of submitting. */
public enum FeeStatus {

	/** Citizenship exempts the applicant, as the institution says. */
	EXEMPT,
	/** A receipt shows the fee is paid. */
	PAID,
	/** The fee must be paid, and the receipt uploaded, before submitting. */
	DUE,
	/** None of the programmes applied to charges an application fee. */
	NONE;

	public String messageKey() {
		return "application.fee." + name();
	}

}
