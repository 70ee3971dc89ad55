package org.prospectus.decisions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.prospectus.applications.ApplicationFinder;
import org.prospectus.account.StaffScope;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.RefusalReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for moving an application's status to a decision, and the one way such a
 * move is recorded. An officer's change of one application and a bulk action on many both
 * ask {@link #check} whether a move is allowed and make it through {@link #make}, so that
 * they refuse alike and read alike in the audit log. Only this module calls
 * {@link Application#moveTo} (ArchitectureTests).
 */
@Component
@NamedInterface("api")
public class StatusMoves {

	/** The most applications one bulk action changes. */
	public static final int BULK_LIMIT = 5_000;

	private final Offers offers;

	private final Places places;

	private final AuditLog auditLog;

	private final ApplicationFinder applications;

	private final JdbcClient jdbc;

	private final Clock clock;

	StatusMoves(Offers offers, Places places, AuditLog auditLog, ApplicationFinder applications, JdbcClient jdbc,
			Clock clock) {
		this.offers = offers;
		this.places = places;
		this.auditLog = auditLog;
		this.applications = applications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Why an application cannot move as asked, or {@code null} when it can. Asking for
	 * documents is not a move made here: it names what is missing and by when.
	 * @param from its status now
	 * @param notified whether the applicant has been told of its decision
	 * @param choices the programmes the applicant ranked
	 */
	public static @Nullable Refusal check(Move move, ApplicationStatus from, boolean notified, List<Long> choices) {
		ApplicationStatus target = move.target();
		if (!from.canMoveTo(target) || target == ApplicationStatus.DOCUMENTS_MISSING) {
			return Refusal.TRANSITION;
		}
		if (from.isDecision() && notified) {
			return Refusal.ALREADY_NOTIFIED;
		}
		if (target.needsReasonFrom(from) && (move.reason() == null || move.reason().isBlank())
				&& (target != ApplicationStatus.NOT_ADMITTED || move.refusal() == null)) {
			return Refusal.REASON_REQUIRED;
		}
		if (target.needsProgramme()) {
			if (move.programme() == null) {
				return Refusal.PROGRAMME_REQUIRED;
			}
			if (!choices.contains(move.programme())) {
				return Refusal.NOT_A_CHOICE;
			}
		}
		return null;
	}

	/**
	 * Makes a move on an application the caller has locked and found the officer may
	 * move: checked by the rule, then for a free place, then made, with its offer, and
	 * audited.
	 * @param choices the programmes the applicant ranked
	 * @param titles the programmes involved, by id, as {@link #programmeInWords} names
	 * them
	 * @param conditions the conditions of an offer
	 * @return why it was not made, or {@code null} when it was
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public @Nullable Refusal make(Application application, Move move, List<Long> choices, Map<Long, String> titles,
			List<String> conditions) {
		ApplicationStatus from = application.getStatus();
		Refusal refused = check(move, from, application.getDecisionNotifiedAt() != null, choices);
		if (refused == null && move.target() == ApplicationStatus.ADMITTED) {
			OptionalInt free = this.places.lockFree(application.getRoundId(), move.programme());
			if (free.isPresent() && free.getAsInt() <= 0) {
				refused = Refusal.NO_PLACES;
			}
		}
		if (refused != null) {
			return refused;
		}
		ApplicationStatus target = move.target();
		Long programmeBefore = application.getDecisionProgrammeId();
		String reasonBefore = application.getStatusReason();
		String reason = (move.reason() == null || move.reason().isBlank()) ? null : move.reason().strip();
		application.moveTo(target, target.needsProgramme() ? move.programme() : null, reason, null,
				this.clock.instant());
		RefusalReason given = (target == ApplicationStatus.NOT_ADMITTED) ? move.refusal() : null;
		if (given != null) {
			application.refusedFor(given.reason(), given.advice());
		}
		List<String> offerConditions = (target == ApplicationStatus.ADMITTED) ? conditions : List.of();
		this.offers.decided(application, from, offerConditions);
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("status", from.name(), target.name()));
		String titleBefore = (programmeBefore != null) ? titles.getOrDefault(programmeBefore, "") : null;
		String titleAfter = (application.getDecisionProgrammeId() != null)
				? titles.getOrDefault(application.getDecisionProgrammeId(), "") : null;
		if (!Objects.equals(titleBefore, titleAfter)) {
			changes.add(new FieldChange("programme", titleBefore, titleAfter));
		}
		if (!offerConditions.isEmpty()) {
			changes.add(new FieldChange("conditions", null, String.join("; ", offerConditions)));
		}
		if (given != null) {
			changes.add(new FieldChange("refusalReason", null, given.reason()));
		}
		if (!Objects.equals(reasonBefore, reason)) {
			changes.add(new FieldChange("reason", reasonBefore, reason));
		}
		this.auditLog.recordFor(AuditAction.STATUS_CHANGE, Application.AUDIT_TYPE, application.getId(),
				"Moved " + application.getReference() + " from " + from.inWords() + " to " + target.inWords(), changes);
		return null;
	}

	/**
	 * Offers a freed place to the next on a programme's reserve list: the one move from a
	 * decision the applicant may already have been told of, since it only betters it. The
	 * caller has locked the programme's places and found one free, and audits the
	 * promotion with its offer.
	 * @return whether it was made: only from a reserve place on that programme
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean promote(Application application, long programmeId) {
		ApplicationStatus from = application.getStatus();
		Long onList = application.getDecisionProgrammeId();
		if (from != ApplicationStatus.RESERVE || onList == null || onList != programmeId
				|| !from.canMoveTo(ApplicationStatus.ADMITTED)) {
			return false;
		}
		application.moveTo(ApplicationStatus.ADMITTED, programmeId, null, null, this.clock.instant());
		this.offers.decided(application, from, List.of());
		return true;
	}

	/**
	 * Asks for documents by a date: the one move {@link #check} leaves out, since it
	 * names what is missing and by when.
	 * @param date the due instant as the applicant reads it
	 * @return why it was not made, or {@code null} when it was
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public @Nullable Refusal askForDocuments(Application application, Instant due, String date, String message) {
		ApplicationStatus from = application.getStatus();
		if (!from.canMoveTo(ApplicationStatus.DOCUMENTS_MISSING)) {
			return Refusal.TRANSITION;
		}
		application.moveTo(ApplicationStatus.DOCUMENTS_MISSING, null, message.strip(), due, this.clock.instant());
		this.auditLog.recordFor(AuditAction.DOCUMENT_REQUEST, Application.AUDIT_TYPE, application.getId(),
				"Asked for documents of " + application.getReference() + " by " + date,
				List.of(new FieldChange("status", from.name(), ApplicationStatus.DOCUMENTS_MISSING.name()),
						new FieldChange("documents by", null, date),
						new FieldChange("message", null, message.strip())));
		return null;
	}

	/**
	 * Applies a previewed bulk move, in one transaction: every application is locked (in
	 * id order, so that two actions never wait for each other in a circle), refused if
	 * the officer no longer coordinates its round or its version is not the one
	 * previewed, and otherwise moved by {@link #make}. A bulk offer is unconditional;
	 * conditions are set one application at a time.
	 * @param versions each application's id and the version the preview showed
	 * @param programmeIsOurs whether the officer's institution offers the move's
	 * programme
	 */
	@Transactional
	public Outcome makeAll(Move move, Map<UUID, Long> versions, boolean programmeIsOurs) {
		if (versions.isEmpty() || versions.size() > BULK_LIMIT) {
			return new Outcome(List.of(), List.of());
		}
		List<Application> locked = this.applications.lockSubmitted(versions.keySet());
		Map<UUID, List<Long>> choices = choices(versions.keySet());
		Set<Long> programmes = new HashSet<>();
		locked.forEach((application) -> programmes.add(application.getDecisionProgrammeId()));
		programmes.add(move.programme());
		programmes.remove(null);
		Map<Long, String> titles = titles(programmes);
		StaffScope scope = StaffScope.current();
		List<Item> changed = new ArrayList<>();
		List<Item> refused = new ArrayList<>();
		Set<UUID> found = new HashSet<>();
		for (Application application : locked) {
			found.add(application.getId());
			ApplicationStatus from = application.getStatus();
			Refusal refusal = !AdmissionsReach.coordinates(scope, application) ? Refusal.NOT_FOUND
					: !programmeIsOurs ? Refusal.NOT_YOURS
							: (application.getVersion() != versions.get(application.getId()))
									? Refusal.CHANGED_SINCE_PREVIEW : make(application, move,
											choices.getOrDefault(application.getId(), List.of()), titles, List.of());
			Item item = new Item(application.getId(), application.getReference(), application.getFullName(), from,
					application.getStatus(), application.getVersion(), refusal);
			((refusal == null) ? changed : refused).add(item);
		}
		for (Map.Entry<UUID, Long> entry : versions.entrySet()) {
			if (!found.contains(entry.getKey())) {
				refused.add(new Item(entry.getKey(), null, null, null, null, entry.getValue(), Refusal.NOT_FOUND));
			}
		}
		changed.sort(Comparator.comparing(Item::reference));
		return new Outcome(changed, refused);
	}

	/** The programmes as the audit log names them: title and institution. */
	private Map<Long, String> titles(Set<Long> ids) {
		Map<Long, String> titles = new HashMap<>();
		this.jdbc.sql("""
				select p.id, p.title, i.name as institution from programme_titles_for_decisions p
				join institution_settings_for_decisions i on i.id = p.institution_id
				where p.id = any(:ids)""").param("ids", ids.toArray(Long[]::new)).query((rs) -> {
			titles.put(rs.getLong("id"), programmeInWords(rs.getString("title"), rs.getString("institution")));
		});
		return titles;
	}

	/** A programme as the audit log names it. */
	static String programmeInWords(String title, String institution) {
		return title + ", " + institution;
	}

	private Map<UUID, List<Long>> choices(Collection<UUID> ids) {
		Map<UUID, List<Long>> choices = new HashMap<>();
		this.jdbc
			.sql("select application_id, programme_id from applications_choices_for_decisions "
					+ "where application_id = any(cast(:ids as uuid[])) order by application_id, rank")
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs) -> {
				choices.computeIfAbsent(rs.getObject("application_id", UUID.class), (id) -> new ArrayList<>())
					.add(rs.getLong("programme_id"));
			});
		return choices;
	}

	/**
	 * A move asked for.
	 *
	 * @param programme the programme of an offer or a reserve place
	 * @param reason why, where the move needs a reason
	 */
	public record Move(ApplicationStatus target, @Nullable Long programme, @Nullable String reason,
			@Nullable RefusalReason refusal) {

		/** A move without one of the institution's standard reasons for a refusal. */
		public Move(ApplicationStatus target, @Nullable Long programme, @Nullable String reason) {
			this(target, programme, reason, null);
		}

	}

	/** Why an application is left as it is. */
	public enum Refusal {

		/** The status cannot move to the target from where it is. */
		TRANSITION,
		/** The applicant has been told of the decision. */
		ALREADY_NOTIFIED,
		/** This move needs a reason and none was given. */
		REASON_REQUIRED,
		/** An offer or reserve place needs a programme. */
		PROGRAMME_REQUIRED,
		/** The programme is not one the applicant ranked. */
		NOT_A_CHOICE,
		/** Someone changed it after the preview. */
		CHANGED_SINCE_PREVIEW,
		/** It is not a submitted application (any more). */
		NOT_FOUND,
		/** The programme is another institution's to offer (ADR 0018). */
		NOT_YOURS,
		/** Every place on the programme is held by an offer. */
		NO_PLACES;

		public String messageKey() {
			return "review.bulk.refusal." + name();
		}

	}

	/**
	 * One application in a bulk preview or outcome.
	 *
	 * @param from its status before
	 * @param now its status now: after the change in an outcome, as it is in a preview
	 * @param version its version when checked
	 * @param refusal why it is not changed, or {@code null} when it is (or would be)
	 */
	public record Item(UUID id, @Nullable String reference, @Nullable String name, @Nullable ApplicationStatus from,
			@Nullable ApplicationStatus now, long version, @Nullable Refusal refusal) {
	}

	/** What a bulk move did. */
	public record Outcome(List<Item> changed, List<Item> refused) {
	}

}
