package org.prospectus.staging;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.modulith.NamedInterface;
import org.springframework.validation.Errors;

/** When staged changes are to go live, typed in the institution's zone. */
@NamedInterface("api")
public class ScheduleForm {

	private @Nullable String publishAt;

	/**
	 * The instant typed, if it is a time in the zone that is still to come; otherwise
	 * {@code null}, with the reason beside the field.
	 */
	public @Nullable Instant publishAt(ZoneId zone, Instant now, Errors errors) {
		Instant at = new FieldChecks(errors).dateTime("publishAt", this.publishAt, true, zone);
		if (at != null && !at.isAfter(now)) {
			errors.rejectValue("publishAt", "schedule.past");
			return null;
		}
		return at;
	}

	public @Nullable String getPublishAt() {
		return this.publishAt;
	}

	public void setPublishAt(@Nullable String publishAt) {
		this.publishAt = publishAt;
	}

}
