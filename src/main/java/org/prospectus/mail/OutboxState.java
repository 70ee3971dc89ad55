package org.prospectus.mail;

/** Where a message in the outbox stands. Derived from its row, never stored. */
public enum OutboxState {

	/** Written, not tried yet. */
	WAITING,
	/** Tried and failed at least once; tried again after its backoff. */
	RETRYING,
	/** Accepted by the mail server. */
	SENT;

	public String messageKey() {
		return "mail.state." + name();
	}

}
