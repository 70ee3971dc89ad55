package org.prospectus.account;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Prints what one password check costs with each implementation, at the settings new
 * hashes get (ADR 0028 quotes its numbers). Not a test: run it on a quiet machine, with
 * the heap production has, from the test class path:
 * {@code java -Xmx1g -cp "$(cat cp.txt):target/classes:target/test-classes" org.prospectus.account.Argon2idCost}
 * after {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt test-compile}.
 */
public final class Argon2idCost {

	private Argon2idCost() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int checks = (args.length > 1) ? Integer.parseInt(args[1]) : 40;
		String password = "lantern marmalade orbit cello";
		Argon2idPasswordEncoder nativeLibrary = new Argon2idPasswordEncoder(true);
		Argon2idPasswordEncoder bouncyCastle = new Argon2idPasswordEncoder(false);
		if (!nativeLibrary.usesNativeLibrary()) {
			System.out.println("The native library did not load here; only Bouncy Castle is measured.");
		}
		String hash = bouncyCastle.encode(password);
		System.out.println("Checking " + hash);
		for (int round = 1; round <= rounds; round++) {
			System.out.printf("round %d: Bouncy Castle %s | native %s%n", round,
					cost(bouncyCastle, password, hash, checks), cost(nativeLibrary, password, hash, checks));
		}
	}

	private static String cost(Argon2idPasswordEncoder encoder, String password, String hash, int checks) {
		ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long id = Thread.currentThread().getId();
		long wall = System.nanoTime();
		long cpu = thread.getCurrentThreadCpuTime();
		long processCpu = process.getProcessCpuTime();
		long allocated = thread.getThreadAllocatedBytes(id);
		for (int i = 0; i < checks; i++) {
			if (!encoder.matches(password, hash)) {
				throw new IllegalStateException("Did not verify");
			}
		}
		return String.format("%.1f ms wall, %.1f ms CPU (%.1f ms with GC), %.1f MB on the heap per check",
				(System.nanoTime() - wall) / 1e6 / checks, (thread.getCurrentThreadCpuTime() - cpu) / 1e6 / checks,
				(process.getProcessCpuTime() - processCpu) / 1e6 / checks,
				(thread.getThreadAllocatedBytes(id) - allocated) / 1e6 / checks);
	}

}
