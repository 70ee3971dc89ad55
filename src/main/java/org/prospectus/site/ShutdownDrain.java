package org.prospectus.site;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful shutdown (docs/operations.md). As the context starts to
 * close, Boot reports readiness DOWN; this waits {@code prospectus.shutdown.drain} so
 * that the load balancer sees it and sends no new requests, then lets the web server's
 * graceful shutdown finish the requests in flight before the port closes. It stops before
 * every other lifecycle, the web server included.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

	private final Duration drain;

	private volatile boolean running;

	ShutdownDrain(@Value("${prospectus.shutdown.drain:5s}") Duration drain) {
		this.drain = drain;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.drain.isZero()) {
			return;
		}
		logger.info("Readiness is DOWN; waiting " + this.drain + " for the load balancer before stopping");
		try {
			Thread.sleep(this.drain.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
