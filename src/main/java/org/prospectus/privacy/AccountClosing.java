package org.prospectus.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant closes their account. Sign-in stops at once, drafts go at once, and
 * submitted applications stay with their institutions until their retention date, when
 * the retention job deletes them and then the emptied account.
 */
@Service
public class AccountClosing {

	private final JdbcClient jdbc;

	private final Purge purge;

	private final AuditLog auditLog;

	private final Clock clock;

	AccountClosing(JdbcClient jdbc, Purge purge, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.purge = purge;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What closing would do, for the page that asks the applicant to confirm. */
	@Transactional(readOnly = true)
	public Preview preview(long applicantId) {
		int drafts = this.jdbc.sql("select count(*) from application where applicant_id = :id and status = 'DRAFT'")
			.param("id", applicantId)
			.query(Integer.class)
			.single();
		List<Kept> kept = this.jdbc.sql("""
				select a.reference, r.name as round, i.name as institution, i.time_zone, r.studies_start_at,
				       i.retention_unsuccessful_months, i.retention_admitted_months
				from application a join application_round r on r.id = a.round_id
				join institution i on i.id = r.institution_id
				where a.applicant_id = :id and a.status <> 'DRAFT' order by a.submitted_at, a.id""")
			.param("id", applicantId)
			.query((rs, n) -> {
				ZoneId zone = ZoneId.of(rs.getString("time_zone"));
				Instant start = rs.getTimestamp("studies_start_at").toInstant();
				return new Kept(rs.getString("reference"), rs.getString("round"), rs.getString("institution"),
						RetentionJob.purgeDate(start, zone, rs.getInt("retention_unsuccessful_months")),
						RetentionJob.purgeDate(start, zone, rs.getInt("retention_admitted_months")));
			})
			.list();
		return new Preview(drafts, kept);
	}

	/**
	 * Closes the account: its address, name, password, links and sign-in records go now,
	 * with every draft and its documents.
	 * @return how many drafts were deleted
	 */
	@Transactional
	public int close(long applicantId) {
		String email = this.jdbc.sql("select email from applicant where id = :id and closed_at is null for update")
			.param("id", applicantId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (email == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<UUID> drafts = this.jdbc
			.sql("select id from application where applicant_id = :id and status = 'DRAFT' for update")
			.param("id", applicantId)
			.query(UUID.class)
			.list();
		this.purge.applications(drafts);
		this.purge.account(applicantId, email, now);
		// The actor is the pseudonym: the address is gone from the audit log as well.
		this.auditLog.recordAs("applicant #" + applicantId, AuditAction.CLOSE_ACCOUNT, Purge.APPLICANT_TYPE,
				applicantId, "Closed their account; " + drafts.size() + " drafts deleted", List.of());
		this.purge.deleteIfEmpty(applicantId);
		return drafts.size();
	}

	/** What closing deletes now, and what it keeps until when. */
	public record Preview(int drafts, List<Kept> kept) {

	}

	/**
	 * A submitted application that stays after closing, and the day it is deleted on
	 * either outcome.
	 */
	public record Kept(String reference, String round, String institution, LocalDate deletedIfNotAdmitted,
			LocalDate deletedIfAdmitted) {

	}

}
