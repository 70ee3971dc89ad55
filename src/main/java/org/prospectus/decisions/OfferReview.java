package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.ApplicationReview.Outcome;
import org.prospectus.decisions.Offers.Condition;
import org.prospectus.decisions.Offers.Offer;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admissions staff do with an offer once made: record each condition as met, not met
 * or pending, and withdraw the offer when a condition was not met. Only the institution
 * that gives the programme does either (ADR 0018). Each change checks the offer's version
 * the officer's page showed, is one audit event, and, once the applicant has been told of
 * the offer, is e-mailed to them.
 */
@Service
@NamedInterface("api")
public class OfferReview {

	private final ApplicationReview review;

	private final Offers offers;

	private final AdmissionsReach reach;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Places places;

	OfferReview(ApplicationReview review, Offers offers, AdmissionsReach reach, AuditLog auditLog, JdbcClient jdbc,
			Clock clock, Places places) {
		this.places = places;
		this.review = review;
		this.offers = offers;
		this.reach = reach;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records whether one condition of a live offer is met. */
	@Transactional
	public Outcome checkCondition(UUID id, long offerId, long version, long conditionId, ConditionState state) {
		Application application = this.review.locked(id);
		Optional<Offer> found = offer(id, offerId);
		if (found.isEmpty()) {
			return Outcome.NOT_ALLOWED;
		}
		Offer offer = found.get();
		Optional<Condition> condition = offer.conditions().stream().filter((c) -> c.id() == conditionId).findFirst();
		if (condition.isEmpty() || !offer.state().holdsPlace()) {
			return Outcome.NOT_ALLOWED;
		}
		if (offer.version() != version) {
			return Outcome.STALE;
		}
		if (!this.reach.offers(offer.programmeId())) {
			return Outcome.NOT_YOURS;
		}
		if (condition.get().state() == state) {
			return Outcome.DONE;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update offer_condition set state = :state, changed_at = :at, changed_by = :by where id = :id""")
			.param("state", state.name())
			.param("at", Timestamp.from(now))
			.param("by", ApplicationReview.currentActor())
			.param("id", conditionId)
			.update();
		bump(offerId);
		Offer after = offer(id, offerId).orElseThrow();
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("condition", condition.get().text() + ": " + condition.get().state().name(),
				condition.get().text() + ": " + state.name()));
		if (offer.isConditional() && !after.isConditional()) {
			changes.add(new FieldChange("offer", offer.programme() + ": CONDITIONAL",
					offer.programme() + ": UNCONDITIONAL"));
		}
		this.auditLog.recordFor(AuditAction.CONDITION_CHECK, Application.AUDIT_TYPE, id,
				"Condition of " + application.getReference() + " "
						+ state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + condition.get().text(),
				changes);
		if (application.getDecisionNotifiedAt() != null) {
			this.offers.mail(application, after, "offer-conditions",
					Map.of("changed", condition.get().text(), "changedState", state.name()));
		}
		return Outcome.DONE;
	}

	/**
	 * Withdraws a live offer that has a condition not met, with the reason: the decision
	 * becomes not admitted and the place is free again.
	 */
	@Transactional
	public Outcome withdraw(UUID id, long offerId, long version, String reason) {
		Application application = this.review.locked(id);
		Optional<Offer> found = offer(id, offerId);
		if (found.isEmpty() || !found.get().state().holdsPlace() || !found.get().hasUnmetCondition()) {
			return Outcome.NOT_ALLOWED;
		}
		Offer offer = found.get();
		if (offer.version() != version) {
			return Outcome.STALE;
		}
		if (!this.reach.offers(offer.programmeId())) {
			return Outcome.NOT_YOURS;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update offer set state = 'WITHDRAWN', withdrawn_reason = :reason, version = version + 1
				where id = :id""").param("reason", reason.strip()).param("id", offerId).update();
		ApplicationStatus before = application.getStatus();
		application.offerWithdrawn(reason.strip(), now);
		this.offers.freed(offer);
		this.auditLog.recordFor(AuditAction.OFFER_WITHDRAW, Application.AUDIT_TYPE, id,
				"Withdrew the offer of " + offer.programme() + " to " + application.getReference(),
				List.of(Offers.offerChange(offer, OfferState.WITHDRAWN),
						new FieldChange("status", before.name(), ApplicationStatus.NOT_ADMITTED.name()),
						new FieldChange("reason", null, reason.strip())));
		if (application.getDecisionNotifiedAt() != null) {
			this.offers.mail(application, offer, "offer-withdrawn", Map.of("reason", reason.strip()));
		}
		return Outcome.DONE;
	}

	/**
	 * Offers another ranked programme on an admitted application: in a joint round each
	 * institution offers its own programmes (ADR 0018), so one application may hold
	 * several offers, of which the applicant accepts one. The application's page must be
	 * current; the programme must be ranked, the officer's institution's, not offered
	 * already, and have a place.
	 */
	@Transactional
	public Outcome offerAnother(UUID id, long version, long programmeId, List<String> conditions) {
		Application application = this.review.locked(id);
		if (application.getVersion() != version) {
			return Outcome.STALE;
		}
		if (application.getStatus() != ApplicationStatus.ADMITTED) {
			return Outcome.NOT_ALLOWED;
		}
		boolean ranked = this.jdbc.sql("""
				select exists (select 1 from applications_choices_for_decisions
				               where application_id = :id and programme_id = :p)""")
			.param("id", id)
			.param("p", programmeId)
			.query(Boolean.class)
			.single();
		if (!ranked || this.offers.of(id).stream().anyMatch((offer) -> offer.programmeId() == programmeId)) {
			return Outcome.NOT_A_CHOICE;
		}
		if (!this.reach.offers(programmeId)) {
			return Outcome.NOT_YOURS;
		}
		OptionalInt free = this.places.lockFree(application.getRoundId(), programmeId);
		if (free.isPresent() && free.getAsInt() <= 0) {
			return Outcome.NO_PLACES;
		}
		this.offers.make(application, programmeId, conditions);
		Offer made = this.offers.of(id)
			.stream()
			.filter((offer) -> offer.programmeId() == programmeId)
			.findFirst()
			.orElseThrow();
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("offer", null, made.programme() + ": " + OfferState.OPEN.name()));
		if (!conditions.isEmpty()) {
			changes.add(new FieldChange("conditions", null, String.join("; ", conditions)));
		}
		this.auditLog.recordFor(AuditAction.UPDATE, Application.AUDIT_TYPE, id,
				"Offered " + application.getReference() + " a place on " + made.programme() + " as well", changes);
		// Told now when the decision was; otherwise the decision e-mail tells of every
		// offer.
		if (application.getDecisionNotifiedAt() != null) {
			this.offers.mail(application, made, "offer-made", Map.of());
		}
		return Outcome.DONE;
	}

	private Optional<Offer> offer(UUID id, long offerId) {
		return this.offers.of(id).stream().filter((offer) -> offer.id() == offerId).findFirst();
	}

	private void bump(long offerId) {
		this.jdbc.sql("update offer set version = version + 1 where id = :id").param("id", offerId).update();
	}

}
