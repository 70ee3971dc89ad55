package org.prospectus.audit;

import java.time.Instant;

/**
 * What the audit log page shows; every field is optional.
 *
 * @param actor who acted
 * @param action what kind of change
 * @param entityType what kind of record
 * @param from from this instant
 * @param until before this instant
 */
public record AuditFilter(String actor, AuditAction action, String entityType, Instant from, Instant until) {

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}

}
