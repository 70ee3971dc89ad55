package org.prospectus.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The developer run's management server takes a free port ({@code application-dev}), so
 * that the run never fails for a port another process holds; this says which.
 */
@Component
@Profile("dev")
class DemoManagementPort {

	private static final Logger logger = LoggerFactory.getLogger(DemoManagementPort.class);

	@EventListener
	void started(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			int port = event.getWebServer().getPort();
			logger.info("Health and metrics of this run: http://127.0.0.1:{}/actuator/health and "
					+ "http://127.0.0.1:{}/actuator/prometheus (a free port each start; MANAGEMENT_SERVER_PORT fixes it)",
					port, port);
		}
	}

}
