package org.prospectus.account;

/** What a single-use account link is for. */
public enum TokenPurpose {

	/** Lets the first administrator set a password. */
	BOOTSTRAP,
	/** Lets an invited member of staff set a password. */
	INVITATION,
	/** Lets someone who forgot their password choose a new one. */
	PASSWORD_RESET

}
