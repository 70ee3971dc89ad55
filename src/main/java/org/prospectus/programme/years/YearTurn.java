package org.prospectus.programme.years;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeForm;
import org.prospectus.programme.ProgrammePublishing;
import org.prospectus.programme.YearPlans;
import org.prospectus.programme.YearValues;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.ScheduledPublications;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The turn of a programme's year of entry: when the current year has closed (the module
 * that knows the rounds decides when: once its last round's studies have started), the
 * next published year becomes the programme's current one and the closed year is kept,
 * published and readable, as a past year. Safe with several instances: the programme's
 * row is locked and the year checked again.
 */
@Component
@NamedInterface("api")
public class YearTurn {

	private final ProgrammeYearRepository years;

	private final PendingRevisions revisions;

	private final ScheduledPublications schedules;

	private final AuditLog auditLog;

	private final YearPlans plans;

	YearTurn(ProgrammeYearRepository years, PendingRevisions revisions, ScheduledPublications schedules,
			AuditLog auditLog, YearPlans plans) {
		this.plans = plans;
		this.years = years;
		this.revisions = revisions;
		this.schedules = schedules;
		this.auditLog = auditLog;
	}

	/** Programmes with a published year of entry after their current one. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates() {
		return this.years.findTurnCandidates();
	}

	/**
	 * Makes the programme's next published year its current one, if its current year is
	 * still {@code closing}. It waits while that next year has unpublished changes or a
	 * schedule: they are edits in flight, the editor's to publish first. The programme's
	 * own unpublished changes were made for the closing year; their requirements, fees
	 * and plan follow the new current year, so that publishing them later cannot bring
	 * the old year's back.
	 * @return whether the year turned
	 */
	@Transactional
	public boolean turn(long programmeId, int closing) {
		Optional<Programme> locked = this.years.lockProgramme(programmeId);
		if (locked.isEmpty() || locked.get().getEntryYear() != closing) {
			return false;
		}
		Programme programme = locked.get();
		Optional<ProgrammeYear> found = this.years.findByProgramme(programme)
			.stream()
			.filter((year) -> year.isPublished() && year.getEntryYear() > closing)
			.min(Comparator.comparingInt(ProgrammeYear::getEntryYear));
		if (found.isEmpty()
				|| this.revisions.find(ProgrammeYears.ENTITY_TYPE, found.get().getId(), YearForm.class).isPresent()
				|| this.schedules.find(ProgrammeYears.ENTITY_TYPE, found.get().getId()).isPresent()) {
			return false;
		}
		ProgrammeYear next = found.get();
		String currency = programme.getInstitution().getCurrency().getCurrencyCode();
		Map<String, String> before = YearForm.of(YearValues.of(programme), currency).describe();
		ProgrammeYear past = new ProgrammeYear(programme, closing, YearValues.of(programme));
		past.publish();
		YearValues values = next.values();
		this.years.delete(next);
		this.years.save(past);
		values.applyTo(programme);
		programme.setEntryYear(next.getEntryYear());
		this.plans.turn(programme, closing, next.getEntryYear());
		this.revisions.find(ProgrammePublishing.ENTITY_TYPE, programmeId, ProgrammeForm.class).ifPresent((pending) -> {
			ProgrammeForm form = pending.form();
			form.fill(values, currency);
			form.fillPlan(this.plans.current(programme));
			this.revisions.save(ProgrammePublishing.ENTITY_TYPE, programmeId, programme.getVersion(), pending.version(),
					form);
		});
		List<FieldChange> changes = new ArrayList<>(List.of(new FieldChange("programme.year.current",
				Integer.toString(closing), Integer.toString(next.getEntryYear()))));
		changes.addAll(FieldChange.between(before, YearForm.of(values, currency).describe()));
		this.auditLog.record(AuditAction.UPDATE, ProgrammePublishing.ENTITY_TYPE, programmeId,
				next.getEntryYear() + " entry became the current year of the programme " + programme.getTitle() + "; "
						+ closing + " entry is kept as a past year",
				changes);
		return true;
	}

	/**
	 * A programme whose year of entry may turn.
	 *
	 * @param programmeId the programme
	 * @param entryYear its current year of entry
	 */
	public record Candidate(long programmeId, int entryYear) {

	}

}
