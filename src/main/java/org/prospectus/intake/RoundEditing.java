package org.prospectus.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff editing of application rounds: every save checks that nobody saved in between,
 * and lands in the audit log with each field's value before and after.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class RoundEditing {

	static final String ENTITY_TYPE = "application-round";

	private static final DateTimeFormatter AUDIT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private final ApplicationRoundRepository rounds;

	private final AuditLog auditLog;

	RoundEditing(ApplicationRoundRepository rounds, AuditLog auditLog) {
		this.rounds = rounds;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Page<ApplicationRound> search(String text, Pageable pageable) {
		return this.rounds.searchForStaff((text != null) ? text.strip() : "", pageable);
	}

	@Transactional(readOnly = true)
	public Optional<ApplicationRound> find(long id) {
		return this.rounds.findWithInstitution(id);
	}

	/**
	 * Saves a round's name, milestones and choice limit, if nobody saved it since
	 * {@code expectedVersion}.
	 * @throws RoundConflictException when someone did; nothing is written
	 */
	@Transactional
	public void update(long id, long expectedVersion, String name, RoundSchedule schedule, int choiceLimit) {
		ApplicationRound round = this.rounds.findWithInstitution(id).orElseThrow();
		if (round.getVersion() != expectedVersion) {
			throw new RoundConflictException(RoundForm.of(round));
		}
		ZoneId zone = round.getZone();
		RoundSchedule before = round.getSchedule();
		FieldChange.Diff diff = new FieldChange.Diff().field("round.form.name", round.getName(), name.strip())
			.field("round.milestone.OPENS", time(before.opensAt(), zone), time(schedule.opensAt(), zone))
			.field("round.milestone.DEADLINE", time(before.deadlineAt(), zone), time(schedule.deadlineAt(), zone))
			.field("round.milestone.DOCUMENTS_DEADLINE", time(before.documentsDeadlineAt(), zone),
					time(schedule.documentsDeadlineAt(), zone))
			.field("round.milestone.FEE_DEADLINE", time(before.feeDeadlineAt(), zone),
					time(schedule.feeDeadlineAt(), zone))
			.field("round.milestone.NOTIFICATION", time(before.notificationAt(), zone),
					time(schedule.notificationAt(), zone))
			.field("round.milestone.STUDIES_START", time(before.studiesStartAt(), zone),
					time(schedule.studiesStartAt(), zone))
			.field("round.form.month-only", before.studiesStartMonthOnly(), schedule.studiesStartMonthOnly())
			.field("round.form.choice-limit.label", round.getChoiceLimit(), choiceLimit);
		if (diff.isEmpty()) {
			return;
		}
		round.rename(name.strip());
		round.reschedule(schedule);
		round.setChoiceLimit(choiceLimit);
		this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, round.getId(),
				"Changed the round " + round.getName() + " of " + round.getInstitution().getName(), diff.changes());
	}

	private static String time(Instant instant, ZoneId zone) {
		return (instant != null) ? AUDIT_TIME.format(LocalDateTime.ofInstant(instant, zone)) + " " + zone.getId()
				: null;
	}

}
