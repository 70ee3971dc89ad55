package org.prospectus;

import org.prospectus.testdb.TestDatabaseConfiguration;
import org.prospectus.testmail.TestMailServerConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * The developer run: {@code ./mvnw spring-boot:test-run} starts the portal on
 * http://localhost:8080 on a real PostgreSQL (Testcontainers or embedded, kept between
 * restarts) with the demo catalogue loaded. Its e-mail goes to an SMTP server in the JVM
 * and shows on {@code /admin/mail}.
 */
public class TestProspectusApplication {

	public static void main(String[] args) {
		SpringApplication.from(ProspectusApplication::main)
			.with(TestDatabaseConfiguration.class, TestMailServerConfiguration.class)
			.withAdditionalProfiles("dev", "demo")
			.run(args);
	}

}
