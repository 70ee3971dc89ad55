package org.prospectus.references;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the references' jobs on every instance (they share the work through row locks):
 * {@link ReferenceReminders} every {@code prospectus.references.delay} and
 * {@link ReferenceRecounts} every {@code prospectus.references.recount-delay}, each after
 * the previous run ended. Off with {@code prospectus.references.schedule.enabled=false},
 * as in the tests, which run them themselves with the clock where they want it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.references.schedule.enabled", matchIfMissing = true)
class ReferenceSchedule {

	private final ReferenceReminders reminders;

	private final ReferenceRecounts recounts;

	ReferenceSchedule(ReferenceReminders reminders, ReferenceRecounts recounts) {
		this.reminders = reminders;
		this.recounts = recounts;
	}

	@Scheduled(fixedDelayString = "${prospectus.references.delay:300s}",
			initialDelayString = "${prospectus.references.delay:300s}")
	void remind() {
		this.reminders.remindAll();
	}

	@Scheduled(fixedDelayString = "${prospectus.references.recount-delay:10s}",
			initialDelayString = "${prospectus.references.recount-delay:10s}")
	void recount() {
		this.recounts.recountAll();
	}

}
