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
