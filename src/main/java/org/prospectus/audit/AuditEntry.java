package org.prospectus.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One audit event as the audit log page shows it.
 *
 * @param id its id
 * @param occurredAt when, as an instant
 * @param actor who: a staff e-mail address, or "system"
 * @param action what kind of change
 * @param entityType the kind of record changed, if any
 * @param entityId the record's id, if any
 * @param summary a one-line description
 * @param changes the fields that changed, with values before and after
 * @param zone the time zone of the institution the event belongs to, if it belongs to
 * one: the zone its staff read their other dates in
 */
@NamedInterface("api")
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
		Long entityId, String summary, List<FieldChange> changes, @Nullable ZoneId zone) {

}
