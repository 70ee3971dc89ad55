package org.prospectus.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses a sign-in while its account or address is throttled, before the password is
 * even checked, with the same exception a wrong password gives. A sign-in whose password
 * could not be checked in time ends in {@link SignInBusyException}.
 */
@NamedInterface("api")
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private static final Log logger = LogFactory.getLog(ThrottlingAuthenticationProvider.class);

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	private final SignInThrottle.Audience audience;

	/**
	 * @param audience whose accounts the delegate signs in, and whose counts apply
	 */
	public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle,
			SignInThrottle.Audience audience) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.audience = audience;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = SignInThrottle.accountKey(authentication.getName());
		if (this.throttle.isBlocked(this.audience, account, address(authentication))) {
			throw new BadCredentialsException("Throttled");
		}
		try {
			return this.delegate.authenticate(authentication);
		}
		catch (PasswordHashingBusyException ex) {
			// No failure event follows (the publisher maps only known exceptions), so the
			// throttle does not count it: the password was never checked.
			logger.warn("Sign-in for " + account + " could not be checked in time: " + ex.getMessage());
			throw new SignInBusyException(ex);
		}
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
