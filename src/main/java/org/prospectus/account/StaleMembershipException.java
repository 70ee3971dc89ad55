package org.prospectus.account;

import java.util.Set;

/**
 * The person's roles at an institution are no longer those the form showed: somebody
 * changed them since. Nothing was written.
 */
public class StaleMembershipException extends RuntimeException {

	private final Set<StaffRole> saved;

	StaleMembershipException(Set<StaffRole> saved) {
		super("The roles there were changed by someone else", null, false, false);
		this.saved = Set.copyOf(saved);
	}

	/** The roles the person holds there now. */
	public Set<StaffRole> saved() {
		return this.saved;
	}

}
