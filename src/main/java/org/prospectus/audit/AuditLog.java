package org.prospectus.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: every staff change, with who, when (UTC) and what. An event is written
 * in the same transaction as the change it records, so neither exists without the other.
 */
@Service
@NamedInterface("api")
public class AuditLog {

	/** Longest summary stored; longer ones are cut with an ellipsis. */
	static final int SUMMARY_LENGTH = 300;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a change made by the signed-in person, inside the transaction that makes
	 * it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditAction action, String entityType, Long entityId, String summary,
			List<FieldChange> changes) {
		write(currentActor(), action, entityType, entityId, null, summary, changes);
	}

	/**
	 * Records a change made for an institution to a record that has no institution of its
	 * own, such as a staff account's role there: that institution's administrators read
	 * it in their audit log.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAt(long institutionId, AuditAction action, String entityType, Long entityId, String summary,
			List<FieldChange> changes) {
		write(currentActor(), action, entityType, entityId, null, summary, changes, institutionId);
	}

	/**
	 * Records a change to a record whose id is a UUID, such as an application, made by
	 * the signed-in person inside the transaction that makes it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordFor(AuditAction action, String entityType, UUID entityId, String summary,
			List<FieldChange> changes) {
		write(currentActor(), action, entityType, null, entityId, summary, changes);
	}

	/**
	 * Records a change to a record whose id is a UUID made by someone who does not sign
	 * in, such as a payment provider, inside the transaction that makes it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordForAs(String actor, AuditAction action, String entityType, UUID entityId, String summary,
			List<FieldChange> changes) {
		write(actor, action, entityType, null, entityId, summary, changes);
	}

	/**
	 * Records a change under a name other than the signed-in person's, inside the
	 * transaction that makes it: a pseudonym, where the person's address must not be
	 * kept.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String actor, AuditAction action, String entityType, Long entityId, String summary,
			List<FieldChange> changes) {
		write(actor, action, entityType, entityId, null, summary, changes);
	}

	/** Records an event that has no change of its own to join, such as a sign-in. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(String actor, AuditAction action, String summary) {
		write(actor, action, null, null, null, summary, List.of());
	}

	/** Writes an event about the institution of its record, if it has one. */
	private void write(String actor, AuditAction action, String entityType, Long entityId, UUID entityUuid,
			String summary, List<FieldChange> changes) {
		write(actor, action, entityType, entityId, entityUuid, summary, changes, null);
	}

	/**
	 * Writes the event and its changes in one statement, so that auditing costs one round
	 * trip whatever the number of fields; the institution, unless given, is the one of
	 * the record (V23's {@code audit_institution}).
	 */
	private void write(String actor, AuditAction action, String entityType, Long entityId, UUID entityUuid,
			String summary, List<FieldChange> changes, Long institutionId) {
		this.jdbc
			.sql("""
					with event as (
					    insert into audit_event (occurred_at, actor, action, entity_type, entity_id, entity_uuid, summary,
					                             institution_id)
					    values (:at, :actor, :action, :type, :id, :uuid, :summary,
					            coalesce(cast(:institution as bigint), audit_institution(cast(:type as varchar), cast(:id as bigint), cast(:uuid as uuid))))
					    returning id)
					insert into audit_change (event_id, position, field, before_value, after_value)
					select event.id, change.position - 1, change.field, change.before_value, change.after_value
					from event, unnest(cast(:fields as varchar[]), cast(:befores as text[]), cast(:afters as text[]))
					    with ordinality as change (field, before_value, after_value, position)""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("institution", institutionId)
			.param("action", action.name())
			.param("type", entityType)
			.param("id", entityId)
			.param("uuid", entityUuid)
			.param("summary", cut(summary))
			.param("fields", changes.stream().map(FieldChange::field).toArray(String[]::new))
			.param("befores", changes.stream().map(FieldChange::before).toArray(String[]::new))
			.param("afters", changes.stream().map(FieldChange::after).toArray(String[]::new))
			.update();
	}

	/**
	 * Whoever is signed in on this thread as the audit log names them, or "system": for
	 * records that keep who asked, such as a scheduled publication.
	 */
	public static String actor() {
		return currentActor();
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

	private static String cut(String summary) {
		return (summary.length() > SUMMARY_LENGTH) ? summary.substring(0, SUMMARY_LENGTH - 1) + "…" : summary;
	}

	/**
	 * The newest events matching a filter, with their changes, in two queries.
	 * @param filter what to show
	 * @param limit how many at most
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditFilter filter, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_event where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.actor() != null) {
			sql.append(" and actor = :actor");
			params.put("actor", filter.actor().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.action() != null) {
			sql.append(" and action = :action");
			params.put("action", filter.action().name());
		}
		if (filter.entityType() != null) {
			sql.append(" and entity_type = :type");
			params.put("type", filter.entityType());
		}
		if (filter.entityId() != null) {
			sql.append(" and entity_id = :record");
			params.put("record", filter.entityId());
		}
		if (filter.institutions() != null) {
			// An institution's log: its records, and its staff's accounts.
			sql.append(" and (institution_id = any(:reach) or (entity_type = 'staff-user' and institution_id is null"
					+ " and entity_id in (select staff_user_id from account_memberships_for_audit where institution_id = any(:reach))))");
			params.put("reach", filter.institutions().toArray(Long[]::new));
		}
		if (filter.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			sql.append(" and occurred_at < :until");
			params.put("until", Timestamp.from(filter.until()));
		}
		sql.append(" order by occurred_at desc, id desc limit :limit");
		params.put("limit", limit);
		return entries(sql.toString(), params);
	}

	/**
	 * The events of one record with a UUID id, oldest first, with their changes: its
	 * history.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> history(String entityType, UUID entityId, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("type", entityType);
		params.put("uuid", entityId);
		params.put("limit", limit);
		return entries(
				"select " + COLUMNS + " from audit_event "
						+ "where entity_uuid = :uuid and entity_type = :type order by occurred_at, id limit :limit",
				params);
	}

	/** An event's columns, with the zone of the institution it belongs to. */
	private static final String COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, summary,"
			+ " (select i.time_zone from institution_zones_for_audit i where i.id = audit_event.institution_id) as time_zone";

	private List<AuditEntry> entries(String sql, Map<String, Object> params) {
		List<Object[]> rows = this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"),
					(Long) rs.getObject("entity_id", Long.class), rs.getString("summary"),
					(rs.getString("time_zone") != null) ? ZoneId.of(rs.getString("time_zone")) : null })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map((row) -> (Long) row[0]).toList();
		Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
		this.jdbc
			.sql("select event_id, field, before_value, after_value from audit_change where event_id in (:ids) "
					+ "order by event_id, position")
			.param("ids", ids)
			.query((rs) -> {
				changes.computeIfAbsent(rs.getLong("event_id"), (id) -> new ArrayList<>())
					.add(new FieldChange(rs.getString("field"), rs.getString("before_value"),
							rs.getString("after_value")));
			});
		return rows.stream()
			.map((row) -> new AuditEntry((Long) row[0], (Instant) row[1], (String) row[2], (AuditAction) row[3],
					(String) row[4], (Long) row[5], (String) row[6], changes.getOrDefault((Long) row[0], List.of()),
					(ZoneId) row[7]))
			.toList();
	}

}
