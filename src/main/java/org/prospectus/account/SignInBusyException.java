package org.prospectus.account;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A sign-in that could not check the password in time because hashing was too far behind.
 * It is not a failed attempt: the throttle does not count it, and the sign-in page asks
 * the person to try again.
 */
@NamedInterface("api")
public class SignInBusyException extends AuthenticationServiceException {

	private static final long serialVersionUID = 1L;

	public SignInBusyException(PasswordHashingBusyException cause) {
		super(cause.getMessage(), cause);
	}

}
