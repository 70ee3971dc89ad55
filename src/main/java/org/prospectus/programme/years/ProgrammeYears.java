package org.prospectus.programme.years;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institutions;
import org.prospectus.programme.PlanEntry;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammePublishing;
import org.prospectus.programme.YearPlans;
import org.prospectus.programme.YearValues;
import org.prospectus.staging.InvalidRevisionException;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.staging.ScheduledPublications.Schedule;
import org.prospectus.staging.ScheduledPublisher.ScheduleRefusedException;
import org.prospectus.staging.StaleRevisionException;
import org.prospectus.support.FieldChecks;
import org.prospectus.web.NotFoundException;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * A programme's years of entry other than its current one, for catalogue editors: next
 * year's prepared ahead as a draft copy of the year before, its fees and requirements
 * edited as staged changes, published (or scheduled) when ready; past years kept. Like
 * every catalogue edit, a save is staged, checked again on publishing, refused when
 * someone saved in between, and audited with each field before and after.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class ProgrammeYears {

	/**
	 * The entity type of years of entry in the audit log, pending revisions and
	 * schedules.
	 */
	public static final String ENTITY_TYPE = "programme-year";

	private final ProgrammeYearRepository years;

	private final ProgrammePublishing programmes;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final ScheduledPublications schedules;

	private final YearPlans plans;

	ProgrammeYears(ProgrammeYearRepository years, ProgrammePublishing programmes, PendingRevisions revisions,
			AuditLog auditLog, ScheduledPublications schedules, YearPlans plans) {
		this.plans = plans;
		this.years = years;
		this.programmes = programmes;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.schedules = schedules;
	}

	/** The programme with its other years of entry, in order. */
	@Transactional(readOnly = true)
	public Overview overview(long programmeId) {
		Programme programme = editable(programmeId);
		List<ProgrammeYear> all = this.years.findByProgramme(programme);
		List<Long> pending = this.revisions.pendingAmong(ENTITY_TYPE, all.stream().map(ProgrammeYear::getId).toList());
		return new Overview(programme, all, pending, nextYear(programme, all));
	}

	/** The programme, when the signed-in editor may edit it. */
	private Programme editable(long programmeId) {
		return this.programmes.find(programmeId)
			.orElseThrow(() -> NotFoundException.forRecord("programme", programmeId));
	}

	private static int nextYear(Programme programme, List<ProgrammeYear> all) {
		return Math.max(programme.getEntryYear(),
				all.stream().mapToInt(ProgrammeYear::getEntryYear).max().orElse(programme.getEntryYear())) + 1;
	}

	/**
	 * Prepares the programme's next year of entry as a draft: a copy of the latest year
	 * before it, so that the editor changes what differs. Asking again finds the same
	 * draft.
	 * @return the year prepared
	 */
	@Transactional
	public int prepareNext(long programmeId) {
		Programme programme = editable(programmeId);
		return prepare(programme, nextYear(programme, this.years.findByProgramme(programme)));
	}

	/**
	 * Prepares a year of entry of each of these programmes, where it is after the
	 * programme's current one and missing, as a draft copy of the latest year before it:
	 * for rounds rolled over to that year. In a few statements however many programmes.
	 * @return how many were made
	 */
	@Transactional
	public int prepareFor(Collection<Long> programmeIds, int entryYear) {
		if (programmeIds.isEmpty()) {
			return 0;
		}
		Map<Long, List<ProgrammeYear>> earlier = new HashMap<>();
		for (ProgrammeYear year : this.years.findUpTo(programmeIds, entryYear)) {
			earlier.computeIfAbsent(year.getProgramme().getId(), (id) -> new ArrayList<>()).add(year);
		}
		List<Copy> copies = new ArrayList<>();
		for (Programme programme : this.years.findProgrammes(programmeIds)) {
			List<ProgrammeYear> before = earlier.getOrDefault(programme.getId(), List.of());
			if (!Institutions.editable(programme.getInstitution().getId()) || entryYear <= programme.getEntryYear()
					|| before.stream().anyMatch((year) -> year.getEntryYear() == entryYear)) {
				continue;
			}
			Optional<ProgrammeYear> latest = before.stream()
				.filter((year) -> year.getEntryYear() > programme.getEntryYear())
				.max(Comparator.comparingInt(ProgrammeYear::getEntryYear));
			copies.add(new Copy(programme, latest.map(ProgrammeYear::values).orElseGet(() -> YearValues.of(programme)),
					latest.map(ProgrammeYear::getEntryYear).orElse(null)));
		}
		create(copies, entryYear);
		return copies.size();
	}

	private int prepare(Programme programme, int entryYear) {
		if (this.years.findByProgrammeAndEntryYear(programme, entryYear).isPresent()) {
			return entryYear;
		}
		List<ProgrammeYear> before = this.years.findByProgramme(programme)
			.stream()
			.filter((year) -> year.getEntryYear() < entryYear && year.getEntryYear() > programme.getEntryYear())
			.sorted(Comparator.comparingInt(ProgrammeYear::getEntryYear).reversed())
			.toList();
		create(List.of(new Copy(programme, before.isEmpty() ? YearValues.of(programme) : before.get(0).values(),
				before.isEmpty() ? null : before.get(0).getEntryYear())), entryYear);
		return entryYear;
	}

	/**
	 * Draft years with the values and the plans of the years copied: the plans copied and
	 * read back in a statement or two however many programmes.
	 */
	private void create(List<Copy> copies, int entryYear) {
		List<ProgrammeYear> made = new ArrayList<>();
		for (Copy copy : copies) {
			// Inserted at once (an identity key), and not flushed: a flush checks every
			// entity the transaction holds.
			made.add(this.years.save(new ProgrammeYear(copy.programme(), entryYear, copy.values())));
		}
		copies.stream()
			.collect(Collectors.groupingBy((copy) -> Optional.ofNullable(copy.from()),
					Collectors.mapping((copy) -> copy.programme().getId(), Collectors.toList())))
			.forEach((from, ids) -> this.plans.copy(ids, from.orElse(null), entryYear));
		Map<Long, List<PlanEntry>> plans = this.plans
			.whole(copies.stream().map((copy) -> copy.programme().getId()).toList(), entryYear);
		for (int i = 0; i < copies.size(); i++) {
			Copy copy = copies.get(i);
			YearForm form = YearForm.of(made.get(i));
			form.fillPlan(plans.getOrDefault(copy.programme().getId(), List.of()));
			this.auditLog.record(AuditAction.CREATE, ENTITY_TYPE, made.get(i).getId(),
					"Prepared " + entryYear + " entry of the programme " + copy.programme().getTitle()
							+ " as a draft, copied from "
							+ ((copy.from() != null) ? copy.from() : copy.programme().getEntryYear()) + " entry",
					FieldChange.between(Map.of(), form.describe()));
		}
	}

	/**
	 * A year of entry to prepare.
	 *
	 * @param programme its programme
	 * @param values the requirements and fees it starts from
	 * @param from the year whose values and plan it copies, or {@code null} for the
	 * current one
	 */
	private record Copy(Programme programme, YearValues values, @Nullable Integer from) {

	}

	/** The year's values and plan, as its form shows them. */
	private YearForm liveForm(ProgrammeYear year) {
		YearForm form = YearForm.of(year);
		form.fillPlan(this.plans.whole(year.getProgramme(), year.getEntryYear()));
		return form;
	}

	/** A year of entry with its pending changes, for its staff pages. */
	@Transactional(readOnly = true)
	public Draft draft(long programmeId, int entryYear) {
		ProgrammeYear year = find(programmeId, entryYear);
		Optional<PendingRevision<YearForm>> pending = this.revisions.find(ENTITY_TYPE, year.getId(), YearForm.class);
		YearForm live = liveForm(year);
		YearForm form = pending.map((revision) -> {
			YearForm saved = revision.form();
			saved.setVersion(year.getVersion());
			saved.setRevision(revision.version());
			return saved;
		}).orElse(live);
		return new Draft(year, form, pending.orElse(null), live.describe(),
				pending.map((revision) -> revision.form().describe()).orElse(null),
				this.schedules.find(ENTITY_TYPE, year.getId()).orElse(null));
	}

	private ProgrammeYear find(long programmeId, int entryYear) {
		Programme programme = editable(programmeId);
		return this.years.findByProgrammeAndEntryYear(programme, entryYear)
			.orElseThrow(() -> NotFoundException.forRecord("year of entry", entryYear));
	}

	/**
	 * Checks the form and saves it as the year's pending changes, each problem beside its
	 * field.
	 * @return whether it was saved
	 * @throws StaleRevisionException when someone saved or published in between
	 */
	@Transactional
	public boolean save(long programmeId, int entryYear, YearForm form, Errors errors) {
		Draft draft = draft(programmeId, entryYear);
		form.checkYear(new FieldChecks(errors), errors);
		this.plans.check(form, errors);
		if (errors.hasErrors()) {
			return false;
		}
		ProgrammeYear year = draft.year();
		if (year.getVersion() != form.getVersion()) {
			throw new StaleRevisionException(ENTITY_TYPE, year.getId());
		}
		Map<String, String> before = (draft.pendingFields() != null) ? draft.pendingFields() : draft.liveFields();
		List<FieldChange> changes = FieldChange.between(before, form.describe());
		if (changes.isEmpty()) {
			return true;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		this.revisions.save(ENTITY_TYPE, year.getId(), year.getVersion(), expected, form);
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, year.getId(),
				"Saved unpublished changes to " + what(year), changes);
		return true;
	}

	/**
	 * Publishes the year with its pending changes, exactly as reviewed.
	 * @throws StaleRevisionException when the year or its pending changes changed since
	 * the review
	 * @throws InvalidRevisionException when the changes no longer pass the checks
	 */
	@Transactional
	public void publish(long programmeId, int entryYear, long expectedVersion, @Nullable Long expectedRevision) {
		ProgrammeYear year = find(programmeId, entryYear);
		if (year.getVersion() != expectedVersion) {
			throw new StaleRevisionException(ENTITY_TYPE, year.getId());
		}
		publish(year, expectedRevision);
		this.schedules.cancel(ENTITY_TYPE, year.getId(), zone(year), what(year), "published before its time");
	}

	private void publish(ProgrammeYear year, @Nullable Long expectedRevision) {
		YearForm live = liveForm(year);
		Optional<YearForm> pending = this.revisions.take(ENTITY_TYPE, year.getId(), expectedRevision, YearForm.class);
		boolean wasPublished = year.isPublished();
		if (pending.isPresent()) {
			Errors errors = new BeanPropertyBindingResult(pending.get(), "form");
			YearValues values = pending.get().checkYear(new FieldChecks(errors), errors);
			if (errors.hasErrors()
					|| !this.plans.replace(year.getProgramme(), year.getEntryYear(), pending.get(), errors)) {
				throw new InvalidRevisionException(errors);
			}
			year.write(values);
		}
		else if (wasPublished) {
			return;
		}
		year.publish();
		this.auditLog.record(AuditAction.PUBLISH, ENTITY_TYPE, year.getId(),
				(wasPublished ? "Published changes to " : "Published ") + what(year),
				FieldChange.between(wasPublished ? live.describe() : Map.of(), liveForm(year).describe()));
	}

	/**
	 * Publishes the year as its review page shows it now, for a schedule that came due.
	 * @throws ScheduleRefusedException when there is nothing to publish or the changes no
	 * longer pass the checks
	 */
	@Transactional
	public void publishScheduled(long yearId) {
		ProgrammeYear year = this.years.findWithProgramme(yearId)
			.filter((found) -> this.programmes.find(found.getProgramme().getId()).isPresent())
			.orElseThrow(() -> NotFoundException.forRecord("year of entry", yearId));
		Optional<PendingRevision<YearForm>> pending = this.revisions.find(ENTITY_TYPE, yearId, YearForm.class);
		if (year.isPublished() && pending.isEmpty()) {
			throw new ScheduleRefusedException("schedule.failure.nothing");
		}
		try {
			publish(year, pending.map(PendingRevision::version).orElse(null));
		}
		catch (InvalidRevisionException ex) {
			throw new ScheduleRefusedException("schedule.failure.invalid");
		}
	}

	/**
	 * Throws the pending changes away.
	 * @throws StaleRevisionException when they are not the ones the editor saw
	 */
	@Transactional
	public void discard(long programmeId, int entryYear, @Nullable Long expectedRevision) {
		Draft draft = draft(programmeId, entryYear);
		this.schedules.cancel(ENTITY_TYPE, draft.year().getId(), zone(draft.year()), what(draft.year()),
				"its changes were discarded");
		this.revisions.take(ENTITY_TYPE, draft.year().getId(), expectedRevision, YearForm.class);
		if (draft.pendingFields() != null) {
			this.auditLog.record(AuditAction.DISCARD, ENTITY_TYPE, draft.year().getId(),
					"Discarded unpublished changes to " + what(draft.year()),
					FieldChange.between(draft.pendingFields(), draft.liveFields()));
		}
	}

	/**
	 * Schedules the year's publication, as its review page shows it then, at a time typed
	 * in the institution's zone; each reason it cannot beside the field.
	 * @return whether it was scheduled
	 */
	@Transactional
	public boolean schedule(long programmeId, int entryYear, ScheduleForm form, Errors errors) {
		Draft draft = draft(programmeId, entryYear);
		ProgrammeYear year = draft.year();
		return this.schedules.schedule(ENTITY_TYPE, year.getId(), year.getProgramme().getInstitution().getId(),
				zone(year), form, draft.hasChanges(), what(year), errors);
	}

	/** Cancels the year's scheduled publication; its changes stay staged. */
	@Transactional
	public boolean unschedule(long programmeId, int entryYear) {
		ProgrammeYear year = find(programmeId, entryYear);
		return this.schedules.cancel(ENTITY_TYPE, year.getId(), zone(year), what(year), "cancelled by hand");
	}

	private static ZoneId zone(ProgrammeYear year) {
		return year.getProgramme().getInstitution().getZone();
	}

	private static String what(ProgrammeYear year) {
		return year.getEntryYear() + " entry of the programme " + year.getProgramme().getTitle() + " of "
				+ year.getProgramme().getInstitution().getName();
	}

	/**
	 * A programme's years of entry.
	 *
	 * @param programme the programme, whose row is its current year
	 * @param years its other years, in order
	 * @param pending the ids of the years with unpublished changes
	 * @param next the year "prepare next year" makes
	 */
	public record Overview(Programme programme, List<ProgrammeYear> years, List<Long> pending, int next) {

	}

	/**
	 * A year being edited.
	 *
	 * @param year the year as it is
	 * @param form its pending changes, or its values
	 * @param pending the pending revision, or {@code null}
	 * @param liveFields its values as people read them
	 * @param pendingFields the pending values as people read them, or {@code null}
	 * @param schedule when the changes are to go live, or {@code null}
	 */
	public record Draft(ProgrammeYear year, YearForm form, @Nullable PendingRevision<YearForm> pending,
			Map<String, String> liveFields, @Nullable Map<String, String> pendingFields, @Nullable Schedule schedule) {

		/** Whether publishing would change anything: a draft, or pending changes. */
		public boolean hasChanges() {
			return !this.year.isPublished() || this.pending != null;
		}

	}

}
