package org.prospectus.account;

import java.util.function.Supplier;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Work that runs later on a member of staff's behalf, such as a publication they
 * scheduled, with the roles and memberships they hold when it runs rather than those they
 * held when they asked: someone whose account was disabled, or who no longer edits the
 * institution, publishes nothing.
 */
@Component
@NamedInterface("api")
public class StaffActing {

	private final StaffUserDetailsService details;

	StaffActing(StaffUserRepository users, StaffMemberships memberships, StaffAccounts accounts) {
		this.details = new StaffUserDetailsService(users, memberships, accounts);
	}

	/**
	 * Runs the work signed in as the member of staff, then restores whoever was signed in
	 * on this thread.
	 * @throws StaffActingRefusedException when they have no usable account any more
	 */
	public <T> T as(String email, Supplier<T> work) {
		StaffPrincipal principal;
		try {
			principal = (StaffPrincipal) this.details.loadUserByUsername(email);
		}
		catch (UsernameNotFoundException ex) {
			throw new StaffActingRefusedException(email);
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(StaffPrincipal.authentication(principal));
		SecurityContextHolder.setContext(acting);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The member of staff has no enabled account with a password any more. */
	@NamedInterface("api")
	public static class StaffActingRefusedException extends RuntimeException {

		StaffActingRefusedException(String email) {
			super(email + " has no usable staff account", null, false, false);
		}

	}

}
