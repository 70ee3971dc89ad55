package org.prospectus;

import org.prospectus.testdb.TestDatabaseConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * The developer run: {@code ./mvnw spring-boot:test-run} starts the portal on
 * http://localhost:8080 on a real PostgreSQL (Testcontainers or embedded, kept between
 * restarts) with the demo catalogue loaded.
 */
public class TestProspectusApplication {

	public static void main(String[] args) {
		SpringApplication.from(ProspectusApplication::main)
			.with(TestDatabaseConfiguration.class)
			.withAdditionalProfiles("dev", "demo")
			.run(args);
	}

}
