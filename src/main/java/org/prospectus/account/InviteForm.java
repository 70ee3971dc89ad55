package org.prospectus.account;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Inviting a member of staff: who they are and what they may do. */
public class InviteForm {

	@NotBlank(message = "{staff.email.required}")
	@Email(message = "{staff.email.invalid}")
	@Size(max = 254, message = "{staff.email.too-long}")
	private String email;

	@NotBlank(message = "{staff.name.required}")
	@Size(max = 200, message = "{staff.name.too-long}")
	private String displayName;

	@NotEmpty(message = "{staff.roles.required}")
	private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Set<StaffRole> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<StaffRole> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(StaffRole.class);
	}

}
