package org.prospectus.account;

/** What became of an attempt to set a password through a single-use link. */
public enum SetPasswordOutcome {

	/** The password is set and the link is spent. */
	SET,
	/** The link is unknown, used or expired: nothing changed. */
	LINK_NOT_USABLE,
	/** The password breaks a rule: nothing changed, the link still works. */
	PASSWORD_REJECTED

}
