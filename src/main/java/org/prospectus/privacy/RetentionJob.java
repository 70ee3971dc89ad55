package org.prospectus.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes personal data when its institution's retention period ends (ADR 0019):
 * <ul>
 * <li>drafts, a number of months after their last change;</li>
 * <li>deadline exceptions for an address that never applied, as many months after the
 * exception ended;</li>
 * <li>submitted applications with their documents, a number of months after their round's
 * start of studies: one period for the admitted, another for everyone else;</li>
 * <li>closed accounts, once no application refers to them;</li>
 * <li>single-use links, sign-in records and mail-request records after 30 days.</li>
 * </ul>
 * Sent e-mail goes on the outbox's own schedule. A run holds a PostgreSQL advisory lock
 * for its transaction, so that instances that start it at the same time run it once; it
 * deletes by what is due, so a second run finds nothing to do.
 */
@Service
@NamedInterface("api")
public class RetentionJob {

	/** How long single-use links and sign-in records are kept. */
	public static final Duration RECORDS = Duration.ofDays(30);

	/** The advisory lock's key: any fixed number no other lock in the portal uses. */
	static final long LOCK = 0x5245_5445_4e54L;

	private static final Log logger = LogFactory.getLog(RetentionJob.class);

	private final JdbcClient jdbc;

	private final Purge purge;

	private final Clock clock;

	private final MeterRegistry meters;

	RetentionJob(JdbcClient jdbc, Purge purge, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.purge = purge;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * The day an application is deleted, as its institution's privacy notice states it:
	 * the start of studies plus the months, in the institution's zone.
	 */
	public static LocalDate purgeDate(Instant studiesStart, ZoneId zone, int months) {
		return studiesStart.atZone(zone).plusMonths(months).toLocalDate();
	}

	/**
	 * Runs once, unless another instance is running it now.
	 * @return what was removed, or {@link Removed#SKIPPED} when another run holds the
	 * lock
	 */
	@Transactional
	public Removed run() {
		boolean mine = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", LOCK)
			.query(Boolean.class)
			.single();
		if (!mine) {
			logger.info("Retention: another instance is running it; skipped");
			return Removed.SKIPPED;
		}
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		List<UUID> drafts = this.jdbc
			.sql("""
					select a.id from application a join application_round r on r.id = a.round_id
					join institution i on i.id = r.institution_id
					where a.status = 'DRAFT' and a.updated_at < cast(:now as timestamptz) - make_interval(months => i.retention_draft_months)""")
			.param("now", at)
			.query(UUID.class)
			.list();
		List<UUID> submitted = this.jdbc
			.sql("""
					select a.id from application a join application_round r on r.id = a.round_id
					join institution i on i.id = r.institution_id
					where a.status <> 'DRAFT'
					  and (r.studies_start_at at time zone i.time_zone) + make_interval(months =>
					      case when a.status = 'ADMITTED' then i.retention_admitted_months
					           else i.retention_unsuccessful_months end) <= (cast(:now as timestamptz) at time zone i.time_zone)""")
			.param("now", at)
			.query(UUID.class)
			.list();
		int documents = this.purge.applications(drafts) + this.purge.applications(submitted);
		int accounts = this.purge.emptyClosedAccounts();
		Timestamp before = Timestamp.from(now.minus(RECORDS));
		int links = this.jdbc.sql(
				"delete from applicant_token where created_at < cast(:before as timestamptz) and expires_at < cast(:now as timestamptz)")
			.param("before", before)
			.param("now", at)
			.update()
				+ this.jdbc.sql(
						"delete from account_token where created_at < cast(:before as timestamptz) and expires_at < cast(:now as timestamptz)")
					.param("before", before)
					.param("now", at)
					.update();
		int signIns = this.jdbc.sql("delete from sign_in_attempt where attempted_at < cast(:before as timestamptz)")
			.param("before", before)
			.update()
				+ this.jdbc.sql("delete from mail_request where requested_at < cast(:before as timestamptz)")
					.param("before", before)
					.update();
		// An exception kept for an address that never applied to its round (issue 25)
		// holds a reason that may be about the person's health: it goes as a draft
		// would, its institution's draft period after the exception ended. One that an
		// application uses goes with that application.
		int exceptions = this.jdbc.sql("""
				delete from deadline_exception e using application_round r, institution i
				where r.id = e.round_id and i.id = r.institution_id
				  and e.until_at < cast(:now as timestamptz) - make_interval(months => i.retention_draft_months)
				  and not exists (select 1 from application a join applicant p on p.id = a.applicant_id
				                  where a.round_id = e.round_id and p.email = e.email)""").param("now", at).update();
		Removed removed = new Removed(false, drafts.size(), submitted.size(), documents, accounts, links, signIns,
				exceptions);
		logger.info("Retention: removed " + removed);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count("drafts", removed.drafts());
				count("applications", removed.applications());
				count("documents", removed.documents());
				count("accounts", removed.accounts());
				count("links", removed.links());
				count("sign_in_records", removed.signIns());
				count("deadline_exceptions", removed.exceptions());
			}
		});
		return removed;
	}

	private void count(String kind, int removed) {
		this.meters.counter("prospectus.retention.removed", "kind", kind).increment(removed);
	}

	/**
	 * What a run removed.
	 *
	 * @param skipped another instance held the lock, and nothing was done
	 * @param drafts unsubmitted applications past their period
	 * @param applications submitted applications past their period
	 * @param documents the documents that went with either
	 * @param accounts closed accounts no application refers to any more
	 * @param links single-use links of applicants and staff
	 * @param signIns sign-in records and mail-request records
	 * @param exceptions deadline exceptions for addresses that never applied
	 */
	public record Removed(boolean skipped, int drafts, int applications, int documents, int accounts, int links,
			int signIns, int exceptions) {

		static final Removed SKIPPED = new Removed(true, 0, 0, 0, 0, 0, 0, 0);

		public int total() {
			return this.drafts + this.applications + this.accounts + this.links + this.signIns + this.exceptions;
		}

		@Override
		public String toString() {
			return this.drafts + " drafts, " + this.applications + " submitted applications, " + this.documents
					+ " documents, " + this.accounts + " closed accounts, " + this.links + " single-use links, "
					+ this.signIns + " sign-in and mail-request records, " + this.exceptions
					+ " deadline exceptions nobody used";
		}

	}

}
