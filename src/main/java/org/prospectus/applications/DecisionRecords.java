package org.prospectus.applications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The columns of an application that the deciding module keeps, written here so that only
 * this module writes its table: the place on a programme's reserve list and when the
 * applicant was told of the decision. Each joins the caller's transaction.
 */
@NamedInterface("api")
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DecisionRecords {

	private final JdbcClient jdbc;

	DecisionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Puts an application last on its decision programme's reserve list. */
	public void lastOnReserveList(Application application) {
		this.jdbc.sql("""
				update application set reserve_rank = (select coalesce(max(reserve_rank), 0) + 1 from application
				    where round_id = :round and decision_programme_id = :programme and status = 'RESERVE'
				      and id <> :id)
				where id = :id""")
			.param("round", application.getRoundId())
			.param("programme", application.getDecisionProgrammeId())
			.param("id", application.getId())
			.update();
	}

	/** Takes an application off the reserve list it was on. */
	public void offReserveList(UUID applicationId) {
		this.jdbc.sql("update application set reserve_rank = null where id = :id").param("id", applicationId).update();
	}

	/**
	 * Numbers a reserve list afresh, first to last, in the order given: one statement.
	 */
	public void rankReserveList(List<UUID> order) {
		this.jdbc.sql("""
				update application a set reserve_rank = o.rank
				from unnest(cast(:ids as uuid[])) with ordinality as o(id, rank) where a.id = o.id""")
			.param("ids", order.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	/** Records that these applicants were told of their decisions. */
	public void notified(Collection<UUID> applicationIds, Instant at) {
		if (!applicationIds.isEmpty()) {
			this.jdbc.sql("update application set decision_notified_at = :now where id in (:ids)")
				.param("now", Timestamp.from(at))
				.param("ids", List.copyOf(applicationIds))
				.update();
		}
	}

}
