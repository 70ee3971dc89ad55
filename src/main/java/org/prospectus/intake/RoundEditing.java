package org.prospectus.intake;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeEditing;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.staging.ScheduledPublications.Schedule;
import org.prospectus.staging.ScheduledPublisher.ScheduleRefusedException;
import org.prospectus.staging.StaleRevisionException;

import org.prospectus.web.NotFoundException;
import org.prospectus.web.Translated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Staff editing of application rounds. Like programme edits, round edits are staged: a
 * save keeps the form as the round's pending revision, which the programme previews show
 * and publishing writes onto the live round. Every step checks that nobody saved in
 * between, and lands in the audit log with each field's value before and after.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class RoundEditing {

	/** The entity type of rounds in the audit log, pending revisions and schedules. */
	public static final String ENTITY_TYPE = "application-round";

	private final ApplicationRoundRepository rounds;

	private final ProgrammeEditing programmes;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EntityManager entityManager;

	private final Institutions institutions;

	private final ScheduledPublications schedules;

	private final ApplicationEventPublisher events;

	RoundEditing(ApplicationRoundRepository rounds, ProgrammeEditing programmes, PendingRevisions revisions,
			AuditLog auditLog, EntityManager entityManager, Institutions institutions, ScheduledPublications schedules,
			ApplicationEventPublisher events) {
		this.events = events;
		this.institutions = institutions;
		this.schedules = schedules;
		this.rounds = rounds;
		this.programmes = programmes;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.entityManager = entityManager;
	}

	@Transactional(readOnly = true)
	public Page<ApplicationRound> search(@Nullable String text, Pageable pageable) {
		return this.rounds.searchForStaff(StaffScope.current().isEverywhere(StaffRole.EDITOR),
				StaffScope.current().institutionsForQuery(StaffRole.EDITOR), (text != null) ? text.strip() : "",
				pageable);
	}

	@Transactional(readOnly = true)
	public Optional<ApplicationRound> find(long id) {
		return editable(id);
	}

	/**
	 * The round with its institution, when the signed-in editor may edit it: a round is
	 * its coordinator's, a joint one too (ADR 0018). Every method that names a round by
	 * its id looks it up here, whatever the web layer let through.
	 */
	private Optional<ApplicationRound> editable(long id) {
		return this.rounds.findWithInstitution(id)
			.filter((round) -> Institutions.editable(round.getInstitution().getId()));
	}

	/** Rounds with unpublished changes, most recently saved first. */
	@Transactional(readOnly = true)
	public List<ApplicationRound> withPendingChanges() {
		List<Long> ids = this.revisions.idsOf(ENTITY_TYPE);
		Map<Long, ApplicationRound> found = new HashMap<>();
		this.rounds.findAllWithInstitution(ids).forEach((round) -> found.put(round.getId(), round));
		return ids.stream()
			.map(found::get)
			.filter(Objects::nonNull)
			.filter((round) -> Institutions.editable(round.getInstitution().getId()))
			.toList();
	}

	/** Which of these rounds have unpublished changes. */
	@Transactional(readOnly = true)
	public Set<Long> pendingAmong(List<ApplicationRound> list) {
		return Set
			.copyOf(this.revisions.pendingAmong(ENTITY_TYPE, list.stream().map(ApplicationRound::getId).toList()));
	}

	/**
	 * What the edit and review pages start from: the live round, the programmes it may
	 * admit to, and its pending changes if any.
	 */
	@Transactional(readOnly = true)
	public Optional<Draft> draft(long id) {
		return editable(id).map((round) -> {
			Optional<PendingRevision<RoundForm>> pending = this.revisions.find(ENTITY_TYPE, id, RoundForm.class);
			RoundForm live = RoundForm.of(round);
			RoundForm form = pending.map((revision) -> {
				RoundForm saved = revision.form();
				saved.setVersion(round.getVersion());
				saved.setRevision(revision.version());
				return saved;
			}).orElse(live);
			List<Programme> choices = choices(round);
			Map<Long, String> names = titlesById(choices);
			return new Draft(round, form, pending.orElse(null), choices, live.describe(round.getZone(), names),
					pending.map((revision) -> revision.form().describe(round.getZone(), names)).orElse(null),
					this.schedules.find(ENTITY_TYPE, id).orElse(null));
		});
	}

	/**
	 * Checks a form against the round: the schedule, the choice limit and the programmes,
	 * each reason beside its field.
	 * @return whether it passed
	 */
	@Transactional(readOnly = true)
	public boolean check(long id, RoundForm form, Errors errors) {
		ApplicationRound round = editable(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		RoundSchedule schedule = form.toSchedule(round.getZone(), errors);
		Set<Long> allowed = choices(round).stream().map(Programme::getId).collect(Collectors.toSet());
		Set<Long> chosen = form.programmeIds(allowed, errors);
		return schedule != null && chosen != null && !errors.hasErrors();
	}

	/**
	 * Saves a checked form as the round's pending changes.
	 * @throws RoundConflictException when the round was published since, or someone saved
	 * other pending changes meanwhile; nothing is written
	 */
	@Transactional
	public void save(long id, RoundForm form) {
		ApplicationRound round = editable(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		Draft draft = draft(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		if (round.getVersion() != form.getVersion()) {
			throw new RoundConflictException(draft.form());
		}
		Map<Long, String> names = draft.programmeNames();
		Map<String, String> before = (draft.pendingFields() != null) ? draft.pendingFields() : draft.liveFields();
		List<FieldChange> changes = FieldChange.between(before, form.describe(round.getZone(), names));
		if (changes.isEmpty()) {
			// Saved as it was shown: nothing to stage, nothing to record.
			return;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		try {
			this.revisions.save(ENTITY_TYPE, id, round.getVersion(), expected, form);
		}
		catch (StaleRevisionException ex) {
			throw new RoundConflictException(draft.form());
		}
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id,
				"Saved unpublished changes to the round " + round.getName() + " of " + round.getInstitution().getName(),
				changes);
	}

	/**
	 * Writes the pending changes onto the live round, exactly as reviewed.
	 * @throws RoundConflictException when the round or its pending changes changed since
	 * the review page was shown
	 * @throws InvalidRoundRevisionException when the changes no longer pass the checks
	 */
	@Transactional
	public void publish(long id, long expectedVersion, Long expectedRevision) {
		ApplicationRound round = editable(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		Draft draft = draft(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		if (round.getVersion() != expectedVersion || expectedRevision == null) {
			throw new RoundConflictException(draft.form());
		}
		publish(round, draft, expectedRevision);
		this.schedules.cancel(ENTITY_TYPE, id, round.getZone(), what(round), "published before its time");
	}

	/**
	 * Publishes the round's pending changes as they are now, for a schedule that came
	 * due: {@link ScheduledPublications} takes the schedule in the same transaction.
	 * @throws ScheduleRefusedException when there is nothing to publish or the changes no
	 * longer pass the checks
	 */
	@Transactional
	public void publishScheduled(long id) {
		ApplicationRound round = editable(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		Draft draft = draft(id).orElseThrow();
		if (draft.pending() == null) {
			throw new ScheduleRefusedException("schedule.failure.nothing");
		}
		try {
			publish(round, draft, draft.pending().version());
		}
		catch (InvalidRoundRevisionException ex) {
			throw new ScheduleRefusedException("schedule.failure.invalid");
		}
		catch (RoundConflictException ex) {
			// Someone published or saved at that very moment.
			throw new ScheduleRefusedException("schedule.failure.conflict");
		}
	}

	private void publish(ApplicationRound round, Draft draft, long expectedRevision) {
		long id = round.getId();
		RoundForm form;
		try {
			form = this.revisions.take(ENTITY_TYPE, id, expectedRevision, RoundForm.class).orElseThrow();
		}
		catch (StaleRevisionException ex) {
			throw new RoundConflictException(draft.form());
		}
		Errors errors = new BeanPropertyBindingResult(form, "form");
		RoundSchedule schedule = form.toSchedule(round.getZone(), errors);
		Set<Long> chosen = form.programmeIds(draft.programmeNames().keySet(), errors);
		if (schedule == null || chosen == null || errors.hasErrors()) {
			throw new InvalidRoundRevisionException(errors);
		}
		round.rename(form.getName().strip());
		round.setTranslations(Translated.nested(form.getTranslations()));
		round.reschedule(schedule);
		round.setChoiceLimit(form.limit());
		int referencesBefore = round.getReferencesRequired();
		Map<Long, Integer> programmeReferencesBefore = Map.copyOf(round.getProgrammeReferences());
		round.setReferencesRequired(form.references());
		round.setReferencesAtOnce(form.isReferencesAtOnce());
		round.setProgrammeReferences(form.programmeReferences(chosen));
		if (referencesBefore != round.getReferencesRequired()
				|| !programmeReferencesBefore.equals(round.getProgrammeReferences())) {
			this.events.publishEvent(new RoundReferencesChanged(id));
		}
		round.markPublished();
		round.getProgrammes().clear();
		chosen.forEach((programmeId) -> round.admitTo(this.programmes.reference(programmeId)));
		this.entityManager.lock(round, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		this.auditLog.record(AuditAction.PUBLISH, ENTITY_TYPE, id,
				"Published changes to the round " + round.getName() + " of " + round.getInstitution().getName(),
				FieldChange.between(draft.liveFields(), form.describe(round.getZone(), draft.programmeNames())));
	}

	/**
	 * Throws the pending changes away.
	 * @throws RoundConflictException when they are not the ones the editor saw
	 */
	@Transactional
	public void discard(long id, Long expectedRevision) {
		Draft draft = draft(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		try {
			this.revisions.take(ENTITY_TYPE, id, expectedRevision, RoundForm.class);
		}
		catch (StaleRevisionException ex) {
			throw new RoundConflictException(draft.form());
		}
		this.schedules.cancel(ENTITY_TYPE, id, draft.round().getZone(), what(draft.round()),
				"its changes were discarded");
		if (draft.pendingFields() != null) {
			this.auditLog.record(AuditAction.DISCARD, ENTITY_TYPE, id,
					"Discarded unpublished changes to the round " + draft.round().getName(),
					FieldChange.between(draft.pendingFields(), draft.liveFields()));
		}
	}

	/**
	 * Schedules the round's pending changes to go live at the instant typed in its
	 * institution's zone, for the signed-in editor; each reason it cannot beside the
	 * field.
	 * @return whether it was scheduled
	 */
	@Transactional
	public boolean schedule(long id, ScheduleForm form, Errors errors) {
		Draft draft = draft(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		ApplicationRound round = draft.round();
		return this.schedules.schedule(ENTITY_TYPE, id, round.getInstitution().getId(), round.getZone(), form,
				draft.pending() != null, what(round), errors);
	}

	/**
	 * Cancels the round's scheduled publication; its changes stay staged.
	 * @return whether it had one
	 */
	@Transactional
	public boolean unschedule(long id) {
		ApplicationRound round = editable(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		return this.schedules.cancel(ENTITY_TYPE, id, round.getZone(), what(round), "cancelled by hand");
	}

	private static String what(ApplicationRound round) {
		return "the round " + round.getName() + " of " + round.getInstitution().getName();
	}

	/** The institutions a round can be created for, by name. */
	@Transactional(readOnly = true)
	public List<Institution> institutions() {
		return this.programmes.institutions();
	}

	@Transactional(readOnly = true)
	public Optional<Institution> institution(long id) {
		return this.institutions.find(id).filter((institution) -> Institutions.editable(institution.getId()));
	}

	/**
	 * The programmes a new round coordinated by an institution may admit to, the
	 * institution's own first: its own that are not retired, drafts included, and other
	 * institutions' published ones. A joint round admits to programmes of several
	 * institutions; its dates and fee rules are the coordinator's. Another institution's
	 * draft is its own business, so it is never offered.
	 */
	@Transactional(readOnly = true)
	public List<Programme> choicesFor(Institution institution) {
		return this.programmes.allFirstOf(institution.getId())
			.stream()
			.filter((programme) -> offerable(programme, institution.getId()))
			.toList();
	}

	private static boolean offerable(Programme programme, long coordinatorId) {
		if (programme.getInstitution().getId() == coordinatorId) {
			return programme.getState() != PublicationState.RETIRED;
		}
		return programme.getState() == PublicationState.PUBLISHED;
	}

	/**
	 * Checks a new round's form in its institution's zone, each reason beside its field.
	 * @return whether it passed
	 */
	@Transactional(readOnly = true)
	public boolean checkNew(Institution institution, NewRoundForm form, Errors errors) {
		form.checkSlug(errors);
		RoundSchedule schedule = form.toSchedule(institution.getZone(), errors);
		Set<Long> allowed = choicesFor(institution).stream().map(Programme::getId).collect(Collectors.toSet());
		Set<Long> chosen = form.programmeIds(allowed, errors);
		return schedule != null && chosen != null && !errors.hasErrors();
	}

	/**
	 * Creates a round that admits to no programme yet, so that no public page shows it;
	 * the programmes chosen wait as its unpublished changes.
	 * @return the new round's id
	 * @throws SlugTakenException when another round has the slug
	 */
	@Transactional
	public long create(Institution institution, NewRoundForm form) {
		String slug = form.getSlug().strip();
		if (this.rounds.existsBySlug(slug)) {
			throw new SlugTakenException();
		}
		RoundSchedule schedule = form.toSchedule(institution.getZone(), new BeanPropertyBindingResult(form, "form"));
		ApplicationRound round = ApplicationRound.unpublished(this.entityManager.merge(institution), slug,
				form.getName().strip(), schedule);
		round.setChoiceLimit(form.limit());
		round.setReferencesRequired(form.references());
		round.setReferencesAtOnce(form.isReferencesAtOnce());
		this.rounds.saveAndFlush(round);
		Map<Long, String> names = titlesById(choicesFor(institution));
		RoundForm live = RoundForm.of(round);
		this.auditLog.record(AuditAction.CREATE, ENTITY_TYPE, round.getId(),
				"Created the round " + round.getName() + " of " + institution.getName(),
				FieldChange.between(Map.of(), live.describe(institution.getZone(), names)));
		if (!form.getProgrammes().isEmpty()) {
			RoundForm staged = RoundForm.of(round);
			staged.setProgrammes(form.getProgrammes());
			staged.setProgrammeReferences(form.getProgrammeReferences());
			this.revisions.save(ENTITY_TYPE, round.getId(), round.getVersion(), null, staged);
			this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, round.getId(),
					"Saved unpublished changes to the round " + round.getName() + " of " + institution.getName(),
					FieldChange.between(live.describe(institution.getZone(), names),
							staged.describe(institution.getZone(), names)));
		}
		return round.getId();
	}

	/** Another round already uses the slug. */
	public static class SlugTakenException extends RuntimeException {

		SlugTakenException() {
			super("Slug taken", null, false, false);
		}

	}

	/**
	 * Programmes a round may admit to, its coordinator's first: those a new round of its
	 * coordinator may admit to, and those it already admits to, so that saving it
	 * unchanged never fails.
	 */
	private List<Programme> choices(ApplicationRound round) {
		Set<Long> linked = round.getProgrammes().stream().map(Programme::getId).collect(Collectors.toSet());
		long coordinatorId = round.getInstitution().getId();
		return this.programmes.allFirstOf(coordinatorId)
			.stream()
			.filter((programme) -> offerable(programme, coordinatorId) || linked.contains(programme.getId()))
			.toList();
	}

	/** Programme titles by id, in the order given, as round descriptions name them. */
	static Map<Long, String> titlesById(List<Programme> programmes) {
		return programmes.stream()
			.collect(Collectors.toMap(Programme::getId, Programme::getTitle, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * A round being edited.
	 *
	 * @param round the live round
	 * @param form the pending changes, or the live values
	 * @param pending the pending revision, or {@code null}
	 * @param choices the programmes it may admit to
	 * @param liveFields the live values as people read them
	 * @param pendingFields the pending values as people read them, or {@code null}
	 * @param schedule when the pending values are to go live, or {@code null}
	 */
	public record Draft(ApplicationRound round, RoundForm form, @Nullable PendingRevision<RoundForm> pending,
			List<Programme> choices, Map<String, String> liveFields, @Nullable Map<String, String> pendingFields,
			@Nullable Schedule schedule) {

		/** The titles of the programmes the round may admit to, by id. */
		public Map<Long, String> programmeNames() {
			return titlesById(this.choices);
		}

	}

}
