package org.prospectus.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.decisions.AdmissionsReach.Reach;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.StatusMoves;
import org.prospectus.decisions.StatusMoves.Move;
import org.prospectus.decisions.StatusMoves.Item;
import org.prospectus.decisions.StatusMoves.Outcome;
import org.prospectus.decisions.StatusMoves.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves many applications to one status: first a preview that says which would change and
 * which cannot and why, then a confirmation that the deciding module makes under the one
 * rule every status move follows ({@link StatusMoves}): it checks each again under a row
 * lock, refuses any that changed since the preview (their versions travel with it), and
 * moves and audits the rest. Decisions are not e-mailed here: applicants are told on the
 * round's notification date.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class BulkStatusChange {

	/** The most applications one action changes. */
	public static final int LIMIT = StatusMoves.BULK_LIMIT;

	/**
	 * The statuses a bulk action moves to. Asking for documents is left to an
	 * application's own page, which names what is missing and by when.
	 */
	public static final Set<ApplicationStatus> TARGETS = EnumSet.of(ApplicationStatus.ELIGIBILITY_CHECKED,
			ApplicationStatus.UNDER_REVIEW, ApplicationStatus.ADMITTED, ApplicationStatus.RESERVE,
			ApplicationStatus.NOT_ADMITTED);

	private final JdbcClient jdbc;

	private final AdmissionsReach reach;

	private final StatusMoves moves;

	BulkStatusChange(JdbcClient jdbc, AdmissionsReach reach, StatusMoves moves) {
		this.jdbc = jdbc;
		this.reach = reach;
		this.moves = moves;
	}

	/** What would happen to the applications chosen one by one. */
	@Transactional(readOnly = true)
	public Preview preview(Move change, Collection<UUID> ids) {
		if (ids.size() > LIMIT) {
			return Preview.overLimit();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String coordinated = this.reach.current().coordinated(params);
		params.put("ids", ids.stream().map(UUID::toString).toArray(String[]::new));
		List<Candidate> candidates = this.jdbc.sql("select " + CANDIDATE_COLUMNS
				+ " from applications_queue_for_review a where a.submitted_at is not null and a.id = any(cast(:ids as uuid[])) and "
				+ coordinated + " order by a.reference")
			.params(params)
			.query((rs, n) -> candidate(rs))
			.list();
		return preview(change, candidates, programmeIsOurs(change));
	}

	/** What would happen to every application of a view, when it has at most LIMIT. */
	@Transactional(readOnly = true)
	public Preview preview(Move change, QueueFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		Reach reach = this.reach.current();
		String sql = "select " + CANDIDATE_COLUMNS + " from applications_queue_for_review a where "
				+ ReviewQueue.where(filter, reach, params) + " and " + reach.coordinated(params) + " order by "
				+ filter.sort().orderBy() + " limit :limit";
		params.put("limit", LIMIT + 1);
		List<Candidate> candidates = this.jdbc.sql(sql).params(params).query((rs, n) -> candidate(rs)).list();
		if (candidates.size() > LIMIT) {
			return Preview.overLimit();
		}
		return preview(change, candidates, programmeIsOurs(change));
	}

	/**
	 * Whether the officer may offer the change's programme: each institution offers its
	 * own (ADR 0018).
	 */
	private boolean programmeIsOurs(Move change) {
		return !change.target().needsProgramme() || change.programme() == null || this.reach.offers(change.programme());
	}

	private static Preview preview(Move change, List<Candidate> candidates, boolean programmeIsOurs) {
		List<Item> changes = new ArrayList<>();
		List<Item> refused = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Refusal refusal = programmeIsOurs
					? StatusMoves.check(change, candidate.status(), candidate.notified(), candidate.choices())
					: Refusal.NOT_YOURS;
			Item item = new Item(candidate.id(), candidate.reference(), candidate.name(), candidate.status(),
					candidate.status(), candidate.version(), refusal);
			((refusal == null) ? changes : refused).add(item);
		}
		return new Preview(changes, refused, false);
	}

	/**
	 * Applies a previewed change through the one rule every status move follows
	 * ({@link StatusMoves#makeAll}): each application is checked again under its row lock
	 * and refused if it changed since the preview.
	 * @param versions each application's id and the version the preview showed
	 */
	public Outcome apply(Move change, Map<UUID, Long> versions) {
		return this.moves.makeAll(change, versions, programmeIsOurs(change));
	}

	private static final String CANDIDATE_COLUMNS = """
			a.id, a.reference, a.full_name, a.status, a.version, a.decision_notified_at is not null as notified,
			array(select c.programme_id from applications_choices_for_review c where c.application_id = a.id order by c.rank) as choices""";

	private static Candidate candidate(ResultSet rs) throws SQLException {
		Array array = rs.getArray("choices");
		List<Long> choices = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				choices.add(((Number) value).longValue());
			}
		}
		return new Candidate(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("full_name"),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("version"), rs.getBoolean("notified"),
				choices);
	}

	private record Candidate(UUID id, String reference, String name, ApplicationStatus status, long version,
			boolean notified, List<Long> choices) {
	}

	/** What a confirmation would do, or that the view holds too many to act on. */
	public record Preview(List<Item> changes, List<Item> refused, boolean tooMany) {

		static Preview overLimit() {
			return new Preview(List.of(), List.of(), true);
		}

	}

}
