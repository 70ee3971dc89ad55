package org.prospectus.intake;

import org.prospectus.account.StaffActing;
import org.prospectus.account.StaffActing.StaffActingRefusedException;
import org.prospectus.staging.ScheduledPublisher;
import org.prospectus.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Publishes a round's staged changes when their schedule comes, as the editor who
 * scheduled it and only while they still edit the round's institution.
 */
@Component
class RoundScheduledPublisher implements ScheduledPublisher {

	private final RoundEditing editing;

	private final StaffActing acting;

	RoundScheduledPublisher(RoundEditing editing, StaffActing acting) {
		this.editing = editing;
		this.acting = acting;
	}

	@Override
	public String entityType() {
		return RoundEditing.ENTITY_TYPE;
	}

	@Override
	public void publishScheduled(long entityId, String scheduledBy) {
		try {
			this.acting.as(scheduledBy, () -> {
				this.editing.publishScheduled(entityId);
				return null;
			});
		}
		catch (StaffActingRefusedException ex) {
			throw new ScheduleRefusedException("schedule.failure.no-account");
		}
		catch (AccessDeniedException | NotFoundException ex) {
			throw new ScheduleRefusedException(RoundEditing.NOT_PERMITTED);
		}
		catch (RoundConflictException ex) {
			// Someone published or saved at that very moment.
			throw new ScheduleRefusedException("schedule.failure.conflict");
		}
	}

}
