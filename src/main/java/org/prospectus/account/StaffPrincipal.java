package org.prospectus.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in member of staff, with the access epoch their account had at sign-in: when
 * it has moved on, their roles, password or standing changed and the session ends.
 */
public class StaffPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final long accessEpoch;

	StaffPrincipal(String email, String passwordHash, Collection<? extends GrantedAuthority> authorities,
			long accessEpoch) {
		super(email, passwordHash, authorities);
		this.accessEpoch = accessEpoch;
	}

	public long accessEpoch() {
		return this.accessEpoch;
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
