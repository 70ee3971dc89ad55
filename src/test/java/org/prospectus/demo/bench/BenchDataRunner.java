package org.prospectus.demo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffUser;
import org.prospectus.demo.bench.ApplicationGenerator.Report;
import org.prospectus.demo.bench.ApplicationGenerator.Settings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The benchmark run
 * ({@code ./mvnw spring-boot:test-run -Dspring-boot.run.profiles=bench}, see
 * docs/benchmarks.md): once the demo catalogue is loaded, generates the applications the
 * database still lacks, then gives the benchmark script an admissions officer to sign in
 * as. It runs when the application is ready, after every runner, so the demo catalogue's
 * programmes count towards the fifty.
 * <p>
 * The officer's password comes from {@code PROSPECTUS_BENCH_PASSWORD}, or is made up at
 * every start; either way it exists only in the bench profile, which only ever runs from
 * the test sources. The login file the script reads is written only when the data is
 * ready, so a script started too early stops with a clear message instead of measuring a
 * database being filled.
 */
@Component
@Profile("bench")
class BenchDataRunner {

	static final String STAFF_NAME = "Benchmark Officer";

	private static final Log logger = LogFactory.getLog(BenchDataRunner.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DataSource dataSource;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	private final StaffAccounts accounts;

	private final BenchProperties properties;

	BenchDataRunner(DataSource dataSource, Clock clock, PasswordEncoder passwordEncoder, StaffAccounts accounts,
			@Value("${prospectus.bench.applications:1000000}") long applications,
			@Value("${prospectus.bench.chunk-size:100000}") int chunkSize,
			@Value("${prospectus.bench.documents-every:200}") int documentsEvery,
			@Value("${prospectus.bench.staff-email:bench@bench.prospectus.example}") String staffEmail,
			@Value("${prospectus.bench.password:}") String password,
			@Value("${prospectus.bench.login-file:.dev/bench-login}") String loginFile,
			@Value("${prospectus.base-url:http://localhost:8080}") String baseUrl) {
		this.dataSource = dataSource;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
		this.accounts = accounts;
		this.properties = new BenchProperties(applications, chunkSize, documentsEvery, staffEmail, password,
				Path.of(loginFile), baseUrl);
	}

	@EventListener(ApplicationReadyEvent.class)
	void generate() throws IOException {
		Files.deleteIfExists(this.properties.loginFile());
		logger.info(String.format(Locale.ROOT,
				"Benchmark data: making sure the database holds %,d generated applications "
						+ "(prospectus.bench.applications), %,d per transaction",
				this.properties.applications(), this.properties.chunkSize()));
		Report report = new ApplicationGenerator(this.dataSource).generate(new Settings(this.properties.applications(),
				this.properties.chunkSize(), this.properties.documentsEvery(), this.clock.instant(),
				this.passwordEncoder.encode(randomPassword())));
		String size = JdbcClient.create(this.dataSource)
			.sql("select pg_size_pretty(pg_database_size(current_database()))")
			.query(String.class)
			.single();
		logger.info(String.format(Locale.ROOT,
				"Benchmark data ready: %,d generated applications, %,d of them now (%d programmes added), "
						+ "%,d reads (%,d applications given theirs afterwards); "
						+ "catalogue %.1f s, applications %.1f s, analyze %.1f s, total %.1f s; database %s",
				report.applications(), report.generated(), report.programmesCreated(), report.reads(),
				report.backfilled(), seconds(report.catalogue()), seconds(report.load()), seconds(report.analyze()),
				seconds(report.total()), size));
		signIn();
	}

	private void signIn() {
		boolean given = !this.properties.password().isBlank();
		String password = given ? this.properties.password() : randomPassword();
		StaffUser user = this.accounts.findOrCreate(this.properties.staffEmail(), STAFF_NAME,
				EnumSet.of(StaffRole.ADMISSIONS));
		this.accounts.replacePassword(user, password);
		List<String> lines = List.of("url=" + this.properties.baseUrl(), "email=" + this.properties.staffEmail(),
				given ? "# password: from PROSPECTUS_BENCH_PASSWORD" : "password=" + password);
		writeLoginFile(this.properties.loginFile(), lines);
		logger.info(String.join(System.lineSeparator(), List.of("",
				"==================================================================================",
				" Benchmark admissions officer (new password at every start unless PROSPECTUS_BENCH_PASSWORD is set)",
				"   sign in at " + this.properties.baseUrl() + "/login as " + this.properties.staffEmail() + " "
						+ (given ? "with PROSPECTUS_BENCH_PASSWORD" : password),
				"   bench/review-benchmark.sh reads " + this.properties.loginFile().toAbsolutePath(),
				"==================================================================================")));
	}

	/** Readable by its owner only: it holds a password, if only a benchmark's. */
	static void writeLoginFile(Path file, List<String> lines) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "bench-login", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.write(temporary, lines, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/** 120 random bits in 20 URL-safe characters, as the demo staff get. */
	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	record BenchProperties(long applications, int chunkSize, int documentsEvery, String staffEmail, String password,
			Path loginFile, String baseUrl) {
	}

}
