package org.prospectus.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request (ADR 0019): an institution's administrator deletes an applicant's
 * applications to their institutions now, whatever their retention date, with the reason
 * in the audit log. When no other institution holds an application of theirs, the account
 * goes too, and nothing of the person is left.
 */
@Service
public class ApplicantErasure {

	private final JdbcClient jdbc;

	private final AdmissionsReach reach;

	private final Purge purge;

	private final AuditLog auditLog;

	private final Clock clock;

	ApplicantErasure(JdbcClient jdbc, AdmissionsReach reach, Purge purge, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.reach = reach;
		this.purge = purge;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * What erasing from this application would delete, if the signed-in member of staff
	 * may see it; empty when they may not, which the page answers with 404.
	 */
	@Transactional(readOnly = true)
	public Optional<Plan> plan(UUID applicationId) {
		Map<String, Object> params = new HashMap<>();
		String visible = this.reach.current().visible(params);
		params.put("id", applicationId);
		Optional<Long> applicant = this.jdbc
			.sql("select a.applicant_id from application a where a.id = :id and a.status <> 'DRAFT' and " + visible)
			.params(params)
			.query(Long.class)
			.optional();
		if (applicant.isEmpty()) {
			return Optional.empty();
		}
		// Another institution's applications are counted, never read: their reference,
		// round and institution are that institution's to know (ADR 0019).
		StaffScope scope = StaffScope.current();
		List<Held> erasable = new ArrayList<>();
		int[] elsewhere = { 0 };
		this.jdbc.sql("""
				select a.id, a.reference, r.name as round, i.id as institution_id, i.name as institution
				from application a join application_round r on r.id = a.round_id
				join institution i on i.id = r.institution_id
				where a.applicant_id = :applicant order by a.created_at, a.id""")
			.param("applicant", applicant.get())
			.query((rs) -> {
				if (scope.covers(StaffRole.ADMIN, rs.getLong("institution_id"))) {
					erasable.add(new Held(rs.getObject("id", UUID.class), rs.getString("reference"),
							rs.getString("round"), rs.getString("institution")));
				}
				else {
					elsewhere[0]++;
				}
			});
		return Optional.of(new Plan(applicationId, applicant.get(), List.copyOf(erasable), elsewhere[0]));
	}

	/**
	 * Erases what {@link #plan} lists as erasable.
	 * @return the plan that was carried out, or empty when the application is not the
	 * signed-in administrator's to see
	 * @throws org.springframework.security.access.AccessDeniedException when they may see
	 * it but administer none of the institutions that hold the applicant's applications
	 */
	@Transactional
	public Optional<Plan> erase(UUID applicationId, String reason) {
		Optional<Plan> found = plan(applicationId);
		if (found.isEmpty()) {
			return found;
		}
		Plan plan = found.get();
		if (!plan.allowed()) {
			throw new AccessDeniedException("Not an administrator there");
		}
		String email = this.jdbc.sql("select email from applicant where id = :id for update")
			.param("id", plan.applicantId())
			.query(String.class)
			.single();
		List<UUID> erased = plan.erasable().stream().map(Held::id).toList();
		int documents = this.purge.applications(erased);
		boolean accountGone = plan.heldElsewhere() == 0;
		if (accountGone) {
			this.purge.account(plan.applicantId(), email, this.clock.instant());
			this.jdbc.sql("delete from mail_outbox where lower(recipient) = lower(:email)")
				.param("email", email)
				.update();
			this.purge.deleteIfEmpty(plan.applicantId());
		}
		String references = String.join(", ", plan.erasable().stream().map(Held::reference).toList());
		this.auditLog.record(AuditAction.ERASE, Purge.APPLICANT_TYPE, plan.applicantId(),
				"Erased on request: " + erased.size() + " applications (" + references + "), " + documents
						+ " documents" + (accountGone ? ", and the account" : ""),
				List.of(new FieldChange("reason", null, reason.strip())));
		return found;
	}

	/**
	 * What an erasure would do.
	 *
	 * @param applicationId the application it was asked from
	 * @param applicantId whose applications they are
	 * @param erasable the applicant's applications at institutions this administrator
	 * administers
	 * @param heldElsewhere how many other institutions' applications stay, with the
	 * account; nothing else of them
	 */
	public record Plan(UUID applicationId, long applicantId, List<Held> erasable, int heldElsewhere) {

		public boolean allowed() {
			return !this.erasable.isEmpty();
		}

	}

	/** One of the applicant's applications that this administrator may erase. */
	public record Held(UUID id, String reference, String round, String institution) {

	}

}
