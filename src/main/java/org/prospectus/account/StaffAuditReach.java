package org.prospectus.account;

import java.util.Optional;
import java.util.Set;

import org.prospectus.audit.AuditReach;

import org.springframework.stereotype.Component;

/**
 * The portal's administrators read the whole audit log; an institution's administrators
 * read their institutions' (ADR 0018).
 */
@Component
class StaffAuditReach implements AuditReach {

	@Override
	public Optional<Set<Long>> institutions() {
		StaffScope scope = StaffScope.current();
		return scope.isPortalAdministrator() ? Optional.empty() : Optional.of(scope.institutions(StaffRole.ADMIN));
	}

}
