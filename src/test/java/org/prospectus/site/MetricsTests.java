package org.prospectus.site;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prospectus.applications.Applying;
import org.prospectus.support.CatalogueFixtures;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

	@Autowired
	Environment environment;

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
				"prospectus_outbox_depth", "prospectus_outbox_oldest_age_seconds",
				"prospectus_events_oldest_age_seconds", "prospectus_decisions_lag_seconds",
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

	/**
	 * The management port is reached from the machine itself unless an operator widens it
	 * ({@code management.server.address}): from this machine's other addresses nothing
	 * answers there, while the public port does.
	 */
	@Test
	void theManagementPortListensOnLoopbackOnly() throws Exception {
		assertThat(InetAddress.getByName(this.environment.getRequiredProperty("management.server.address"))
			.isLoopbackAddress()).as("management.server.address").isTrue();
		List<InetAddress> others = NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
		for (InetAddress address : others) {
			try (Socket publicPort = new Socket(address, this.port)) {
				assertThat(publicPort.isConnected()).as("the public port on " + address).isTrue();
			}
			assertThatExceptionOfType(ConnectException.class).as("the management port on " + address)
				.isThrownBy(() -> new Socket(address, this.managementPort).close());
		}
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
