package org.prospectus.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institutions;
import org.prospectus.staging.InvalidRevisionException;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.staging.ScheduledPublications.Schedule;
import org.prospectus.staging.ScheduledPublisher.ScheduleRefusedException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The life of a programme on the public site, for catalogue editors: a draft is previewed
 * through the real public template, then published; a retired programme keeps its page,
 * which says it is no longer offered. Each step checks that nobody changed the programme
 * in between, and lands in the audit log.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class ProgrammePublishing {

	/**
	 * The entity type of programmes in the audit log, pending revisions and schedules.
	 */
	public static final String ENTITY_TYPE = "programme";

	private final ProgrammeRepository programmes;

	private final AuditLog auditLog;

	private final ProgrammeEditing editing;

	private final PendingRevisions revisions;

	private final ProgrammeDocuments documents;

	private final EditableProgrammes editable;

	private final ScheduledPublications schedules;

	ProgrammePublishing(ProgrammeRepository programmes, AuditLog auditLog, ProgrammeEditing editing,
			PendingRevisions revisions, ProgrammeDocuments documents, EditableProgrammes editable,
			ScheduledPublications schedules) {
		this.editable = editable;
		this.schedules = schedules;
		this.programmes = programmes;
		this.auditLog = auditLog;
		this.editing = editing;
		this.revisions = revisions;
		this.documents = documents;
	}

	@Transactional(readOnly = true)
	public Page<Programme> search(@Nullable String text, @Nullable PublicationState state, Pageable pageable) {
		return this.programmes.searchForStaff(StaffScope.current().isEverywhere(StaffRole.EDITOR),
				StaffScope.current().institutionsForQuery(StaffRole.EDITOR), (text != null) ? text.strip() : "", state,
				pageable);
	}

	@Transactional(readOnly = true)
	public Optional<Programme> find(long id) {
		return this.editable.find(id);
	}

	@Transactional(readOnly = true)
	public List<Programme> drafts() {
		return this.programmes.findByStateWithInstitution(PublicationState.DRAFT)
			.stream()
			.filter((programme) -> Institutions.editable(programme.getInstitution().getId()))
			.toList();
	}

	/**
	 * Publishes the programme with its pending edits, exactly as previewed.
	 * @param expectedVersion the programme's version the preview showed
	 * @param expectedRevision the version of the pending edits the preview showed, or
	 * {@code null} when it showed none
	 * @param expectedDocument the SHA-256 of the course description waiting for
	 * publication that the preview showed, or {@code null} when it showed none
	 * @throws StaleProgrammeException when the programme or its waiting document changed
	 * since
	 * @throws org.prospectus.staging.StaleRevisionException when its pending edits did
	 * @throws InvalidRevisionException when the pending edits no longer pass the checks
	 */
	@Transactional
	public void publish(long id, long expectedVersion, @Nullable Long expectedRevision,
			@Nullable String expectedDocument) {
		Programme programme = this.editable.get(id);
		String waitingDocument = this.documents.pending(id).map(ProgrammeDocuments.Pending::sha256).orElse(null);
		if (programme.getVersion() != expectedVersion || !Objects.equals(waitingDocument, expectedDocument)) {
			throw new StaleProgrammeException(programme);
		}
		publish(programme, expectedRevision);
		this.schedules.cancel(ENTITY_TYPE, id, programme.getInstitution().getZone(), what(programme),
				"published before its time");
	}

	/**
	 * Publishes the programme as its preview shows it now, for a schedule that came due:
	 * {@link ScheduledPublications} takes the schedule in the same transaction.
	 * @throws ScheduleRefusedException when there is nothing to publish or the pending
	 * edits no longer pass the checks
	 */
	@Transactional
	public void publishScheduled(long id) {
		Programme programme = this.editable.get(id);
		if (!hasChanges(programme)) {
			throw new ScheduleRefusedException("schedule.failure.nothing");
		}
		try {
			publish(programme,
					this.revisions.find(ENTITY_TYPE, id, ProgrammeForm.class)
						.map(PendingRevision::version)
						.orElse(null));
		}
		catch (InvalidRevisionException ex) {
			throw new ScheduleRefusedException("schedule.failure.invalid");
		}
	}

	/**
	 * Whether publishing would change anything: a draft or retired state, edits or a
	 * document.
	 */
	private boolean hasChanges(Programme programme) {
		return programme.getState() != PublicationState.PUBLISHED
				|| this.revisions.find(ENTITY_TYPE, programme.getId(), ProgrammeForm.class).isPresent()
				|| this.documents.pending(programme.getId()).isPresent();
	}

	private void publish(Programme programme, @Nullable Long expectedRevision) {
		long id = programme.getId();
		Optional<ProgrammeForm> pending = this.revisions.take(ENTITY_TYPE, id, expectedRevision, ProgrammeForm.class);
		List<FieldChange> changes = new ArrayList<>();
		if (pending.isPresent()) {
			Errors errors = new BeanPropertyBindingResult(pending.get(), "form");
			ProgrammeContent content = this.editing.check(pending.get(), errors);
			if (content == null) {
				throw new InvalidRevisionException(errors);
			}
			changes.addAll(this.editing.apply(programme, content));
		}
		this.documents.promotePending(id);
		PublicationState before = programme.getState();
		if (before == PublicationState.PUBLISHED && pending.isEmpty()) {
			return;
		}
		programme.publish();
		changes.addAll(new FieldChange.Diff().field("programme.state", before, PublicationState.PUBLISHED).changes());
		this.auditLog.record(AuditAction.PUBLISH, ENTITY_TYPE, id,
				((before == PublicationState.PUBLISHED) ? "Published changes to the programme "
						: "Published the programme ") + programme.getTitle() + " of "
						+ programme.getInstitution().getName(),
				changes);
	}

	/** When the programme's changes are scheduled to go live, if they are. */
	@Transactional(readOnly = true)
	public Optional<Schedule> scheduleOf(long id) {
		this.editable.check(id);
		return this.schedules.find(ENTITY_TYPE, id);
	}

	/**
	 * Schedules the programme's publication, as its preview shows it then, at the time
	 * typed in its institution's zone; each reason it cannot beside the field.
	 * @return whether it was scheduled
	 */
	@Transactional
	public boolean schedule(long id, ScheduleForm form, Errors errors) {
		Programme programme = this.editable.get(id);
		return this.schedules.schedule(ENTITY_TYPE, id, programme.getInstitution().getId(),
				programme.getInstitution().getZone(), form, hasChanges(programme), what(programme), errors);
	}

	/**
	 * Cancels the programme's scheduled publication; its changes stay staged.
	 * @return whether it had one
	 */
	@Transactional
	public boolean unschedule(long id) {
		Programme programme = this.editable.get(id);
		return this.schedules.cancel(ENTITY_TYPE, id, programme.getInstitution().getZone(), what(programme),
				"cancelled by hand");
	}

	static String what(Programme programme) {
		return "the programme " + programme.getTitle() + " of " + programme.getInstitution().getName();
	}

	/**
	 * @throws StaleProgrammeException when the programme changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public void retire(long id, long expectedVersion) {
		change(id, expectedVersion, PublicationState.RETIRED, AuditAction.RETIRE, "Retired");
	}

	private void change(long id, long expectedVersion, PublicationState target, AuditAction action, String verb) {
		// Only retiring goes through here; publishing also writes the pending edits.
		Programme programme = this.editable.get(id);
		if (programme.getVersion() != expectedVersion) {
			throw new StaleProgrammeException(programme);
		}
		PublicationState before = programme.getState();
		if (before == target) {
			return;
		}
		programme.retire();
		this.auditLog.record(action, ENTITY_TYPE, id,
				verb + " the programme " + programme.getTitle() + " of " + programme.getInstitution().getName(),
				new FieldChange.Diff().field("programme.state", before, target).changes());
	}

	/** Programmes with unpublished changes, most recently saved first. */
	@Transactional(readOnly = true)
	public List<Programme> withPendingChanges() {
		List<Long> ids = this.revisions.idsOf(ENTITY_TYPE);
		Map<Long, Programme> found = new HashMap<>();
		this.programmes.findAllWithInstitution(ids).forEach((programme) -> found.put(programme.getId(), programme));
		return ids.stream()
			.map(found::get)
			.filter(Objects::nonNull)
			.filter((programme) -> Institutions.editable(programme.getInstitution().getId()))
			.toList();
	}

	/** Which of these programmes have unpublished changes. */
	@Transactional(readOnly = true)
	public Set<Long> pendingAmong(List<Programme> programmes) {
		return new HashSet<>(
				this.revisions.pendingAmong(ENTITY_TYPE, programmes.stream().map(Programme::getId).toList()));
	}

}
