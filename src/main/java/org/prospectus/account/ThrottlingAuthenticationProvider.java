package org.prospectus.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses a sign-in while its account or address is throttled, before the password is
 * even checked, with the same exception a wrong password gives.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	private final String keyPrefix;

	private final int addressLimit;

	ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this(delegate, throttle, "", SignInThrottle.ADDRESS_LIMIT);
	}

	/**
	 * @param keyPrefix put before each account key, so that audiences with their own
	 * accounts are counted apart
	 * @param addressLimit failures from one address before it is refused
	 */
	public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, String keyPrefix,
			int addressLimit) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.keyPrefix = keyPrefix;
		this.addressLimit = addressLimit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = SignInThrottle.accountKey(this.keyPrefix + authentication.getName());
		if (this.throttle.isBlocked(account, address(authentication), this.addressLimit)) {
			throw new BadCredentialsException("Throttled");
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	public static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			return SignInThrottle.addressKey(details.getRemoteAddress());
		}
		return SignInThrottle.addressKey(null);
	}

}
