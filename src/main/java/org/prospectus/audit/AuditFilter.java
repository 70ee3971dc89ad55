package org.prospectus.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What the audit log page shows; every field is optional.
 *
 * @param actor who acted
 * @param action what kind of change
 * @param entityType what kind of record
 * @param from from this instant
 * @param until before this instant
 * @param institutions only these institutions' records and staff, or {@code null} for the
 * whole portal's log
 * @param entityId one record of the entity type: its history
 */
public record AuditFilter(String actor, AuditAction action, String entityType, Instant from, Instant until,
		Set<Long> institutions, Long entityId) {

	/** A filter on the whole portal's log. */
	public AuditFilter(String actor, AuditAction action, String entityType, Instant from, Instant until) {
		this(actor, action, entityType, from, until, null, null);
	}

	/** The same filter, on one record's history. */
	public AuditFilter of(Long entityId) {
		return new AuditFilter(this.actor, this.action, this.entityType, this.from, this.until, this.institutions,
				entityId);
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}

	/** The same filter, on the log of these institutions only. */
	public AuditFilter within(Set<Long> institutions) {
		return new AuditFilter(this.actor, this.action, this.entityType, this.from, this.until, institutions,
				this.entityId);
	}

}
