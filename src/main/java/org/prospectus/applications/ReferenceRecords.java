package org.prospectus.applications;

import java.util.Map;
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
 * asks for it on submission and when a reference is given; a round's changed numbers ask
 * for every submitted application of the round. The application's version does not move.
 * Joins the caller's transaction.
 */
@NamedInterface("api")
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ReferenceRecords {

	private final JdbcClient jdbc;

	ReferenceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Works out again whether a submitted application's references are missing, with the
	 * round's numbers as the caller holds them (written or not) and the references given
	 * as the database has them.
	 */
	public void recount(ApplicationRound round, UUID applicationId) {
		recount(round, applicationId, " and a2.id = :id");
	}

	/**
	 * As {@link #recount(ApplicationRound, UUID)}, for every submitted application of a
	 * round.
	 */
	public void recountRound(ApplicationRound round) {
		recount(round, null, " and a2.submitted_at is not null");
	}

	private void recount(ApplicationRound round, @Nullable UUID applicationId, String which) {
		var statement = this.jdbc
			.sql("""
					update application a set references_missing = n.missing
					from (select a2.id,
					             coalesce((select max(coalesce(cast(cast(:own as jsonb) ->> cast(c.programme_id as text) as integer),
					                                           :required))
					                       from application_choice c where c.application_id = a2.id), :required)
					             > coalesce((select g.given from references_given_for_applications g
					                         where g.application_id = a2.id), 0) as missing
					      from application a2 where a2.round_id = :round"""
					+ which + """
							) n
							where a.id = n.id and a.references_missing <> n.missing""")
			.param("own", json(round.getProgrammeReferences()))
			.param("required", round.getReferencesRequired())
			.param("round", round.getId());
		if (applicationId != null) {
			statement = statement.param("id", applicationId);
		}
		statement.update();
	}

	/** Programmes' own numbers as a JSON object: ids and numbers only, nothing typed. */
	private static String json(Map<Long, Integer> own) {
		StringJoiner json = new StringJoiner(", ", "{", "}");
		own.forEach((programme, references) -> json.add("\"" + programme + "\": " + references));
		return json.toString();
	}

}
