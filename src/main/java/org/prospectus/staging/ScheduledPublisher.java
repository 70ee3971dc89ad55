package org.prospectus.staging;

import org.springframework.modulith.NamedInterface;

/**
 * Publishes the staged changes of one kind of catalogue entry when a schedule for them
 * comes due ({@link ScheduledPublications}). Each module that stages changes provides
 * one.
 */
@NamedInterface("api")
public interface ScheduledPublisher {

	/** The entity type the publisher handles, as its pending revisions name it. */
	String entityType();

	/**
	 * Publishes what is staged for the entry now, exactly as its review page shows it,
	 * acting for the member of staff who scheduled it and with the rights they hold now.
	 * Runs inside the transaction that takes the schedule, so the publication and the
	 * schedule's end commit together.
	 * @throws ScheduleRefusedException when the changes cannot be published, with the
	 * reason staff read
	 */
	void publishScheduled(long entityId, String scheduledBy);

	/** Why a scheduled publication could not be carried out. */
	@NamedInterface("api")
	class ScheduleRefusedException extends RuntimeException {

		private final String reason;

		/**
		 * @param reason the message key that tells staff why, {@code schedule.failure.*}
		 */
		public ScheduleRefusedException(String reason) {
			super(reason, null, false, false);
			this.reason = reason;
		}

		public String reason() {
			return this.reason;
		}

	}

}
