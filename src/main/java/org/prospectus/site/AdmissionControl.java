package org.prospectus.site;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

	private final Settings settings;

	private final Line line;

	private final Timer waits;

	AdmissionControl(Settings settings, MeterRegistry meters) {
		this.settings = settings;
		this.line = new Line(settings.maxConcurrent(), settings.maxQueued(), settings.newcomerEvery());
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
	}

	/**
	 * {@code prospectus.admission.*}.
	 *
	 * @param maxConcurrent requests that work at once; below the connection pool's size
	 * @param maxQueued requests that may wait at once
	 * @param maxWait the longest a request waits before it is told to come back
	 * @param newcomerEvery one turn in this many goes to a new arrival, if one waits
	 */
	@ConfigurationProperties("prospectus.admission")
	record Settings(@DefaultValue("8") int maxConcurrent, @DefaultValue("2000") int maxQueued,
			@DefaultValue("45s") Duration maxWait, @DefaultValue("4") int newcomerEvery) {
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
		long start = System.nanoTime();
		boolean admitted;
		try {
			admitted = this.line.enter(atWork(request), this.settings.maxWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		this.waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		if (!admitted) {
			logger.warn("Request waited " + this.settings.maxWait() + " or found " + this.settings.maxQueued()
					+ " waiting; told to come back");
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.line.leave();
		}
	}

	/**
	 * The two lines and the turns: a request either works at once (a turn is free and
	 * nobody waits) or waits on a latch that {@link #leave()} opens, in order.
	 */
	static final class Line {

		private final int turns;

		private final int maxQueued;

		private final int newcomerEvery;

		private final ArrayDeque<Waiter> atWork = new ArrayDeque<>();

		private final ArrayDeque<Waiter> newcomers = new ArrayDeque<>();

		private int working;

		private int handedOut;

		Line(int turns, int maxQueued, int newcomerEvery) {
			this.turns = turns;
			this.maxQueued = maxQueued;
			this.newcomerEvery = Math.max(1, newcomerEvery);
		}

		/** Waits for a turn; {@code false} when the line is full or the wait too long. */
		boolean enter(boolean atWork, Duration maxWait) throws InterruptedException {
			Waiter waiter;
			synchronized (this) {
				if (this.working < this.turns && this.atWork.isEmpty() && this.newcomers.isEmpty()) {
					this.working++;
					return true;
				}
				if (waiting() >= this.maxQueued) {
					return false;
				}
				waiter = new Waiter();
				(atWork ? this.atWork : this.newcomers).add(waiter);
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
			this.handedOut++;
			boolean newcomersTurn = this.handedOut % this.newcomerEvery == 0;
			Waiter next = newcomersTurn ? this.newcomers.poll() : this.atWork.poll();
			return (next != null) ? next : (newcomersTurn ? this.atWork.poll() : this.newcomers.poll());
		}

		synchronized int waiting() {
			return this.atWork.size() + this.newcomers.size();
		}

		synchronized int working() {
			return this.working;
		}

	}

	private static final class Waiter {

		private final CountDownLatch latch = new CountDownLatch(1);

		private volatile boolean admitted;

	}

}
