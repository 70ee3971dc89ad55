package org.prospectus.account;

/** What a staff member may do. */
public enum StaffRole {

	/** Everything, including staff accounts and the audit log. */
	ADMIN,
	/** The catalogue: institutions, programmes, courses, offerings, rounds. */
	EDITOR,
	/** Applications and decisions. */
	ADMISSIONS;

	/** The Spring Security authority name. */
	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "staff-role." + name();
	}

}
