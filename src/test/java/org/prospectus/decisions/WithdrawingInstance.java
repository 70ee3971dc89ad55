package org.prospectus.decisions;

import java.util.UUID;

import org.prospectus.applications.ApplicationService;
import org.prospectus.support.OtherInstance;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The portal in a JVM of its own, for {@link EventCrashTests}: started on the test's
 * database, it withdraws one application as its applicant would, then waits to be killed.
 * Arguments: the JDBC URL, user, password, the application's id and its applicant's id.
 */
public final class WithdrawingInstance {

	/** How its connections are named in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "prospectus-withdrawing-instance";

	private WithdrawingInstance() {
	}

	public static void main(String[] args) throws InterruptedException {
		JdbcConnectionDetails database = new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return args[0];
			}

			@Override
			public String getUsername() {
				return args[1];
			}

			@Override
			public String getPassword() {
				return args[2];
			}

		};
		OtherInstance instance = new OtherInstance(args[0], database,
				"spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION_NAME,
				"prospectus.sessions.cleanup.enabled=false");
		boolean withdrawn = instance.bean(ApplicationService.class)
			.withdraw(UUID.fromString(args[3]), Long.parseLong(args[4]));
		// Reached only if the listener was not held up: the test then fails on its own.
		System.out.println("withdrawn: " + withdrawn);
		Thread.sleep(Long.MAX_VALUE);
	}

}
