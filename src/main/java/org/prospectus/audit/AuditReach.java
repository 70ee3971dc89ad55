package org.prospectus.audit;

import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Whose audit log the signed-in person may read: the whole portal's, or their
 * institutions'. Implemented where staff scopes are known (the account module), so that
 * the audit log does not depend on it.
 */
@FunctionalInterface
@NamedInterface("api")
public interface AuditReach {

	/** The institutions whose log they read, or empty for the whole portal's. */
	Optional<Set<Long>> institutions();

}
