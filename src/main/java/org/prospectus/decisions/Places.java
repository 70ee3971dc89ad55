package org.prospectus.decisions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.prospectus.applications.DecisionRecords;
import org.prospectus.applications.Application;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.intake.RoundRolledOver;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places a programme has in a round and its reserve list. Offers that hold a place
 * (open or accepted) count against the number; without a number set, places are not
 * counted and nobody is promoted. The {@code programme_places} row is the lock that makes
 * counting exact: whoever makes an offer or fills a freed place takes it first.
 */
@Service
@NamedInterface("api")
public class Places {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final AdmissionsReach reach;

	private final DecisionRecords records;

	Places(JdbcClient jdbc, AuditLog auditLog, AdmissionsReach reach, DecisionRecords records) {
		this.records = records;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.reach = reach;
	}

	/**
	 * Locks the programme's places in the round until the transaction ends and counts the
	 * free ones: empty when no number is set.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OptionalInt lockFree(long roundId, long programmeId) {
		List<Integer> places = this.jdbc
			.sql("select places from programme_places where round_id = :round and programme_id = :programme for update")
			.param("round", roundId)
			.param("programme", programmeId)
			.query(Integer.class)
			.list();
		if (places.isEmpty()) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(places.get(0) - held(roundId, programmeId));
	}

	private int held(long roundId, long programmeId) {
		return this.jdbc.sql("""
				select count(*) from offer where round_id = :round and programme_id = :programme
				and state in ('OPEN', 'ACCEPTED')""")
			.param("round", roundId)
			.param("programme", programmeId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A round rolled over to next year's copy brings its places and its rule for freed
	 * places, in the rollover's transaction; the rollover's preview asks staff to check
	 * them.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void copy(RoundRolledOver rollover) {
		this.jdbc.sql("""
				insert into programme_places (round_id, programme_id, places)
				select :copy, programme_id, places from programme_places where round_id = :from
				on conflict do nothing""")
			.param("copy", rollover.copyRoundId())
			.param("from", rollover.fromRoundId())
			.update();
		this.jdbc.sql("""
				insert into round_promotion (round_id, automatic)
				select :copy, automatic from round_promotion where round_id = :from
				on conflict do nothing""")
			.param("copy", rollover.copyRoundId())
			.param("from", rollover.fromRoundId())
			.update();
	}

	/** The programme's figures in the round, in one statement. */
	@Transactional(readOnly = true)
	public Summary summary(long roundId, long programmeId) {
		return this.jdbc.sql("""
				select (select places from programme_places where round_id = :round and programme_id = :programme)
				           as places,
				       count(*) filter (where o.state in ('OPEN', 'ACCEPTED')) as held,
				       count(o.id) as made,
				       count(*) filter (where o.state = 'OPEN') as waiting,
				       count(*) filter (where o.state = 'ACCEPTED') as accepted,
				       count(*) filter (where o.state = 'DECLINED') as declined,
				       count(*) filter (where o.state = 'LAPSED') as lapsed,
				       count(*) filter (where o.state = 'WITHDRAWN') as withdrawn,
				       count(*) filter (where o.promoted) as promoted,
				       (select count(*) from applications_standing_for_decisions a where a.round_id = :round
				          and a.decision_programme_id = :programme and a.status = 'RESERVE') as reserve,
				       (select automatic from round_promotion where round_id = :round) as automatic
				from offer o where o.round_id = :round and o.programme_id = :programme""")
			.param("round", roundId)
			.param("programme", programmeId)
			.query((rs, n) -> new Summary((Integer) rs.getObject("places"), rs.getInt("held"), rs.getInt("made"),
					rs.getInt("waiting"), rs.getInt("accepted"), rs.getInt("declined"), rs.getInt("lapsed"),
					rs.getInt("withdrawn"), rs.getInt("promoted"), rs.getInt("reserve"),
					Boolean.TRUE.equals(rs.getObject("automatic"))))
			.single();
	}

	/**
	 * Sets the number of places, if the officer's institution gives the programme and the
	 * number shown on their page is still the stored one; {@code null} counts no places.
	 */
	@Transactional
	public Change setPlaces(long roundId, long programmeId, @Nullable Integer shown, @Nullable Integer places) {
		if (!this.reach.offers(programmeId)) {
			return Change.NOT_YOURS;
		}
		lockFree(roundId, programmeId);
		Integer stored = summary(roundId, programmeId).places();
		if (!Objects.equals(stored, shown)) {
			return Change.STALE;
		}
		if (places == null) {
			this.jdbc.sql("delete from programme_places where round_id = :round and programme_id = :programme")
				.param("round", roundId)
				.param("programme", programmeId)
				.update();
		}
		else {
			this.jdbc.sql("""
					insert into programme_places (round_id, programme_id, places) values (:round, :programme, :places)
					on conflict (round_id, programme_id) do update set places = excluded.places""")
				.param("round", roundId)
				.param("programme", programmeId)
				.param("places", places)
				.update();
		}
		this.auditLog.record(AuditAction.UPDATE, "application-round", roundId,
				"Places on programme " + programmeId + " set to " + ((places != null) ? places : "not counted"),
				List.of(new FieldChange("places", (stored != null) ? stored.toString() : null,
						(places != null) ? places.toString() : null)));
		return Change.DONE;
	}

	/** Whether a freed place goes to the next on the reserve list at once. */
	@Transactional(readOnly = true)
	public boolean promotesAutomatically(long roundId) {
		return this.jdbc.sql("select coalesce((select automatic from round_promotion where round_id = :round), false)")
			.param("round", roundId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Sets how the round's freed places are filled, if the officer's institution runs the
	 * round and the setting shown is still the stored one.
	 */
	@Transactional
	public Change setPromotion(long roundId, boolean shown, boolean automatic) {
		if (!this.reach.current().everywhere() && !this.reach.current().coordinated().contains(roundId)) {
			return Change.NOT_YOURS;
		}
		this.jdbc.sql("select id from intake_rounds_for_decisions where id = :round for update")
			.param("round", roundId)
			.query(Long.class)
			.list();
		boolean stored = promotesAutomatically(roundId);
		if (stored != shown) {
			return Change.STALE;
		}
		this.jdbc.sql("""
				insert into round_promotion (round_id, automatic) values (:round, :automatic)
				on conflict (round_id) do update set automatic = excluded.automatic""")
			.param("round", roundId)
			.param("automatic", automatic)
			.update();
		this.auditLog.record(AuditAction.UPDATE, "application-round", roundId,
				"Freed places of round " + roundId + " now filled "
						+ (automatic ? "automatically" : "after staff confirm"),
				List.of(new FieldChange("promotion", stored ? "AUTOMATIC" : "CONFIRM",
						automatic ? "AUTOMATIC" : "CONFIRM")));
		return Change.DONE;
	}

	/** The programme's reserve list, first first. */
	@Transactional(readOnly = true)
	public List<ReservePlace> reserve(long roundId, long programmeId) {
		return this.jdbc.sql("""
				select a.id, a.reference, a.full_name, a.review_score, row_number() over (order by %s) as position
				from applications_standing_for_decisions a
				where a.round_id = :round and a.decision_programme_id = :programme and a.status = 'RESERVE'
				order by %s""".formatted(RESERVE_ORDER, RESERVE_ORDER))
			.param("round", roundId)
			.param("programme", programmeId)
			.query((rs, n) -> new ReservePlace(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("full_name"), rs.getBigDecimal("review_score"), rs.getInt("position")))
			.list();
	}

	/** The reserve list's order, over {@code application a}. */
	static final String RESERVE_ORDER = "a.reserve_rank nulls last, a.decided_at, a.id";

	/**
	 * An application's place on its reserve list, counted from 1; empty unless it is on
	 * one.
	 */
	@Transactional(readOnly = true)
	public OptionalInt position(UUID applicationId) {
		List<Integer> found = this.jdbc.sql("""
				select position from (
				    select a.id, row_number() over (order by %s) as position from applications_standing_for_decisions a
				    join applications_standing_for_decisions me
				      on me.round_id = a.round_id and me.decision_programme_id = a.decision_programme_id
				    where me.id = :id and me.status = 'RESERVE' and a.status = 'RESERVE') list
				where id = :id""".formatted(RESERVE_ORDER)).param("id", applicationId).query(Integer.class).list();
		return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0));
	}

	/**
	 * Moves an application one place up or down its reserve list. The list is locked and
	 * numbered afresh, so two officers moving at once each move from what is stored.
	 */
	@Transactional
	public Change move(long roundId, long programmeId, UUID applicationId, boolean up) {
		if (!this.reach.offers(programmeId)) {
			return Change.NOT_YOURS;
		}
		lockFree(roundId, programmeId);
		List<UUID> order = new ArrayList<>(
				reserve(roundId, programmeId).stream().map(ReservePlace::applicationId).toList());
		int at = order.indexOf(applicationId);
		int to = up ? at - 1 : at + 1;
		if (at < 0 || to < 0 || to >= order.size()) {
			return Change.STALE;
		}
		Collections.swap(order, at, to);
		this.records.rankReserveList(order);
		this.auditLog.recordFor(AuditAction.UPDATE, Application.AUDIT_TYPE, applicationId,
				"Moved " + (up ? "up" : "down") + " the reserve list",
				List.of(new FieldChange("reservePosition", Integer.toString(at + 1), Integer.toString(to + 1))));
		return Change.DONE;
	}

	/**
	 * Numbers the reserve list afresh by the applications' review scores: highest first,
	 * those without a score after, and among equals the list's order as it was. The
	 * officer may then move any of them up or down as before. Only if the list is still
	 * the one the officer's page showed, in its order; each application whose place
	 * changes is audited as a move is.
	 * @param shown the list's applications in the order the page showed them
	 */
	@Transactional
	public Change rankByScore(long roundId, long programmeId, List<UUID> shown) {
		if (!this.reach.offers(programmeId)) {
			return Change.NOT_YOURS;
		}
		lockFree(roundId, programmeId);
		List<ReservePlace> list = reserve(roundId, programmeId);
		List<UUID> before = list.stream().map(ReservePlace::applicationId).toList();
		if (!before.equals(shown)) {
			return Change.STALE;
		}
		BigDecimal none = BigDecimal.ONE.negate();
		List<UUID> after = list.stream()
			.sorted(Comparator.comparing((ReservePlace place) -> (place.score() != null) ? place.score() : none)
				.reversed())
			.map(ReservePlace::applicationId)
			.toList();
		if (after.equals(before)) {
			return Change.DONE;
		}
		this.records.rankReserveList(after);
		for (int from = 0; from < before.size(); from++) {
			UUID id = before.get(from);
			int to = after.indexOf(id);
			if (to != from) {
				this.auditLog.recordFor(AuditAction.UPDATE, Application.AUDIT_TYPE, id,
						"Moved " + ((to < from) ? "up" : "down") + " the reserve list, ordered by review score",
						List.of(new FieldChange("reservePosition", Integer.toString(from + 1),
								Integer.toString(to + 1))));
			}
		}
		return Change.DONE;
	}

	/** What became of a change to places or the reserve list. */
	public enum Change {

		DONE,
		/** The page showed something no longer stored. */
		STALE,
		/** Another institution's programme or round. */
		NOT_YOURS

	}

	/**
	 * One place on a reserve list.
	 *
	 * @param applicationId the application
	 * @param reference its reference
	 * @param name the applicant's name
	 * @param score its review score out of 10, or {@code null} if it has none
	 * @param position counted from 1
	 */
	public record ReservePlace(UUID applicationId, String reference, String name, @Nullable BigDecimal score,
			int position) {

	}

	/**
	 * A programme's figures in a round.
	 *
	 * @param places the number of places, or {@code null} when none is set
	 * @param held offers holding a place: open or accepted
	 * @param made every offer made
	 * @param waiting offers waiting for a reply
	 * @param accepted offers accepted
	 * @param declined offers declined by the applicant
	 * @param lapsed offers declined by default
	 * @param withdrawn offers withdrawn by the institution
	 * @param promoted offers made from the reserve list
	 * @param reserve the reserve list's length
	 * @param automatic whether freed places are filled at once
	 */
	public record Summary(@Nullable Integer places, int held, int made, int waiting, int accepted, int declined,
			int lapsed, int withdrawn, int promoted, int reserve, boolean automatic) {

		/** Places left, or {@code null} when places are not counted. */
		public @Nullable Integer left() {
			return (this.places != null) ? this.places - this.held : null;
		}

	}

}
