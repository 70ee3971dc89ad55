package org.prospectus.applications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.intake.ApplicationRound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an application's references are missing, kept on the application for the
 * queue's filter (V70) and written here so that only this module writes its table: fewer
 * references given than the most any programme it ranks needs, each programme its own
 * number or the round's ({@link ApplicationRound#referencesFor}). The references module
 * asks for it on submission and when a reference is given, and, a batch at a time, for
 * every submitted application of a round whose numbers changed. The round's numbers are
 * taken as the caller holds them, written or not; the references given as the database
 * has them. The application's version does not move. Joins the caller's transaction.
 */
@NamedInterface("api")
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ReferenceRecords {

	/**
	 * Whether the application {@code a2} misses references: fewer given than the most any
	 * programme it ranks needs, each its own number ({@code :own}, a JSON object) or the
	 * round's ({@code :required}).
	 */
	private static final String RULE = """
			coalesce((select max(coalesce(cast(cast(:own as jsonb) ->> cast(c.programme_id as text) as integer),
			                              :required))
			          from application_choice c where c.application_id = a2.id), :required)
			> coalesce((select g.given from references_given_for_applications g where g.application_id = a2.id), 0)""";

	private final JdbcClient jdbc;

	ReferenceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Works out again whether a submitted application's references are missing. */
	public void recount(ApplicationRound round, UUID applicationId) {
		this.jdbc.sql("""
				update application a set references_missing = n.missing
				from (select a2.id, """ + RULE + """
				       as missing from application a2 where a2.id = :id and a2.round_id = :round) n
				where a.id = n.id and a.references_missing <> n.missing""")
			.param("own", json(round.getProgrammeReferences()))
			.param("required", round.getReferencesRequired())
			.param("round", round.getId())
			.param("id", applicationId)
			.update();
	}

	/**
	 * As {@link #recount}, for the next submitted applications of a round in queue order
	 * (submission, then id) after a position, in one statement.
	 * @param after the last application of the batch before, or {@code null} to start
	 * @param limit the most applications to work out
	 * @return the last application of this batch, or empty when none was left
	 */
	public Optional<Position> recountBatch(ApplicationRound round, @Nullable Position after, int limit) {
		String from = (after != null) ? " and (b.submitted_at, b.id) > (:after_at, :after_id)" : "";
		var statement = this.jdbc.sql("""
				with batch as (
				    select b.id, b.submitted_at from application b
				    where b.round_id = :round and b.submitted_at is not null""" + from + """
				    order by b.submitted_at, b.id limit :limit
				), changed as (
				    update application a set references_missing = n.missing
				    from (select a2.id, """ + RULE + """
				           as missing from batch a2) n
				    where a.id = n.id and a.references_missing <> n.missing
				)
				select submitted_at, id from batch order by submitted_at desc, id desc limit 1""")
			.param("own", json(round.getProgrammeReferences()))
			.param("required", round.getReferencesRequired())
			.param("round", round.getId())
			.param("limit", limit);
		if (after != null) {
			statement = statement.param("after_at", Timestamp.from(after.submittedAt())).param("after_id", after.id());
		}
		return statement.query((rs, row) -> new Position(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class)))
			.optional();
	}

	/** Programmes' own numbers as a JSON object: ids and numbers only, nothing typed. */
	private static String json(Map<Long, Integer> own) {
		StringJoiner json = new StringJoiner(", ", "{", "}");
		own.forEach((programme, references) -> json.add("\"" + programme + "\": " + references));
		return json.toString();
	}

	/**
	 * An application's place in its round's queue order.
	 *
	 * @param submittedAt when it was submitted
	 * @param id its id
	 */
	public record Position(Instant submittedAt, UUID id) {
	}

}
