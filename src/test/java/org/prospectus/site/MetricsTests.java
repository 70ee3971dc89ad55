package org.prospectus.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Metrics an operator can alert on (docs/operations.md), in Prometheus's format on the
 * management port, and nowhere on the public one; the probes on both.
 */
@PortalIntegrationTest
class MetricsTests {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CatalogueFixtures fixtures;

	@Test
	void thePortalsOwnFiguresAreOnTheManagementPortOnly() throws Exception {
		Applying.Catalogue catalogue = Applying.catalogue(this.fixtures, this.jdbc, this.clock);
		try {
			Applying applying = new Applying(this.mvc, this.jdbc);
			var ada = applying.applicant("ada@example.org", "Ada Lovelace");
			String id = applying.start(ada, "autumn-2027");
			applying.fillEverything(ada, id, "SE", catalogue.ml(), catalogue.applied());
			applying.submit(ada, id);
			this.mvc.post()
				.uri("/account/sign-in")
				.param("username", "ada@example.org")
				.param("password", "not it")
				.with(csrf())
				.exchange();
		}
		finally {
			this.clock.reset();
		}

		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("prospectus_submissions_total", "prospectus_sign_in_failures_total",
				"prospectus_outbox_depth", "prospectus_outbox_oldest_age_seconds", "prospectus_decisions_lag_seconds",
				"hikaricp_connections_active", "http_server_requests_seconds_count", "jvm_memory_used_bytes");
		assertThat(metrics.body().lines().filter((line) -> line.startsWith("prospectus_submissions_total")))
			.singleElement()
			.satisfies((line) -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.isGreaterThanOrEqualTo(1));

		assertThat(get(this.port, "/actuator/prometheus").statusCode()).as("never on the public port")
			.isIn(302, 401, 403, 404);
		assertThat(get(this.port, "/actuator/prometheus").body()).doesNotContain("prospectus_submissions_total");
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").body()).contains("UP");
		assertThat(get(this.port, "/").headers().firstValue("X-Request-Id")).isPresent();
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
