package org.prospectus.references;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link ReferenceRecounts} every {@code prospectus.references.recount-delay} after
 * the previous run ended, on every instance (they share the rounds through row locks).
 * Off with {@code prospectus.references.recount.enabled=false}, as in the tests, which
 * run it themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.references.recount.enabled", matchIfMissing = true)
class ReferenceRecountSchedule {

	private final ReferenceRecounts recounts;

	ReferenceRecountSchedule(ReferenceRecounts recounts) {
		this.recounts = recounts;
	}

	@Scheduled(fixedDelayString = "${prospectus.references.recount-delay:10s}",
			initialDelayString = "${prospectus.references.recount-delay:10s}")
	void recount() {
		this.recounts.recountAll();
	}

}
