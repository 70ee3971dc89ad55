package org.prospectus.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hashing runs in a small pool: however many request threads ask at once, at most its
 * size of hashes run, and the rest wait their turn.
 */
class PooledPasswordEncoderTests {

	final ExecutorService callers = Executors.newFixedThreadPool(40);

	@AfterEach
	void stop() {
		this.callers.shutdownNow();
	}

	@Test
	void neverRunsMoreHashesAtOnceThanItHasThreads() throws Exception {
		CountingEncoder counting = new CountingEncoder(null);
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(counting, 2, 100, Duration.ofMinutes(1),
				new SimpleMeterRegistry())) {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				results.add(this.callers.submit(() -> pool.matches("secret", pool.encode("secret"))));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get(1, TimeUnit.MINUTES)).isTrue();
			}
			assertThat(counting.calls.get()).isEqualTo(80);
			assertThat(counting.mostAtOnce.get()).isEqualTo(2);
		}
	}

	@Test
	void aCallerWaitsItsTurnInsteadOfFailing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountingEncoder blocked = new CountingEncoder(release);
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(blocked, 1, 10, Duration.ofMinutes(1),
				new SimpleMeterRegistry())) {
			Future<Boolean> first = this.callers.submit(() -> pool.matches("a", "a"));
			Future<Boolean> second = this.callers.submit(() -> pool.matches("b", "b"));
			blocked.running.await(1, TimeUnit.MINUTES);
			assertThat(pool.waiting()).isLessThanOrEqualTo(1);
			release.countDown();
			assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
			assertThat(second.get(1, TimeUnit.MINUTES)).isTrue();
		}
	}

	@Test
	void saysItIsBusyWhenTheQueueIsFull() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountingEncoder blocked = new CountingEncoder(release);
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(blocked, 1, 1, Duration.ofMinutes(1),
				new SimpleMeterRegistry())) {
			Future<Boolean> running = this.callers.submit(() -> pool.matches("a", "a"));
			blocked.running.await(1, TimeUnit.MINUTES);
			Future<Boolean> queued = this.callers.submit(() -> pool.matches("b", "b"));
			while (pool.waiting() < 1) {
				Thread.onSpinWait();
			}
			assertThatExceptionOfType(PasswordHashingBusyException.class).isThrownBy(() -> pool.matches("c", "c"));
			release.countDown();
			assertThat(running.get(1, TimeUnit.MINUTES)).isTrue();
			assertThat(queued.get(1, TimeUnit.MINUTES)).isTrue();
		}
	}

	@Test
	void saysItIsBusyWhenTheWaitIsLongerThanTheLimit() {
		CountDownLatch release = new CountDownLatch(1);
		CountingEncoder blocked = new CountingEncoder(release);
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(blocked, 1, 10, Duration.ofMillis(50),
				new SimpleMeterRegistry())) {
			this.callers.submit(() -> pool.matches("a", "a"));
			assertThatExceptionOfType(PasswordHashingBusyException.class).isThrownBy(() -> pool.matches("b", "b"));
			release.countDown();
		}
	}

	@Test
	void postponesUpgradesWhileSignInsAreWaiting() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountingEncoder blocked = new CountingEncoder(release);
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(blocked, 1, 10, Duration.ofMinutes(1),
				new SimpleMeterRegistry())) {
			assertThat(pool.upgradeEncoding("old")).isTrue();
			Future<Boolean> running = this.callers.submit(() -> pool.matches("a", "a"));
			blocked.running.await(1, TimeUnit.MINUTES);
			Future<Boolean> queued = this.callers.submit(() -> pool.matches("b", "b"));
			while (pool.waiting() < 1) {
				Thread.onSpinWait();
			}
			assertThat(pool.upgradeEncoding("old")).isFalse();
			release.countDown();
			running.get(1, TimeUnit.MINUTES);
			queued.get(1, TimeUnit.MINUTES);
			assertThat(pool.upgradeEncoding("old")).isTrue();
		}
	}

	/** Counts how many calls run at once; optionally holds each until released. */
	static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger now = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		final CountDownLatch running = new CountDownLatch(1);

		private final CountDownLatch release;

		CountingEncoder(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			work();
			return rawPassword.toString();
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			work();
			return rawPassword.toString().equals(encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return true;
		}

		private void work() {
			int at = this.now.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(at, Math::max);
			this.calls.incrementAndGet();
			this.running.countDown();
			try {
				if (this.release != null) {
					this.release.await(1, TimeUnit.MINUTES);
				}
				else {
					// Real work, so that callers overlap: a hash's worth of CPU.
					new Argon2idPasswordEncoder(false).matches("x", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$"
							+ "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.now.decrementAndGet();
			}
		}

	}

}
