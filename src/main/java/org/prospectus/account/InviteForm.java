package org.prospectus.account;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Inviting a member of staff: who they are and what they may do.
 *
 * @param roles the roles ticked; none when none is
 * @param institution where the roles hold, or {@code null} for the whole portal, which
 * only the portal's administrator gives
 */
public record InviteForm(
		@NotBlank(message = "{staff.email.required}") @Email(message = "{staff.email.invalid}") @Size(max = 254,
				message = "{staff.email.too-long}") @Nullable String email,
		@NotBlank(message = "{staff.name.required}") @Size(max = 200,
				message = "{staff.name.too-long}") @Nullable String displayName,
		@NotEmpty(message = "{staff.roles.required}") Set<StaffRole> roles, @Nullable Long institution) {

	public InviteForm {
		roles = StaffRole.setOf(roles);
	}

	/** The form as the page first shows it. */
	static InviteForm empty() {
		return new InviteForm(null, null, EnumSet.noneOf(StaffRole.class), null);
	}

}
