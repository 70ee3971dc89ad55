package org.prospectus.account;

import java.util.EnumSet;
import java.util.Set;

/** A person's roles, with the account version the edit started from. */
public class RolesForm {

	private long version;

	private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

	static RolesForm of(StaffUser user) {
		RolesForm form = new RolesForm();
		form.version = user.getVersion();
		form.roles = user.getRoles().isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(user.getRoles());
		return form;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public Set<StaffRole> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<StaffRole> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(StaffRole.class);
	}

}
