package org.prospectus.applications;

import org.springframework.modulith.NamedInterface;

/** Whether the application fee stands in the way of submitting. */
@NamedInterface("api")
public enum FeeStatus {

	/** Citizenship exempts the applicant, as the institution says. */
	EXEMPT,
	/**
	 * The fee is paid: staff checked the receipt, or the payment provider said so.
	 */
	PAID,
	/**
	 * The fee must be paid, and the receipt uploaded, before submitting; also after staff
	 * refused a receipt.
	 */
	DUE,
	/** None of the programmes applied to charges an application fee. */
	NONE,
	/**
	 * A receipt is uploaded and staff have not checked it yet. Submitting waits for the
	 * check only where the institution says so.
	 */
	RECEIPT_RECEIVED;

	public String messageKey() {
		return "application.fee." + name();
	}

}
