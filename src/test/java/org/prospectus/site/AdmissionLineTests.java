package org.prospectus.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line of {@link AdmissionControl}: turns are handed out in order of arrival, someone
 * at work before a newcomer, a newcomer every so often, and nobody waits past the limit.
 */
class AdmissionLineTests {

	@Test
	void whoeverIsAtWorkGoesFirstAndANewcomerEveryFewTurns() throws Exception {
		AdmissionControl.Line line = new AdmissionControl.Line(1, 100, 3);
		assertThat(line.enter(false, Duration.ofSeconds(1))).isTrue();
		List<String> served = new CopyOnWriteArrayList<>();
		List<Thread> waiting = new ArrayList<>();
		String[] arrivals = { "new1", "work1", "new2", "work2", "work3", "work4", "new3" };
		for (String name : arrivals) {
			CountDownLatch queued = new CountDownLatch(1);
			Thread thread = new Thread(() -> {
				try {
					queued.countDown();
					if (line.enter(name.startsWith("work"), Duration.ofSeconds(10))) {
						served.add(name);
						line.leave();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			queued.await();
			while (line.waiting() < waiting.size() + 1) {
				Thread.onSpinWait();
			}
			waiting.add(thread);
		}
		line.leave();
		for (Thread thread : waiting) {
			thread.join(10_000);
		}
		assertThat(served).containsExactly("work1", "work2", "new1", "work3", "work4", "new2", "new3");
		assertThat(line.working()).isZero();
	}

	@Test
	void aFullLineOrALongWaitIsRefusedAndLeavesNoTrace() throws Exception {
		AdmissionControl.Line line = new AdmissionControl.Line(1, 1, 4);
		assertThat(line.enter(true, Duration.ofSeconds(1))).isTrue();
		Thread waiter = new Thread(() -> {
			try {
				line.enter(true, Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		waiter.start();
		while (line.waiting() < 1) {
			Thread.onSpinWait();
		}
		assertThat(line.enter(true, Duration.ofSeconds(1))).as("the line is full").isFalse();
		waiter.interrupt();
		waiter.join(10_000);
		assertThat(line.waiting()).isZero();
		assertThat(line.enter(false, Duration.ofMillis(50))).as("waited too long").isFalse();
		assertThat(line.waiting()).isZero();
		line.leave();
		assertThat(line.working()).isZero();
		assertThat(line.enter(false, Duration.ofMillis(50))).isTrue();
	}

	@Test
	void whileManyAtWorkWaitNoNewcomerGetsATurnAndNewcomersGoInOrderOfFirstArrival() throws Exception {
		AdmissionControl.Line line = new AdmissionControl.Line(1, 100, 1, 2);
		assertThat(line.enter(true, Duration.ofSeconds(1))).isTrue();
		List<String> served = new CopyOnWriteArrayList<>();
		List<Thread> waiting = new ArrayList<>();
		// Arrivals, with the time each first came: "back" came before "new" and returns
		// later.
		String[][] arrivals = { { "new", "2000" }, { "work1", "0" }, { "work2", "0" }, { "back", "1000" } };
		for (String[] arrival : arrivals) {
			Thread thread = new Thread(() -> {
				try {
					if (line.enter(arrival[0].startsWith("work"), Long.parseLong(arrival[1]), Duration.ofSeconds(10))) {
						served.add(arrival[0]);
						line.leave();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			while (line.waiting() < waiting.size() + 1) {
				Thread.onSpinWait();
			}
			waiting.add(thread);
		}
		line.leave();
		for (Thread thread : waiting) {
			thread.join(10_000);
		}
		// Every turn is a newcomer's (newcomerEvery 1), but two at work wait: they go
		// first
		// until fewer than two do.
		assertThat(served).containsExactly("work1", "back", "new", "work2");
	}

	@Test
	void withTurnsToSpareANewcomerGoesBeforeSomeoneAtWork() throws Exception {
		AdmissionControl.Line line = new AdmissionControl.Line(4, 100, 100, 100);
		for (int i = 0; i < 4; i++) {
			assertThat(line.enter(true, Duration.ofSeconds(1))).isTrue();
		}
		List<String> served = new CopyOnWriteArrayList<>();
		List<Thread> waiting = new ArrayList<>();
		for (String name : List.of("new", "work")) {
			Thread thread = new Thread(() -> {
				try {
					if (line.enter(name.equals("work"), Duration.ofSeconds(10))) {
						served.add(name);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			while (line.waiting() < waiting.size() + 1) {
				Thread.onSpinWait();
			}
			waiting.add(thread);
		}
		// One at work waits, fewer than half the four turns: the newcomer goes first.
		line.leave();
		waiting.get(0).join(10_000);
		line.leave();
		waiting.get(1).join(10_000);
		assertThat(served).containsExactly("new", "work");
	}

}
