package org.prospectus.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prospectus.support.OtherInstance;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.SwitchableProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When PostgreSQL goes away (docs/operations.md): an instance whose database connection
 * runs through a proxy this test cuts answers 503 with the site's page, quickly rather
 * than after the pool's default half-minute, reports not ready while staying alive, and
 * serves again once the proxy is mended, without a restart.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTests {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	JdbcConnectionDetails database;

	SwitchableProxy proxy;

	OtherInstance instance;

	int port;

	int managementPort;

	@BeforeAll
	void startAnInstanceBehindTheProxy() throws Exception {
		URI target = URI.create(this.database.getJdbcUrl().substring("jdbc:".length()));
		this.proxy = new SwitchableProxy(target.getHost(), target.getPort());
		String url = "jdbc:postgresql://127.0.0.1:" + this.proxy.port() + target.getPath()
				+ ((target.getQuery() != null) ? "?" + target.getQuery() : "");
		this.instance = new OtherInstance(url, this.database);
		this.port = this.instance.port();
		this.managementPort = this.instance.managementPort();
	}

	@AfterAll
	void stop() throws Exception {
		if (this.instance != null) {
			this.instance.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void whileTheDatabaseIsAwayPagesAnswer503QuicklyAndAllRecoversWhenItReturns() throws Exception {
		assertThat(get(this.port, "/deadlines").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		this.proxy.cut();
		long started = System.nanoTime();
		HttpResponse<String> page = get(this.port, "/deadlines");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).contains("30");
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("The portal is briefly unavailable").doesNotContain("Exception");
		assertThat(took).as("no hang of the pool's default 30 s").isLessThan(Duration.ofSeconds(5));
		// A signed-in browser's request: its session is in the database too.
		HttpResponse<String> signedIn = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/admin"))
				.header("Accept", "text/html")
				.header("Cookie",
						"SESSION=" + Base64.getEncoder()
							.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(503);
		assertThat(signedIn.body()).contains("The portal is briefly unavailable");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);

		this.proxy.mend();
		int status = 0;
		for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
			status = get(this.port, "/deadlines").statusCode();
			if (status != 200) {
				Thread.sleep(250);
			}
		}
		assertThat(status).as("served again without a restart").isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", path.matches(".*(health|livez|readyz).*") ? "application/json" : "text/html")
			.timeout(Duration.ofSeconds(40))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
