package org.prospectus.account;

/** Someone changed the account after this edit started; nothing was written. */
public class StaleStaffEditException extends RuntimeException {

	private final StaffUser saved;

	StaleStaffEditException(StaffUser saved) {
		super("The account was changed by someone else", null, false, false);
		this.saved = saved;
	}

	public StaffUser saved() {
		return this.saved;
	}

}
