package org.prospectus.account;

import org.jspecify.annotations.Nullable;

/**
 * A change to staff accounts that the rules forbid, with the message to show and the
 * field to show it beside ({@code null} for the page as a whole).
 */
public class StaffChangeRefusedException extends RuntimeException {

	private final @Nullable String field;

	private final String messageKey;

	StaffChangeRefusedException(@Nullable String field, String messageKey) {
		super(messageKey, null, false, false);
		this.field = field;
		this.messageKey = messageKey;
	}

	public @Nullable String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
