package org.prospectus.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes personal data, for closing, erasure and retention alike. The audit log keeps
 * what happened to an application and drops who it was about: the applicant as actor
 * becomes "applicant #id", and the free text staff typed about them (reasons, messages,
 * document fingerprints) goes, while the statuses and their times stay.
 */
@Component
class Purge {

	/** The audit log's entity type for an applicant's account. */
	static final String APPLICANT_TYPE = "applicant";

	/** The audit fields kept about a deleted application: what happened, not to whom. */
	static final List<String> KEPT_AUDIT_FIELDS = List.of("status", "programme", "documents by");

	private final JdbcClient jdbc;

	Purge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes applications with everything that hangs on them, and pseudonymises the
	 * audit entries about them.
	 * @return how many documents went with them
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int applications(List<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		UUID[] array = ids.toArray(UUID[]::new);
		int documents = this.jdbc.sql("select count(*) from application_document where application_id = any(:ids)")
			.param("ids", array)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					update audit_event e set actor = 'applicant #' || a.applicant_id
					from application a, applicant p
					where e.entity_uuid = a.id and a.id = any(:ids) and p.id = a.applicant_id and e.actor = lower(p.email)""")
			.param("ids", array)
			.update();
		this.jdbc.sql("""
				delete from audit_change c using audit_event e
				where c.event_id = e.id and e.entity_uuid = any(:ids) and c.field <> all(:kept)""")
			.param("ids", array)
			.param("kept", KEPT_AUDIT_FIELDS.toArray(String[]::new))
			.update();
		// The e-mails about these applications name the person; the reference finds them.
		this.jdbc.sql("""
				delete from mail_outbox m using application a
				where a.id = any(:ids) and lower(m.recipient) = lower(a.email)
				  and strpos(m.text_body, a.reference) > 0""").param("ids", array).update();
		// The requests to their referees name the applicant too (issue 30); the referees'
		// own details and what they wrote go with the application's rows.
		this.jdbc.sql("""
				delete from mail_outbox m using reference_request r join application a on a.id = r.application_id
				where a.id = any(:ids) and lower(m.recipient) = lower(r.referee_email)
				  and strpos(m.text_body, a.full_name) > 0""").param("ids", array).update();
		// Staff's leave to submit late, whose reason may say why (an illness, say).
		this.jdbc.sql("""
				delete from deadline_exception e using application a join applicant p on p.id = a.applicant_id
				where a.id = any(:ids) and e.round_id = a.round_id and e.email = p.email""")
			.param("ids", array)
			.update();
		this.jdbc.sql("delete from application where id = any(:ids)").param("ids", array).update();
		return documents;
	}

	/**
	 * Removes what identifies an account: its address, name and password, its links and
	 * sign-in records, and its name in the audit log. The row stays, empty, while
	 * submitted applications refer to it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void account(long applicantId, String email, Instant now) {
		String key = email.toLowerCase(Locale.ROOT);
		this.jdbc
			.sql("""
					update audit_event set actor = 'applicant #' || :id, summary = replace(summary, :email, 'applicant #' || :id)
					where actor = :email or strpos(summary, :email) > 0""")
			.param("id", applicantId)
			.param("email", key)
			.update();
		this.jdbc.sql("delete from sign_in_attempt where account_key = :email").param("email", key).update();
		this.jdbc.sql("delete from mail_request where recipient = :email").param("email", key).update();
		this.jdbc.sql("delete from applicant_token where applicant_id = :id").param("id", applicantId).update();
		this.jdbc.sql("delete from deadline_exception where email = :email").param("email", key).update();
		// Their sessions in the shared store (ADR 0020): the serialized sign-in, and any
		// typed form kept in them, hold the address.
		this.jdbc
			.sql("""
					delete from spring_session s using spring_session_attributes a
					where a.session_primary_id = s.primary_id and position(convert_to(:email, 'UTF8') in a.attribute_bytes) > 0""")
			.param("email", email)
			.update();
		// The portal's copies of mail already sent; a message still waiting goes out.
		this.jdbc.sql("delete from mail_outbox where lower(recipient) = :email and sent_at is not null")
			.param("email", key)
			.update();
		this.jdbc.sql("""
				update applicant set email = 'closed-' || id || '@closed.invalid', full_name = '',
				password_hash = :unusable, enabled = false, access_epoch = access_epoch + 1,
				closed_at = coalesce(closed_at, :now), version = version + 1, updated_at = :now
				where id = :id""")
			.param("id", applicantId)
			.param("unusable", UNUSABLE_PASSWORD)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Deletes a closed account at once when no application refers to it. */
	@Transactional(propagation = Propagation.MANDATORY)
	void deleteIfEmpty(long applicantId) {
		this.jdbc.sql("""
				delete from applicant p where p.id = :id and p.closed_at is not null
				and not exists (select 1 from application a where a.applicant_id = p.id)""")
			.param("id", applicantId)
			.update();
	}

	/**
	 * Deletes closed accounts that no application refers to any more.
	 * @return how many
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int emptyClosedAccounts() {
		return this.jdbc.sql("""
				delete from applicant p where p.closed_at is not null
				and not exists (select 1 from application a where a.applicant_id = p.id)""").update();
	}

	/**
	 * A stored password that no password matches: the Argon2 encoder reads it as a
	 * malformed hash and answers "no match", like any wrong password.
	 */
	static final String UNUSABLE_PASSWORD = "{argon2}closed";

}
