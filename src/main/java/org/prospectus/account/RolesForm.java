package org.prospectus.account;

import java.util.Set;

/**
 * A person's roles, with the account version the edit started from.
 *
 * @param roles the roles ticked; none when none is
 */
public record RolesForm(long version, Set<StaffRole> roles) {

	public RolesForm {
		roles = StaffRole.setOf(roles);
	}

	static RolesForm of(StaffUser user) {
		return new RolesForm(user.getVersion(), user.getRoles());
	}

}
