package org.prospectus.applications;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The columns of an application that the reading module keeps, written here so that only
 * this module writes its table: the mean of the submitted reads' totals, the reads still
 * to come and whether two reads disagree. The application's version does not move: a
 * reader's score is not an edit an officer's open page must be told about. Joins the
 * caller's transaction.
 */
@NamedInterface("api")
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ReadingRecords {

	private final JdbcClient jdbc;

	ReadingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records where an application's reads stand.
	 * @param score the mean of the submitted reads' totals, or {@code null} before the
	 * first
	 * @param outstanding the reads still to come, or {@code null} when no plan applies
	 * @param disagree whether two submitted reads differ by more than the plan allows
	 */
	public void scored(UUID applicationId, @Nullable BigDecimal score, @Nullable Integer outstanding,
			boolean disagree) {
		this.jdbc
			.sql("update application set review_score = :score, reads_outstanding = :outstanding,"
					+ " reads_disagree = :disagree where id = :id")
			.param("score", score)
			.param("outstanding", outstanding)
			.param("disagree", disagree)
			.param("id", applicationId)
			.update();
	}

	/**
	 * As {@link #scored} for many applications at once, in one statement: where each
	 * stands after its plan changed.
	 */
	public void scoredAll(List<Scored> all) {
		if (all.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update application a set review_score = s.score, reads_outstanding = s.outstanding,
				  reads_disagree = s.disagree
				from unnest(cast(:ids as uuid[]), cast(:scores as numeric[]), cast(:outstanding as integer[]),
				  cast(:disagree as boolean[])) as s(id, score, outstanding, disagree)
				where a.id = s.id""")
			.param("ids", all.stream().map((s) -> s.applicationId().toString()).toArray(String[]::new))
			.param("scores", all.stream().map(Scored::score).toArray(BigDecimal[]::new))
			.param("outstanding", all.stream().map(Scored::outstanding).toArray(Integer[]::new))
			.param("disagree", all.stream().map(Scored::disagree).toArray(Boolean[]::new))
			.update();
	}

	/**
	 * Where one application's reads stand.
	 *
	 * @param score the mean of its submitted reads' totals, or {@code null} before the
	 * first
	 * @param outstanding the reads still to come
	 * @param disagree whether two submitted reads differ by more than the plan allows
	 */
	public record Scored(UUID applicationId, @Nullable BigDecimal score, Integer outstanding, Boolean disagree) {
	}

}
