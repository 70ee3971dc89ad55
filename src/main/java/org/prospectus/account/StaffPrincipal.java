package org.prospectus.account;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in member of staff, with the access epoch their account had at sign-in (when
 * it has moved on, their roles, memberships, password or standing changed and the session
 * ends) and the institutions where each of their roles holds.
 */
public class StaffPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final long accessEpoch;

	private final StaffScope scope;

	StaffPrincipal(String email, String passwordHash, Collection<? extends GrantedAuthority> authorities,
			long accessEpoch, StaffScope scope) {
		super(email, passwordHash, authorities);
		this.accessEpoch = accessEpoch;
		this.scope = scope;
	}

	public long accessEpoch() {
		return this.accessEpoch;
	}

	/**
	 * A member of staff as code acts for them, without a password: for work that runs on
	 * staff's behalf (the demo's reviews) and for tests.
	 * @param everywhere roles that hold at every institution
	 * @param institutions roles that hold at some institutions, with their ids
	 */
	public static StaffPrincipal acting(String email, Set<StaffRole> everywhere,
			Map<StaffRole, Set<Long>> institutions) {
		StaffScope scope = new StaffScope(everywhere, institutions);
		return new StaffPrincipal(email, "", scope.authorities().stream().map(SimpleGrantedAuthority::new).toList(), 0,
				scope);
	}

	/** An authenticated token for {@link #acting}. */
	public static Authentication authentication(StaffPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	/** Where this person may act, role by role. */
	public StaffScope scope() {
		return this.scope;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
