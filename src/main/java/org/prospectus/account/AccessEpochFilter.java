package org.prospectus.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session when the account it signed in changed since: disabled, roles changed or
 * a new password. Sessions live in each instance's servlet container (ADR 0008), so the
 * instance that makes the change cannot reach the sessions of the others; instead every
 * instance compares the access epoch the principal was signed in with to the account's,
 * one indexed lookup per signed-in request, and sends the person to sign in again when
 * they differ. Staff and applicants each have a subclass for their own accounts.
 *
 * @param <P> the principal type this filter looks after; other principals pass
 */
@NamedInterface("api")
public abstract class AccessEpochFilter<P> extends OncePerRequestFilter {

	private final Class<P> principalType;

	private final String signInUrl;

	/**
	 * @param principalType the principals to check
	 * @param signInUrl where a person whose session ended goes
	 */
	protected AccessEpochFilter(Class<P> principalType, String signInUrl) {
		this.principalType = principalType;
		this.signInUrl = signInUrl;
	}

	/** The account's epoch now, or {@code null} when it is gone or disabled. */
	protected abstract @Nullable Long currentEpoch(P principal);

	/** The epoch the principal signed in with. */
	protected abstract long signedInEpoch(P principal);

	/** Forgets the sign-in; the rest of the session is the subclass's to decide. */
	protected abstract void endSignIn(HttpServletRequest request);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && this.principalType.isInstance(authentication.getPrincipal())) {
			P principal = this.principalType.cast(authentication.getPrincipal());
			Long epoch = currentEpoch(principal);
			if (epoch == null || epoch != signedInEpoch(principal)) {
				SecurityContextHolder.clearContext();
				endSignIn(request);
				response.sendRedirect(request.getContextPath() + this.signInUrl);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
