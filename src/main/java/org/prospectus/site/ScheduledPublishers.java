package org.prospectus.site;

import java.util.function.LongConsumer;

import org.prospectus.account.StaffActing;
import org.prospectus.account.StaffActing.StaffActingRefusedException;
import org.prospectus.course.CoursePublishing;
import org.prospectus.intake.RoundEditing;
import org.prospectus.programme.ProgrammePublishing;
import org.prospectus.programme.years.ProgrammeYears;
import org.prospectus.staging.ScheduledPublisher;
import org.prospectus.web.NotFoundException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

/**
 * What carries out a scheduled publication, entry type by entry type: the module's own
 * publishing, run as the member of staff who scheduled it ({@link StaffActing}), with the
 * rights they hold when it fires. Here, above the modules, so that acting for someone is
 * written once.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledPublishers {

	static final String NOT_PERMITTED = "schedule.failure.not-permitted";

	@Bean
	ScheduledPublisher roundPublisher(RoundEditing rounds, StaffActing acting) {
		return new Acting(RoundEditing.ENTITY_TYPE, acting, rounds::publishScheduled);
	}

	@Bean
	ScheduledPublisher coursePublisher(CoursePublishing courses, StaffActing acting) {
		return new Acting(CoursePublishing.COURSE, acting, courses::publishScheduled);
	}

	@Bean
	ScheduledPublisher programmeYearPublisher(ProgrammeYears years, StaffActing acting) {
		return new Acting(ProgrammeYears.ENTITY_TYPE, acting, years::publishScheduled);
	}

	@Bean
	ScheduledPublisher programmePublisher(ProgrammePublishing programmes, StaffActing acting) {
		return new Acting(ProgrammePublishing.ENTITY_TYPE, acting, programmes::publishScheduled);
	}

	/**
	 * Publishes as the person who scheduled. Losing their account, their role or the
	 * institution refuses the schedule with that reason; the module's publishing refuses
	 * for its own reasons (nothing staged, changes no longer valid).
	 */
	record Acting(String entityType, StaffActing acting, LongConsumer publish) implements ScheduledPublisher {

		@Override
		public void publishScheduled(long entityId, String scheduledBy) {
			try {
				this.acting.as(scheduledBy, () -> {
					this.publish.accept(entityId);
					return null;
				});
			}
			catch (StaffActingRefusedException ex) {
				throw new ScheduleRefusedException("schedule.failure.no-account");
			}
			catch (AccessDeniedException | NotFoundException ex) {
				throw new ScheduleRefusedException(NOT_PERMITTED);
			}
		}

	}

}
