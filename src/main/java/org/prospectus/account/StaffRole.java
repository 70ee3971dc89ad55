package org.prospectus.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/** What a staff member may do. */
@NamedInterface("api")
public enum StaffRole {

	/** Everything, including staff accounts and the audit log. */
	ADMIN,
	/** The catalogue: institutions, programmes, courses, offerings, rounds. */
	EDITOR,
	/** Applications and decisions. */
	ADMISSIONS,
	/**
	 * Reads and scores the applications assigned to them, and sees nothing else of the
	 * admissions area.
	 */
	READER;

	/**
	 * A set of its own of the roles given, none for none: {@link EnumSet#copyOf} refuses
	 * an empty collection that is not an {@code EnumSet}.
	 */
	public static Set<StaffRole> setOf(@Nullable Collection<StaffRole> roles) {
		return (roles == null || roles.isEmpty()) ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
	}

	/** The Spring Security authority name. */
	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "staff-role." + name();
	}

}
