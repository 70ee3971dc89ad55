package org.prospectus.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submitted applications written straight into the tables, as submission leaves them, so
 * that a test can have one or twenty thousand in a moment. Not a bean.
 */
public final class ReviewData {

	private final JdbcClient jdbc;

	public ReviewData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What one application looks like; change what a test is about. */
	public static final class Spec {

		public String reference;

		public String name = "Ada Lovelace";

		public String email;

		public long round;

		public ApplicationStatus status = ApplicationStatus.SUBMITTED;

		public FeeStatus fee = FeeStatus.EXEMPT;

		public String citizenship = "SE";

		public boolean missingDocuments;

		public Instant submittedAt = Instant.parse("2026-11-01T10:00:00Z");

		public Long decisionProgramme;

		public List<Long> choices = List.of();

		public Spec(String reference, long round) {
			this.reference = reference;
			this.round = round;
			this.email = reference.toLowerCase() + "@example.org";
		}

	}

	public UUID submitted(Spec spec) {
		long applicant = this.jdbc
			.sql("insert into applicant (email, full_name, password_hash) values (:email, :name, 'x') returning id")
			.param("email", spec.email)
			.param("name", spec.name)
			.query(Long.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into application (id, reference, applicant_id, round_id, status, full_name, email,
				    citizenship_country, fee_status, submitted_at, status_changed_at, first_choice_programme_id,
				    missing_documents, decision_programme_id, snapshot)
				values (:id, :reference, :applicant, :round, :status, :name, :email, :citizenship, :fee, :at, :at,
				    :first, :missing, :decision, '{}'::jsonb)""")
			.param("id", id)
			.param("reference", spec.reference)
			.param("applicant", applicant)
			.param("round", spec.round)
			.param("status", spec.status.name())
			.param("name", spec.name)
			.param("email", spec.email)
			.param("citizenship", spec.citizenship)
			.param("fee", (spec.fee != null) ? spec.fee.name() : null)
			.param("at", Timestamp.from(spec.submittedAt))
			.param("first", spec.choices.isEmpty() ? null : spec.choices.get(0))
			.param("missing", spec.missingDocuments)
			.param("decision", spec.decisionProgramme)
			.update();
		for (int rank = 0; rank < spec.choices.size(); rank++) {
			this.jdbc.sql(
					"insert into application_choice (application_id, rank, programme_id) values (:id, :rank, :programme)")
				.param("id", id)
				.param("rank", rank + 1)
				.param("programme", spec.choices.get(rank))
				.update();
		}
		return id;
	}

	/** A draft: started, never submitted. */
	public UUID draft(String reference, long round) {
		long applicant = this.jdbc
			.sql("insert into applicant (email, full_name, password_hash) values (:email, 'Drafty', 'x') returning id")
			.param("email", reference.toLowerCase() + "@example.org")
			.query(Long.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into application (id, reference, applicant_id, round_id, full_name) "
					+ "values (:id, :reference, :applicant, :round, 'Drafty Draft')")
			.param("id", id)
			.param("reference", reference)
			.param("applicant", applicant)
			.param("round", round)
			.update();
		return id;
	}

	/**
	 * {@code count} submitted applications in three statements, spread over the rounds
	 * and programmes given, statuses, fee statuses, 20 citizenships and a minute apart;
	 * every tenth misses documents, each ranks two programmes. References are
	 * {@code G0000001}, names {@code Name <md5>}. Every sixth has no review score yet and
	 * two reads to come; the others have one of nine scores from 0 to 10 (so many share
	 * one), every fourth of them a read to come, every thirteenth reads that disagree.
	 */
	public void generate(int count, List<Long> rounds, List<Long> programmes) {
		this.jdbc.sql("""
				insert into applicant (email, full_name, password_hash)
				select 'gen' || i || '@example.org', 'Gen ' || i, 'x' from generate_series(1, :count) i""")
			.param("count", count)
			.update();
		this.jdbc
			.sql("""
					insert into application (id, reference, applicant_id, round_id, status, full_name, email,
					    citizenship_country, fee_status, submitted_at, status_changed_at, first_choice_programme_id,
					    missing_documents, review_score, reads_outstanding, reads_disagree)
					select gen_random_uuid(), 'G' || lpad(i::text, 7, '0'), p.id,
					    (cast(:rounds as bigint[]))[1 + i % cardinality(cast(:rounds as bigint[]))],
					    (array['SUBMITTED', 'ELIGIBILITY_CHECKED', 'UNDER_REVIEW', 'DOCUMENTS_MISSING', 'NOT_ADMITTED'])[1 + i % 5],
					    'Name ' || md5(i::text), 'gen' || i || '@example.org',
					    (array['SE', 'GB', 'DE', 'FR', 'IN', 'CN', 'US', 'BR', 'NG', 'KE', 'IT', 'ES', 'PL', 'NL', 'FI',
					           'NO', 'DK', 'JP', 'KR', 'MX'])[1 + i % 20],
					    (array['EXEMPT', 'PAID', 'DUE'])[1 + i % 3],
					    timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
					    timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
					    (cast(:programmes as bigint[]))[1 + i % cardinality(cast(:programmes as bigint[]))],
					    i % 10 = 0,
					    case when i % 6 <> 0 then (i * 7 % 9) * 1.25 end,
					    case when i % 6 = 0 then 2 when i % 4 = 0 then 1 else 0 end,
					    i % 13 = 0 and i % 6 <> 0
					from generate_series(1, :count) i join applicant p on p.email = 'gen' || i || '@example.org'""")
			.param("count", count)
			.param("rounds", rounds.toArray(Long[]::new))
			.param("programmes", programmes.toArray(Long[]::new))
			.update();
		this.jdbc.sql("""
				insert into application_choice (application_id, rank, programme_id)
				select a.id, r.rank, case r.rank when 1 then a.first_choice_programme_id
				    else (cast(:programmes as bigint[]))[1 + (cast(substr(a.reference, 2) as int) + 1)
				        % cardinality(cast(:programmes as bigint[]))] end
				from application a cross join (values (1), (2)) as r (rank)
				where a.reference like 'G%' and a.submitted_at is not null""")
			.param("programmes", programmes.toArray(Long[]::new))
			.update();
	}

}
