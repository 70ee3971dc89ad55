package org.prospectus.account;

import java.time.Duration;

/** What a single-use account link is for, and how long it works. */
public enum TokenPurpose {

	/** Lets the first administrator set a password: printed in the log at start-up. */
	BOOTSTRAP(StaffAccounts.LINK_LIFETIME),
	/**
	 * Lets an invited member of staff set a password. E-mailed, and read when the person
	 * next reads their mail, which may be days later.
	 */
	INVITATION(StaffAccounts.INVITATION_LIFETIME),
	/** Lets someone who lost their password choose a new one; short, as any reset. */
	PASSWORD_RESET(StaffAccounts.LINK_LIFETIME);

	private final Duration lifetime;

	TokenPurpose(Duration lifetime) {
		this.lifetime = lifetime;
	}

	/** How long a link for this purpose works after it is issued. */
	public Duration lifetime() {
		return this.lifetime;
	}

}
