package org.prospectus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Prospectus: a portal where universities publish programmes, courses and application
 * deadlines.
 */
@SpringBootApplication
public class ProspectusApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProspectusApplication.class, args);
	}

}
