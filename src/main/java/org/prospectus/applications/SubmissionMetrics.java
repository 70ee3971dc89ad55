package org.prospectus.applications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts {@code prospectus.submissions}, once per submission that commits. A metric is no
 * work that must survive a crash, so it has no row in the event publication registry and
 * no transaction of its own: the count is taken after the submission's commit, on its
 * thread, with no database work on the deadline night's busiest path (ADR 0031).
 */
@Component
class SubmissionMetrics {

	/** Applications submitted, counted once each, as they commit. */
	private final Counter submissions;

	SubmissionMetrics(MeterRegistry meters) {
		this.submissions = meters.counter("prospectus.submissions");
	}

	@EventListener
	void submitted(ApplicationSubmitted submitted) {
		// Not an after-commit @TransactionalEventListener, which Spring Modulith
		// wraps in two transactions of its own: one marks it processing, one done.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				SubmissionMetrics.this.submissions.increment();
			}
		});
	}

}
