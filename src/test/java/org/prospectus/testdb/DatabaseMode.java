package org.prospectus.testdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Decides, once per JVM, whether tests and the developer run use a Testcontainers
 * PostgreSQL (a Docker engine answers) or an embedded PostgreSQL (no Docker).
 * <p>
 * {@code -Dprospectus.test.database=docker|embedded|auto} or the environment variable
 * {@code PROSPECTUS_TEST_DATABASE} forces a path; {@code auto} is the default.
 */
public enum DatabaseMode {

	DOCKER, EMBEDDED;

	static final String PROPERTY = "prospectus.test.database";

	static final String ENVIRONMENT_VARIABLE = "PROSPECTUS_TEST_DATABASE";

	private static final Log logger = LogFactory.getLog(DatabaseMode.class);

	private static volatile DatabaseMode decided;

	public static DatabaseMode current() {
		DatabaseMode mode = decided;
		if (mode == null) {
			synchronized (DatabaseMode.class) {
				mode = decided;
				if (mode == null) {
					mode = decide(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE)));
					logger.info("PostgreSQL for this JVM: " + mode.name().toLowerCase(Locale.ROOT) + " (set " + PROPERTY
							+ " or " + ENVIRONMENT_VARIABLE + " to docker or embedded to choose)");
					decided = mode;
				}
			}
		}
		return mode;
	}

	static DatabaseMode decide(String requested) {
		String value = (requested != null) ? requested.trim().toLowerCase(Locale.ROOT) : "auto";
		return switch (value) {
			case "docker" -> DOCKER;
			case "embedded" -> EMBEDDED;
			case "auto", "" -> dockerAnswers() ? DOCKER : EMBEDDED;
			default -> throw new IllegalArgumentException(
					PROPERTY + " must be docker, embedded or auto, not '" + requested + "'");
		};
	}

	/**
	 * Asks Testcontainers only when some Docker configuration exists: its probe takes a
	 * while and logs an error on machines that have no engine at all.
	 */
	private static boolean dockerAnswers() {
		boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".colima"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".rd"));
		if (!configured) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
