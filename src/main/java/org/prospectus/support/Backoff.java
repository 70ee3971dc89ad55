package org.prospectus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a scheduled job that failed for want of its database may try again: after each
 * failure in a row it waits twice as long, up to a ceiling, and after a success it runs
 * on its own schedule again. So an outage costs a log line every few minutes, not every
 * run, and the job starts again by itself once the database is back.
 */
public final class Backoff {

	private final Clock clock;

	private final Duration first;

	private final Duration ceiling;

	private int failures;

	private Instant next = Instant.MIN;

	public Backoff(Clock clock, Duration first, Duration ceiling) {
		this.clock = clock;
		this.first = first;
		this.ceiling = ceiling;
	}

	/** Whether the job may run now. */
	public synchronized boolean isDue() {
		return !this.clock.instant().isBefore(this.next);
	}

	/**
	 * @return how long it now waits
	 */
	public synchronized Duration failed() {
		this.failures++;
		Duration wait = this.first.multipliedBy(1L << Math.min(this.failures - 1, 20));
		if (wait.compareTo(this.ceiling) > 0) {
			wait = this.ceiling;
		}
		this.next = this.clock.instant().plus(wait);
		return wait;
	}

	public synchronized void succeeded() {
		this.failures = 0;
		this.next = Instant.MIN;
	}

}
