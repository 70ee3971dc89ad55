package org.prospectus.support;

import java.util.LinkedHashMap;
import java.util.Map;

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
		// As arguments, not default properties: those rank below application.properties,
		// whose fixed management port would then collide with whatever holds it.
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("management.server.port", "0");
		settings.put("spring.datasource.url", jdbcUrl);
		settings.put("spring.datasource.username", database.getUsername());
		settings.put("spring.datasource.password", database.getPassword());
		settings.put("spring.flyway.enabled", "false");
		settings.put("spring.main.banner-mode", "off");
		for (String property : properties) {
			int equals = property.indexOf('=');
			settings.put(property.substring(0, equals), property.substring(equals + 1));
		}
		this.context = new SpringApplicationBuilder(ProspectusApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.run(settings.entrySet()
				.stream()
				.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new));
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
