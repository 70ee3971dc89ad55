package org.prospectus.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Password hashing is so far behind that this request would wait longer than
 * {@code prospectus.passwords.max-wait}, or more requests wait than its queue holds. A
 * last resort, sized never to happen in a surge (ADR 0028): a sign-in shows the sign-in
 * page with "try again"; anything else that hashes a password shows the 503 page.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PasswordHashingBusyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PasswordHashingBusyException(String message) {
		super(message);
	}

}
