package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.prospectus.applications.ApplicationFinder;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.Offers.Offer;
import org.prospectus.decisions.Offers.PlaceFreed;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.intake.ApplicationRound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills freed places from the reserve list. When an offer stops holding its place (a
 * decline, a lapse, a withdrawal) and the round fills places automatically, the next
 * applicants on the programme's reserve list are offered the free places once that change
 * has committed, in a transaction of their own (ADR 0031); otherwise staff confirm each,
 * one at a time. Either way the programme's places row is locked first, so two declines
 * at the same moment make two promotions and never a third, and each candidate is taken
 * {@code skip locked}, so a promotion never waits on an applicant busy with their own
 * application.
 */
@Service
@NamedInterface("api")
public class Promotions {

	private final JdbcClient jdbc;

	private final Places places;

	private final Offers offers;

	private final AuditLog auditLog;

	private final ApplicationFinder applications;

	private final AdmissionsReach reach;

	private final Clock clock;

	private final StatusMoves moves;

	Promotions(JdbcClient jdbc, Places places, Offers offers, AuditLog auditLog, ApplicationFinder applications,
			AdmissionsReach reach, Clock clock, StatusMoves moves) {
		this.moves = moves;
		this.jdbc = jdbc;
		this.places = places;
		this.offers = offers;
		this.auditLog = auditLog;
		this.applications = applications;
		this.reach = reach;
		this.clock = clock;
	}

	/**
	 * A place was freed and the change committed: filled now if the round says so. Handed
	 * the same event again it promotes only into places still free, so nobody is promoted
	 * twice. Its id names it in the event publication registry, whatever class or package
	 * it moves to.
	 */
	@ApplicationModuleListener(id = "promotions.place-freed")
	void freed(PlaceFreed place) {
		if (this.places.promotesAutomatically(place.roundId())) {
			while (promoteNext(place.roundId(), place.programmeId()) == Promotion.DONE) {
				// Until the free places or the reserve list run out.
			}
		}
	}

	/**
	 * Staff confirm one promotion: the next on the reserve list gets the free place, if
	 * the officer's institution gives the programme.
	 */
	@Transactional
	public Promotion confirmNext(long roundId, long programmeId) {
		if (!this.reach.offers(programmeId)) {
			return Promotion.NOT_YOURS;
		}
		return promoteNext(roundId, programmeId);
	}

	private Promotion promoteNext(long roundId, long programmeId) {
		OptionalInt free = this.places.lockFree(roundId, programmeId);
		if (free.isEmpty() || free.getAsInt() <= 0) {
			return Promotion.NO_PLACE;
		}
		List<UUID> next = this.jdbc.sql("""
				select a.id from applications_standing_for_decisions a
				where a.round_id = :round and a.decision_programme_id = :programme and a.status = 'RESERVE'
				order by %s
				limit 1
				for update skip locked""".formatted(Places.RESERVE_ORDER))
			.param("round", roundId)
			.param("programme", programmeId)
			.query(UUID.class)
			.list();
		if (next.isEmpty()) {
			return Promotion.NO_RESERVE;
		}
		// Always made: the candidate was taken as on this programme's reserve list.
		return promote(next.get(0), programmeId) ? Promotion.DONE : Promotion.NO_RESERVE;
	}

	private boolean promote(UUID id, long programmeId) {
		Application application = this.applications.fresh(id);
		Instant now = this.clock.instant();
		if (!this.moves.promote(application, programmeId)) {
			return false;
		}
		ApplicationRound round = application.getRound();
		Instant replyBy = this.offers.replyWindowEnd(round, now);
		this.jdbc.sql("""
				update offer set promoted = true, reply_by_at = :replyBy
				where application_id = :id and programme_id = :programme and state = 'OPEN'""")
			.param("replyBy", Timestamp.from(replyBy))
			.param("id", id)
			.param("programme", programmeId)
			.update();
		Offer offer = this.offers.of(id)
			.stream()
			.filter((o) -> o.programmeId() == programmeId && o.state() == OfferState.OPEN)
			.findFirst()
			.orElseThrow();
		this.auditLog.recordFor(AuditAction.STATUS_CHANGE, Application.AUDIT_TYPE, id,
				"Offered a freed place on " + offer.programme() + " from the reserve list: "
						+ application.getReference(),
				List.of(new FieldChange("status", ApplicationStatus.RESERVE.name(), ApplicationStatus.ADMITTED.name()),
						new FieldChange("offer", null, offer.programme() + ": " + OfferState.OPEN.name())));
		// Told now if told of the reserve place; otherwise the decision e-mail tells them
		// of the offer on the notification date.
		if (application.getDecisionNotifiedAt() != null) {
			this.offers.mail(application, offer, "offer-promoted", Map.of());
		}
		return true;
	}

	/** What became of a promotion. */
	public enum Promotion {

		DONE,
		/** No place is free, or places are not counted. */
		NO_PLACE,
		/** Nobody is on the reserve list. */
		NO_RESERVE,
		/** Another institution's programme. */
		NOT_YOURS

	}

}
