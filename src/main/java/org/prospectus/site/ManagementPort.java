package org.prospectus.site;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The port the management server listens on, once it does: metrics are open there, to
 * whatever the operator lets reach it, and never on the public port (docs/operations.md).
 * With {@code management.server.port} unset or equal to the public port there is no
 * management server, nothing matches, and the metrics need the portal's administrator.
 */
@Component
class ManagementPort {

	private final AtomicInteger port = new AtomicInteger(-1);

	@EventListener
	void started(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			this.port.set(event.getWebServer().getPort());
		}
	}

	/** Requests that came in on the management port. */
	RequestMatcher requests() {
		return (HttpServletRequest request) -> this.port.get() > 0 && request.getLocalPort() == this.port.get();
	}

}
