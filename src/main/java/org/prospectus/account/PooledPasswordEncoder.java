package org.prospectus.account;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs every hash and every check of a password in a pool of a few threads (as many as
 * there are processors, by default), so that a wave of sign-ins takes at most that many
 * processors however many arrive: the rest wait their turn in a bounded FIFO queue, while
 * their request threads wait idle for the answer (ADR 0028).
 * <p>
 * Its metrics are Micrometer's executor metrics named {@code prospectus.passwords}:
 * {@code executor.queued} (how many wait), {@code executor.idle} (how long each waited)
 * and {@code executor} (how long each took).
 */
class PooledPasswordEncoder implements PasswordEncoder, AutoCloseable {

	private final PasswordEncoder delegate;

	private final ThreadPoolExecutor pool;

	private final ExecutorService timed;

	private final Duration maxWait;

	/**
	 * @param delegate the encoder that does the work
	 * @param threads how many hashes run at once
	 * @param queueCapacity how many more may wait; beyond that a call fails at once
	 * @param maxWait how long a call waits for its turn and its answer before failing
	 * @param meters where the pool's metrics go, if anywhere
	 */
	PooledPasswordEncoder(PasswordEncoder delegate, int threads, int queueCapacity, Duration maxWait,
			@Nullable MeterRegistry meters) {
		this.delegate = delegate;
		this.maxWait = maxWait;
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("password-hashing-");
		threadFactory.setDaemon(true);
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queueCapacity), threadFactory, new ThreadPoolExecutor.AbortPolicy());
		this.timed = (meters != null) ? ExecutorServiceMetrics.monitor(meters, this.pool, "prospectus.passwords")
				: this.pool;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return inPool(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		Boolean matches = inPool(() -> this.delegate.matches(rawPassword, encodedPassword));
		return Boolean.TRUE.equals(matches);
	}

	/**
	 * Whether a hash should be made again with today's settings: not while sign-ins wait
	 * for the pool, since the new hash costs as much as the check itself. The upgrade is
	 * only put off, to a quieter sign-in.
	 */
	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.pool.getQueue().isEmpty() && this.delegate.upgradeEncoding(encodedPassword);
	}

	/** How many calls wait for a thread of the pool now. */
	int waiting() {
		return this.pool.getQueue().size();
	}

	private <T> T inPool(Callable<T> work) {
		Future<T> result;
		try {
			result = this.timed.submit(work);
		}
		catch (RejectedExecutionException ex) {
			throw new PasswordHashingBusyException(
					"Password hashing queue is full (" + this.pool.getQueue().size() + " waiting)");
		}
		try {
			return result.get(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(false);
			throw new PasswordHashingBusyException("Password hashing took longer than " + this.maxWait);
		}
		catch (InterruptedException ex) {
			result.cancel(false);
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException("Interrupted while waiting for password hashing");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	@Override
	public void close() {
		this.pool.shutdown();
	}

}
