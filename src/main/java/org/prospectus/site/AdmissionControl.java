package org.prospectus.site;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Past capacity, requests wait their turn instead of failing (issue 26, ADR 0027).
 * <p>
 * At most {@code max-concurrent} requests do their work at once: fewer than the
 * connection pool holds, so a request that is working never waits for a connection, and
 * the pool's short timeout keeps meaning what ADR 0021 says it means, that the database
 * is away. The rest wait here in order of arrival, in two lines: requests of someone
 * already at work (an application, the account, the staff area) go before new arrivals
 * (sign-in, registration, the catalogue), except that every {@code newcomer-every}th turn
 * goes to the longest-waiting newcomer, so neither line ever stops.
 * <p>
 * Static files and the health probes never wait: they need no database. A kept page is
 * answered by {@link PageCache} before it gets here. Only a request that has waited
 * {@code max-wait} (or finds {@code max-queued} already waiting) is answered 503, with
 * {@code Retry-After}: the last resort, sized well beyond what a surge needs.
 */
@Component
@Order(AdmissionControl.ORDER)
@EnableConfigurationProperties(AdmissionControl.Settings.class)
class AdmissionControl extends OncePerRequestFilter {

	/** After the page cache, before the session store and the security filters. */
	static final int ORDER = PageCache.ORDER + 5;

	private static final Log logger = LogFactory.getLog(AdmissionControl.class);

	/** How soon the waiting page loads again, near the front and further back. */
	static final Duration REFRESH = Duration.ofSeconds(5);

	static final Duration FAR_REFRESH = Duration.ofSeconds(30);

	/** A request that waited this long for its turn is let in with a pass. */
	private static final Duration WAITED = Duration.ofMillis(1);

	private final Settings settings;

	private final Line line;

	private final WaitingRoom room;

	private final Timer waits;

	private final Counter roomPages;

	AdmissionControl(Settings settings, WaitingRoom room, MeterRegistry meters) {
		this.settings = settings;
		this.room = room;
		this.line = new Line(settings.maxConcurrent(), settings.maxQueued(), settings.newcomerEvery(),
				settings.atWorkLimit());
		this.waits = Timer.builder("prospectus.admission.wait")
			.description("How long requests waited for their turn")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("prospectus.admission.waiting", this.line, Line::waiting)
			.description("Requests waiting for their turn")
			.register(meters);
		Gauge.builder("prospectus.admission.working", this.line, Line::working)
			.description("Requests doing their work")
			.register(meters);
		Gauge.builder("prospectus.admission.room", room, WaitingRoom::waiting)
			.description("New arrivals waiting in the waiting room")
			.register(meters);
		this.roomPages = Counter.builder("prospectus.admission.room.pages")
			.description("Waiting pages answered")
			.register(meters);
	}

	/**
	 * {@code prospectus.admission.*}.
	 *
	 * @param maxConcurrent requests that work at once; below the connection pool's size
	 * @param maxQueued requests that may wait at once
	 * @param maxWait the longest a request waits before it is told to come back
	 * @param newcomerEvery while those at work queue, one turn in this many goes to a new
	 * arrival: a journey is about 25 requests, two of them a newcomer's, so past capacity
	 * new journeys begin no faster than journeys end. With turns to spare a new arrival
	 * goes first.
	 * @param atWorkLimit while this many at work wait, no new arrival gets a turn
	 * @param front how many new arrivals wait in the line itself; past that they wait in
	 * the {@link WaitingRoom}
	 * @param frontWait how long a new arrival waits in the line before going back to the
	 * room, place kept
	 */
	@ConfigurationProperties("prospectus.admission")
	record Settings(@DefaultValue("8") int maxConcurrent, @DefaultValue("2000") int maxQueued,
			@DefaultValue("45s") Duration maxWait, @DefaultValue("20") int newcomerEvery,
			@DefaultValue("16") int atWorkLimit, @DefaultValue("64") int front,
			@DefaultValue("10s") Duration frontWait) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return StaticFiles.matches(request) || path.equals("/livez") || path.equals("/readyz")
				|| path.startsWith("/actuator/");
	}

	/** Someone already at work: their next step goes before a newcomer's first. */
	static boolean atWork(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/applications") || path.startsWith("/admin")) {
			return true;
		}
		return path.startsWith("/account") && !path.startsWith("/account/sign-in")
				&& !path.startsWith("/account/register") && !path.startsWith("/account/verify")
				&& !path.startsWith("/account/forgot-password") && !path.startsWith("/account/reset-password");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean atWork = atWork(request) || this.room.hasPass(request);
		boolean canWait = !atWork && WaitingRoom.canWait(request);
		Long ticket = canWait ? this.room.ticket(request) : null;
		long arrival = (ticket != null) ? WaitingRoom.arrival(ticket) : System.currentTimeMillis();
		if (canWait) {
			// Someone already waits in the room, or the front of the line is full: take a
			// ticket (or keep yours) and wait there, unless your turn is near.
			if (ticket == null && (this.room.occupied() || this.line.newcomersWaiting() >= this.settings.front())) {
				ticket = this.room.issue(arrival);
			}
			if (ticket != null) {
				int ahead = this.room.ahead(ticket);
				if (ahead >= this.settings.front() || this.line.newcomersWaiting() >= this.settings.front()) {
					waitInRoom(request, response, ticket, ahead);
					return;
				}
			}
		}
		long start = System.nanoTime();
		boolean admitted;
		try {
			admitted = this.line.enter(atWork, arrival, canWait ? this.settings.frontWait() : this.settings.maxWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		long waited = System.nanoTime() - start;
		this.waits.record(waited, TimeUnit.NANOSECONDS);
		if (!admitted && canWait) {
			// The front of the line did not move in time: back to the room, place kept.
			long kept = (ticket != null) ? ticket : this.room.issue(arrival);
			waitInRoom(request, response, kept, this.room.ahead(kept));
			return;
		}
		if (!admitted) {
			logger.warn("Request waited " + this.settings.maxWait() + " or found " + this.settings.maxQueued()
					+ " waiting; told to come back");
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		try {
			if (ticket != null) {
				this.room.letIn(ticket);
			}
			if (!atWork && (ticket != null || waited >= WAITED.toNanos())) {
				// Let in after waiting: the rest of the visit goes with those at work.
				this.room.pass(request, response, ticket != null);
			}
			chain.doFilter(request, response);
		}
		finally {
			this.line.leave();
		}
	}

	Line line() {
		return this.line;
	}

	private void waitInRoom(HttpServletRequest request, HttpServletResponse response, long ticket, int ahead)
			throws IOException {
		this.roomPages.increment();
		this.room.answer(request, response, ticket, ahead, (ahead < 4 * this.settings.front()) ? REFRESH : FAR_REFRESH);
	}

	/**
	 * The two lines and the turns: a request either works at once (a turn is free and
	 * nobody waits) or waits on a latch that {@link #leave()} opens. Those at work wait
	 * in order of arrival; newcomers in order of the time they first came, so that
	 * someone back from the {@link WaitingRoom} goes before anyone who came after them.
	 */
	static final class Line {

		private final int turns;

		private final int maxQueued;

		private final int newcomerEvery;

		private final int atWorkLimit;

		private final ArrayDeque<Waiter> atWork = new ArrayDeque<>();

		private final PriorityQueue<Waiter> newcomers = new PriorityQueue<>(
				Comparator.comparingLong((Waiter waiter) -> waiter.since).thenComparingLong((waiter) -> waiter.order));

		private int working;

		private long handedOut;

		private long arrivals;

		Line(int turns, int maxQueued, int newcomerEvery) {
			this(turns, maxQueued, newcomerEvery, Integer.MAX_VALUE);
		}

		/**
		 * @param atWorkLimit while this many at work wait, no newcomer gets a turn: the
		 * journeys already begun need the whole capacity
		 */
		Line(int turns, int maxQueued, int newcomerEvery, int atWorkLimit) {
			this.turns = turns;
			this.maxQueued = maxQueued;
			this.newcomerEvery = Math.max(1, newcomerEvery);
			this.atWorkLimit = Math.max(1, atWorkLimit);
		}

		/** Waits for a turn; {@code false} when the line is full or the wait too long. */
		boolean enter(boolean atWork, Duration maxWait) throws InterruptedException {
			return enter(atWork, System.currentTimeMillis(), maxWait);
		}

		/**
		 * Waits for a turn, a newcomer in order of {@code since} (epoch milliseconds);
		 * {@code false} when the line is full or the wait too long.
		 */
		boolean enter(boolean atWork, long since, Duration maxWait) throws InterruptedException {
			Waiter waiter;
			synchronized (this) {
				if (this.working < this.turns && this.atWork.isEmpty() && this.newcomers.isEmpty()) {
					this.working++;
					return true;
				}
				if (waiting() >= this.maxQueued) {
					return false;
				}
				waiter = new Waiter(since, this.arrivals++);
				if (atWork) {
					this.atWork.add(waiter);
				}
				else {
					this.newcomers.add(waiter);
				}
			}
			try {
				if (waiter.latch.await(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
					return true;
				}
			}
			catch (InterruptedException ex) {
				synchronized (this) {
					if (waiter.admitted) {
						leave();
					}
					else {
						forget(waiter);
					}
				}
				throw ex;
			}
			synchronized (this) {
				// A turn handed over just as the wait ended is taken.
				if (waiter.admitted) {
					return true;
				}
				forget(waiter);
				return false;
			}
		}

		private void forget(Waiter waiter) {
			this.atWork.remove(waiter);
			this.newcomers.remove(waiter);
		}

		/** Ends a request's turn, handing it to the next in line. */
		synchronized void leave() {
			Waiter next = next();
			if (next == null) {
				this.working--;
				return;
			}
			next.admitted = true;
			next.latch.countDown();
		}

		private Waiter next() {
			if (this.atWork.size() >= this.atWorkLimit) {
				return this.atWork.poll();
			}
			this.handedOut++;
			// With turns to spare (fewer at work wait than work at once), a newcomer goes
			// first; when those at work queue, one turn in newcomerEvery.
			boolean newcomersTurn = this.atWork.size() < this.turns / 2 || this.handedOut % this.newcomerEvery == 0;
			Waiter next = newcomersTurn ? this.newcomers.poll() : this.atWork.poll();
			return (next != null) ? next : (newcomersTurn ? this.atWork.poll() : this.newcomers.poll());
		}

		synchronized int waiting() {
			return this.atWork.size() + this.newcomers.size();
		}

		synchronized int newcomersWaiting() {
			return this.newcomers.size();
		}

		synchronized int working() {
			return this.working;
		}

	}

	private static final class Waiter {

		private final CountDownLatch latch = new CountDownLatch(1);

		private final long since;

		private final long order;

		private volatile boolean admitted;

		Waiter(long since, long order) {
			this.since = since;
			this.order = order;
		}

	}

}
