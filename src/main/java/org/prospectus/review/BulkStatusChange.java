package org.prospectus.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.prospectus.account.StaffScope;
import org.prospectus.applications.AdmissionsReach;
import org.prospectus.applications.AdmissionsReach.Reach;
import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.jspecify.annotations.Nullable;
import org.prospectus.applications.Offers;
import org.prospectus.applications.Places;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves many applications to one status: first a preview that says which would change and
 * which cannot and why, then a confirmation that checks each again under a row lock,
 * refuses any that changed since the preview (their versions travel with it), applies the
 * rest through {@link Application#moveTo} and audits each. Decisions are not e-mailed
 * here: applicants are told on the round's notification date.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
public class BulkStatusChange {

	/** The most applications one action changes. */
	public static final int LIMIT = 5_000;

	/**
	 * The statuses a bulk action moves to. Asking for documents is left to an
	 * application's own page, which names what is missing and by when.
	 */
	public static final Set<ApplicationStatus> TARGETS = EnumSet.of(ApplicationStatus.ELIGIBILITY_CHECKED,
			ApplicationStatus.UNDER_REVIEW, ApplicationStatus.ADMITTED, ApplicationStatus.RESERVE,
			ApplicationStatus.NOT_ADMITTED);

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final AuditLog auditLog;

	private final Clock clock;

	private final AdmissionsReach reach;

	private final Offers offers;

	private final Places places;

	BulkStatusChange(JdbcClient jdbc, EntityManager entityManager, AuditLog auditLog, Clock clock,
			AdmissionsReach reach, Offers offers, Places places) {
		this.places = places;
		this.reach = reach;
		this.offers = offers;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What would happen to the applications chosen one by one. */
	@Transactional(readOnly = true)
	public Preview preview(Change change, Collection<UUID> ids) {
		if (ids.size() > LIMIT) {
			return Preview.overLimit();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String coordinated = this.reach.current().coordinated(params);
		params.put("ids", ids.stream().map(UUID::toString).toArray(String[]::new));
		List<Candidate> candidates = this.jdbc
			.sql("select " + CANDIDATE_COLUMNS
					+ " from application a where a.submitted_at is not null and a.id = any(cast(:ids as uuid[])) and "
					+ coordinated + " order by a.reference")
			.params(params)
			.query((rs, n) -> candidate(rs))
			.list();
		return preview(change, candidates, programmeIsOurs(change));
	}

	/** What would happen to every application of a view, when it has at most LIMIT. */
	@Transactional(readOnly = true)
	public Preview preview(Change change, QueueFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		Reach reach = this.reach.current();
		String sql = "select " + CANDIDATE_COLUMNS + " from application a where "
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
	private boolean programmeIsOurs(Change change) {
		return !change.target().needsProgramme() || change.programme() == null || this.reach.offers(change.programme());
	}

	private static Preview preview(Change change, List<Candidate> candidates, boolean programmeIsOurs) {
		List<Item> changes = new ArrayList<>();
		List<Item> refused = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Refusal refusal = programmeIsOurs
					? check(change, candidate.status(), candidate.notified(), candidate.choices()) : Refusal.NOT_YOURS;
			Item item = new Item(candidate.id(), candidate.reference(), candidate.name(), candidate.status(),
					candidate.status(), candidate.version(), refusal);
			((refusal == null) ? changes : refused).add(item);
		}
		return new Preview(changes, refused, false);
	}

	/**
	 * Applies a previewed change, in one transaction: every application is locked (in id
	 * order, so that two actions never wait for each other in a circle), checked again
	 * and refused if its version is not the one previewed.
	 * @param versions each application's id and the version the preview showed
	 */
	@Transactional
	public Outcome apply(Change change, Map<UUID, Long> versions, Map<Long, String> programmeTitles) {
		if (versions.isEmpty() || versions.size() > LIMIT) {
			return new Outcome(List.of(), List.of());
		}
		List<Application> locked = this.entityManager
			.createQuery("select a from Application a where a.id in :ids and a.submittedAt is not null order by a.id",
					Application.class)
			.setParameter("ids", versions.keySet())
			.setLockMode(LockModeType.PESSIMISTIC_WRITE)
			.getResultList();
		Map<UUID, List<Long>> choices = choices(versions.keySet());
		StaffScope scope = StaffScope.current();
		boolean programmeIsOurs = programmeIsOurs(change);
		Instant now = this.clock.instant();
		List<Item> changed = new ArrayList<>();
		List<Item> refused = new ArrayList<>();
		Set<UUID> found = new HashSet<>();
		for (Application application : locked) {
			found.add(application.getId());
			ApplicationStatus from = application.getStatus();
			boolean coordinated = AdmissionsReach.coordinates(scope, application);
			Refusal refusal = !coordinated ? Refusal.NOT_FOUND : !programmeIsOurs ? Refusal.NOT_YOURS
					: (application.getVersion() != versions.get(application.getId())) ? Refusal.CHANGED_SINCE_PREVIEW
							: check(change, from, application.getDecisionNotifiedAt() != null,
									choices.getOrDefault(application.getId(), List.of()));
			if (refusal == null && change.target() == ApplicationStatus.ADMITTED) {
				OptionalInt free = this.places.lockFree(application.getRoundId(), change.programme());
				if (free.isPresent() && free.getAsInt() <= 0) {
					refusal = Refusal.NO_PLACES;
				}
			}
			if (refusal != null) {
				refused.add(new Item(application.getId(), application.getReference(), application.getFullName(), from,
						from, application.getVersion(), refusal));
				continue;
			}
			Long programmeBefore = application.getDecisionProgrammeId();
			String reasonBefore = application.getStatusReason();
			application.moveTo(change.target(), change.target().needsProgramme() ? change.programme() : null,
					change.reason(), null, now);
			// A bulk offer is unconditional; conditions are set one application at a
			// time.
			this.offers.decided(application, from, List.of());
			changed.add(new Item(application.getId(), application.getReference(), application.getFullName(), from,
					application.getStatus(), application.getVersion(), null));
			List<FieldChange> fields = new ArrayList<>();
			fields.add(new FieldChange("status", from.name(), change.target().name()));
			String titleBefore = (programmeBefore != null) ? programmeTitles.getOrDefault(programmeBefore, "") : null;
			String titleAfter = (application.getDecisionProgrammeId() != null)
					? programmeTitles.getOrDefault(application.getDecisionProgrammeId(), "") : null;
			if (!Objects.equals(titleBefore, titleAfter)) {
				fields.add(new FieldChange("decisionProgramme", titleBefore, titleAfter));
			}
			if (!Objects.equals(reasonBefore, change.reason())) {
				fields.add(new FieldChange("reason", reasonBefore, change.reason()));
			}
			this.auditLog.recordFor(AuditAction.STATUS_CHANGE, Application.AUDIT_TYPE, application.getId(),
					"Status of " + application.getReference() + " changed from " + from.inWords() + " to "
							+ change.target().inWords() + " (bulk action)",
					fields);
		}
		for (Map.Entry<UUID, Long> entry : versions.entrySet()) {
			if (!found.contains(entry.getKey())) {
				refused.add(new Item(entry.getKey(), null, null, null, null, entry.getValue(), Refusal.NOT_FOUND));
			}
		}
		changed.sort(Comparator.comparing(Item::reference));
		return new Outcome(changed, refused);
	}

	/** Why an application cannot move as asked, or {@code null} when it can. */
	static @Nullable Refusal check(Change change, ApplicationStatus from, boolean notified, List<Long> choices) {
		ApplicationStatus target = change.target();
		if (!from.canMoveTo(target)) {
			return Refusal.TRANSITION;
		}
		if (from.isDecision() && notified) {
			return Refusal.ALREADY_NOTIFIED;
		}
		if (target.needsReasonFrom(from) && (change.reason() == null || change.reason().isBlank())) {
			return Refusal.REASON_REQUIRED;
		}
		if (target.needsProgramme()) {
			if (change.programme() == null) {
				return Refusal.PROGRAMME_REQUIRED;
			}
			if (!choices.contains(change.programme())) {
				return Refusal.NOT_A_CHOICE;
			}
		}
		return null;
	}

	private Map<UUID, List<Long>> choices(Collection<UUID> ids) {
		Map<UUID, List<Long>> choices = new HashMap<>();
		this.jdbc
			.sql("select application_id, programme_id from application_choice "
					+ "where application_id = any(cast(:ids as uuid[])) order by application_id, rank")
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs) -> {
				choices.computeIfAbsent(rs.getObject("application_id", UUID.class), (id) -> new ArrayList<>())
					.add(rs.getLong("programme_id"));
			});
		return choices;
	}

	private static final String CANDIDATE_COLUMNS = """
			a.id, a.reference, a.full_name, a.status, a.version, a.decision_notified_at is not null as notified,
			array(select c.programme_id from application_choice c where c.application_id = a.id order by c.rank) as choices""";

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

	/**
	 * The change asked for.
	 *
	 * @param programme the programme of an offer or a reserve place
	 * @param reason why, where the move needs a reason
	 */
	public record Change(ApplicationStatus target, Long programme, String reason) {
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
	 * One application in a preview or an outcome.
	 *
	 * @param from its status before
	 * @param now its status now: after the change in an outcome, as it is in a preview
	 * @param version its version when checked
	 * @param refusal why it is not changed, or {@code null} when it is (or would be)
	 */
	public record Item(UUID id, @Nullable String reference, @Nullable String name, @Nullable ApplicationStatus from,
			@Nullable ApplicationStatus now, long version, @Nullable Refusal refusal) {
	}

	/** What a confirmation would do, or that the view holds too many to act on. */
	public record Preview(List<Item> changes, List<Item> refused, boolean tooMany) {

		static Preview overLimit() {
			return new Preview(List.of(), List.of(), true);
		}

	}

	/** What a confirmation did. */
	public record Outcome(List<Item> changed, List<Item> refused) {
	}

}
