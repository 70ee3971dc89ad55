package org.prospectus.staging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Staged changes scheduled to go live at an instant, one schedule per entry. When it
 * comes, {@link #publishDue()} takes the schedule's row with {@code for update skip
 * locked}, has the entry's {@link ScheduledPublisher} publish and deletes the row in one
 * transaction: with several instances running, each schedule fires once, and the
 * catalogue's version (so the page cache and the ETags) moves as that transaction
 * commits, never before. A schedule that cannot be carried out stays, marked with the
 * reason, until staff cancel it or schedule again.
 */
@Component
@NamedInterface("api")
public class ScheduledPublications {

	private static final Log logger = LogFactory.getLog(ScheduledPublications.class);

	/** At most this many schedules a run, so that one failing run cannot loop. */
	private static final int RUN_LIMIT = 100;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	/** Looked up when a schedule fires: the publishers' modules use this class too. */
	private final ObjectProvider<ScheduledPublisher> publishers;

	private final TransactionTemplate transactions;

	ScheduledPublications(JdbcClient jdbc, AuditLog auditLog, Clock clock,
			ObjectProvider<ScheduledPublisher> publishers, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.publishers = publishers;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The entry's schedule, if it has one. */
	@Transactional(readOnly = true)
	public Optional<Schedule> find(String entityType, long entityId) {
		return this.jdbc.sql("""
				select publish_at, scheduled_by, scheduled_at, failed_at, failure from scheduled_publication
				where entity_type = :type and entity_id = :id""")
			.param("type", entityType)
			.param("id", entityId)
			.query((rs, n) -> new Schedule(rs.getTimestamp("publish_at").toInstant(), rs.getString("scheduled_by"),
					rs.getTimestamp("scheduled_at").toInstant(), instant(rs.getTimestamp("failed_at")),
					rs.getString("failure")))
			.optional();
	}

	/**
	 * Schedules the entry's staged changes to go live at the time typed on the form, in
	 * the institution's zone, for the signed-in member of staff; a schedule that failed
	 * is replaced. Each reason it cannot beside the form's field: a time that has passed
	 * or that the clocks skip, nothing staged, a schedule already there.
	 * @param hasChanges whether publishing the entry now would change anything
	 * @param what the entry as the audit log names it, such as "the round Autumn 2028 of
	 * KTH"
	 * @return whether it was scheduled
	 */
	@Transactional
	public boolean schedule(String entityType, long entityId, long institutionId, ZoneId zone, ScheduleForm form,
			boolean hasChanges, String what, Errors errors) {
		Instant publishAt = form.publishAt(zone, this.clock.instant(), errors);
		if (publishAt == null) {
			return false;
		}
		if (!hasChanges) {
			errors.rejectValue("publishAt", "schedule.nothing");
			return false;
		}
		// One row an entry: a concurrent second schedule waits on the unique key, then
		// finds this one and writes nothing.
		int written = this.jdbc.sql("""
				insert into scheduled_publication
				    (entity_type, entity_id, institution_id, publish_at, scheduled_by, scheduled_at)
				values (:type, :id, :institution, :at, :by, :now)
				on conflict (entity_type, entity_id) do update
				   set publish_at = excluded.publish_at, scheduled_by = excluded.scheduled_by,
				       scheduled_at = excluded.scheduled_at, failed_at = null, failure = null
				 where scheduled_publication.failed_at is not null""")
			.param("type", entityType)
			.param("id", entityId)
			.param("institution", institutionId)
			.param("at", Timestamp.from(publishAt))
			.param("by", AuditLog.actor())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (written == 0) {
			errors.rejectValue("publishAt", "schedule.taken");
			return false;
		}
		this.auditLog.record(AuditAction.SCHEDULE, entityType, entityId,
				"Scheduled the changes to " + what + " to go live",
				List.of(new FieldChange("schedule.publish-at", null, local(publishAt, zone))));
		return true;
	}

	/**
	 * Cancels the entry's schedule, if it has one.
	 * @param why the reason the audit log gives, such as "cancelled by hand"
	 * @return whether there was one
	 */
	@Transactional
	public boolean cancel(String entityType, long entityId, ZoneId zone, String what, String why) {
		Optional<Instant> at = this.jdbc.sql("""
				delete from scheduled_publication where entity_type = :type and entity_id = :id
				returning publish_at""")
			.param("type", entityType)
			.param("id", entityId)
			.query((rs, n) -> rs.getTimestamp("publish_at").toInstant())
			.optional();
		at.ifPresent((instant) -> this.auditLog.record(AuditAction.UNSCHEDULE, entityType, entityId,
				"Cancelled the scheduled publication of " + what + ": " + why,
				List.of(new FieldChange("schedule.publish-at", local(instant, zone), null))));
		return at.isPresent();
	}

	/**
	 * Publishes every schedule that has come due, one transaction each, and marks those
	 * that cannot be carried out.
	 * @return how many were taken, published or not
	 */
	public int publishDue() {
		int taken = 0;
		while (taken < RUN_LIMIT && publishNext()) {
			taken++;
		}
		return taken;
	}

	private boolean publishNext() {
		Due[] taken = new Due[1];
		try {
			Boolean found = this.transactions.execute((status) -> {
				Optional<Due> due = this.jdbc.sql("""
						select id, entity_type, entity_id, publish_at, scheduled_by from scheduled_publication
						where failed_at is null and publish_at <= :now
						order by publish_at, id
						limit 1
						for update skip locked""")
					.param("now", Timestamp.from(this.clock.instant()))
					.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("entity_type"), rs.getLong("entity_id"),
							rs.getTimestamp("publish_at").toInstant(), rs.getString("scheduled_by")))
					.optional();
				if (due.isEmpty()) {
					return false;
				}
				taken[0] = due.get();
				ScheduledPublisher publisher = this.publishers.stream()
					.filter((candidate) -> candidate.entityType().equals(due.get().entityType()))
					.findFirst()
					.orElse(null);
				if (publisher == null) {
					throw new ScheduledPublisher.ScheduleRefusedException("schedule.failure.unknown");
				}
				publisher.publishScheduled(due.get().entityId(), due.get().scheduledBy());
				this.jdbc.sql("delete from scheduled_publication where id = :id").param("id", due.get().id()).update();
				return true;
			});
			return Boolean.TRUE.equals(found);
		}
		catch (RuntimeException ex) {
			if (taken[0] == null) {
				throw ex;
			}
			String reason = (ex instanceof ScheduledPublisher.ScheduleRefusedException refused) ? refused.reason()
					: "schedule.failure.error";
			if (!(ex instanceof ScheduledPublisher.ScheduleRefusedException)) {
				logger.error("The publication scheduled for " + taken[0].entityType() + " " + taken[0].entityId()
						+ " failed", ex);
			}
			markFailed(taken[0], reason);
			return true;
		}
	}

	private void markFailed(Due due, String reason) {
		this.transactions.executeWithoutResult((status) -> {
			int marked = this.jdbc.sql("""
					update scheduled_publication set failed_at = :now, failure = :reason
					where id = :id and publish_at = :at and failed_at is null""")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("reason", reason)
				.param("id", due.id())
				.param("at", Timestamp.from(due.publishAt()))
				.update();
			if (marked > 0) {
				this.auditLog.record(AuditAction.SCHEDULE_FAILED, due.entityType(), due.entityId(),
						"The publication scheduled by " + due.scheduledBy() + " was not carried out ("
								+ reason.substring(reason.lastIndexOf('.') + 1) + ")",
						List.of());
			}
		});
	}

	/** An instant as staff type it in the zone, with the zone named. */
	private static String local(Instant instant, ZoneId zone) {
		return LOCAL.format(instant.atZone(zone)) + " " + zone.getId();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An entry's schedule.
	 *
	 * @param publishAt when its changes go live
	 * @param scheduledBy who scheduled it
	 * @param scheduledAt when they did
	 * @param failedAt when it could not be carried out, or {@code null}
	 * @param failure the message key that says why, or {@code null}
	 */
	public record Schedule(Instant publishAt, String scheduledBy, Instant scheduledAt, @Nullable Instant failedAt,
			@Nullable String failure) {

		public boolean isFailed() {
			return this.failedAt != null;
		}

	}

	private record Due(long id, String entityType, long entityId, Instant publishAt, String scheduledBy) {

	}

}
