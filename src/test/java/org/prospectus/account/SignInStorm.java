package org.prospectus.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a storm of sign-ins against the hashing pool as configured by default: 1,000
 * password checks arriving at 20 a second, each on its own caller thread as on Tomcat's
 * request threads, and prints how long they took and how many waited at most (ADR 0028).
 * Not a test; run like {@link Argon2idCost}, with {@code native} or {@code bouncy-castle}
 * as the argument.
 */
public final class SignInStorm {

	private SignInStorm() {
	}

	public static void main(String[] args) throws Exception {
		boolean nativeLibrary = args.length == 0 || !args[0].equals("bouncy-castle");
		int arrivals = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		int perSecond = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		Argon2idPasswordEncoder encoder = new Argon2idPasswordEncoder(nativeLibrary);
		String password = "lantern marmalade orbit cello";
		String hash = encoder.encode(password);
		AtomicInteger mostWaiting = new AtomicInteger();
		ExecutorService callers = Executors.newCachedThreadPool();
		try (PooledPasswordEncoder pool = new PooledPasswordEncoder(encoder, Runtime.getRuntime().availableProcessors(),
				1000, Duration.ofSeconds(30), null)) {
			List<Future<Long>> took = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < arrivals; i++) {
				long due = start + i * 1_000_000_000L / perSecond;
				while (System.nanoTime() < due) {
					Thread.sleep(1);
				}
				took.add(callers.submit(() -> {
					long asked = System.nanoTime();
					if (!pool.matches(password, hash)) {
						throw new IllegalStateException("Did not verify");
					}
					return System.nanoTime() - asked;
				}));
				mostWaiting.accumulateAndGet(pool.waiting(), Math::max);
			}
			List<Long> millis = new ArrayList<>();
			for (Future<Long> one : took) {
				millis.add(one.get(1, TimeUnit.MINUTES) / 1_000_000);
			}
			Collections.sort(millis);
			System.out.printf(
					"%s, %d processors: %d checks at %d/s in %.1f s; took p50 %d ms, p99 %d ms, max %d ms; "
							+ "at most %d waiting%n",
					encoder.usesNativeLibrary() ? "native" : "Bouncy Castle",
					Runtime.getRuntime().availableProcessors(), arrivals, perSecond, (System.nanoTime() - start) / 1e9,
					millis.get(millis.size() / 2), millis.get(millis.size() * 99 / 100), millis.get(millis.size() - 1),
					mostWaiting.get());
		}
		finally {
			callers.shutdown();
		}
	}

}
