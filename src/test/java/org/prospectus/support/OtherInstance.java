package org.prospectus.support;

import java.util.Arrays;

import org.prospectus.ProspectusApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the portal in the test JVM, on random ports and an existing
 * database (whose schema the test's own instance has migrated): what a load balancer
 * would put beside it.
 */
public final class OtherInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	/**
	 * @param jdbcUrl where it finds the database: the test's own, or a way to it
	 * @param database the test database's user and password
	 * @param properties settings of its own, as {@code name=value}, over the test
	 * profile's
	 */
	public OtherInstance(String jdbcUrl, JdbcConnectionDetails database, String... properties) {
		this.context = new SpringApplicationBuilder(ProspectusApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.properties("server.port=0", "management.server.port=0", "spring.datasource.url=" + jdbcUrl,
					"spring.datasource.username=" + database.getUsername(),
					"spring.datasource.password=" + database.getPassword(), "spring.flyway.enabled=false",
					"spring.main.banner-mode=off")
			.run(Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new));
	}

	/** One of its beans, to look at what it did. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public int managementPort() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.management.port", "-1"));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
