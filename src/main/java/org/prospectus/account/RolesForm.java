package org.prospectus.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * A person's roles, with the account version the edit started from.
 *
 * @param roles the roles ticked; none when none is
 */
public record RolesForm(long version, Set<StaffRole> roles) {

	public RolesForm {
		roles = (roles == null || roles.isEmpty()) ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
	}

	static RolesForm of(StaffUser user) {
		return new RolesForm(user.getVersion(), user.getRoles());
	}

}
