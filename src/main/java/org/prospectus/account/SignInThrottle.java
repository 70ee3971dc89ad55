package org.prospectus.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.prospectus.support.Emails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per address in the database, so that the limit
 * holds across every instance of the portal. After too many failures, further attempts
 * are refused for a while, with the same message as a wrong password. Staff and
 * applicants are counted apart: neither's failures pause the other's sign-in, whatever is
 * typed.
 */
@Component
@NamedInterface("api")
public class SignInThrottle {

	/** Failures for one account, since its last success, within the window. */
	public static final int ACCOUNT_LIMIT = 5;

	/** Failures from one address within the window, whatever the accounts. */
	public static final int ADDRESS_LIMIT = 20;

	public static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	SignInThrottle(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Failures from one address an applicants' sign-in tolerates: many share campus
	 * addresses.
	 */
	public static final int APPLICANT_ADDRESS_LIMIT = 200;

	/** Who signs in: each has its own accounts and its own counts. */
	public enum Audience {

		STAFF(ADDRESS_LIMIT), APPLICANT(APPLICANT_ADDRESS_LIMIT),
		/** Referees' links (issue 30): links that lead nowhere, by address. */
		REFEREE(ADDRESS_LIMIT);

		private final int addressLimit;

		Audience(int addressLimit) {
			this.addressLimit = addressLimit;
		}

		/** Failures from one address before it is refused. */
		public int addressLimit() {
			return this.addressLimit;
		}

	}

	/**
	 * Whether an attempt is refused: too many failures for the account since its last
	 * success, or too many from the address, within the window, among the audience's
	 * sign-ins.
	 */
	@Transactional(readOnly = true)
	public boolean isBlocked(Audience audience, String accountKey, String address) {
		Timestamp since = Timestamp.from(this.clock.instant().minus(WINDOW));
		int accountFailures = this.jdbc.sql("""
				select count(*) from sign_in_attempt
				where audience = :audience and account_key = :account and not succeeded and attempted_at > :since
				  and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
				                               where audience = :audience and account_key = :account
				                                 and succeeded), '-infinity')""")
			.param("audience", audience.name())
			.param("account", accountKey)
			.param("since", since)
			.query(Integer.class)
			.single();
		if (accountFailures >= ACCOUNT_LIMIT) {
			pause(audience);
			return true;
		}
		int addressFailures = this.jdbc.sql("""
				select count(*) from sign_in_attempt
				where audience = :audience and address = :address and not succeeded and attempted_at > :since""")
			.param("audience", audience.name())
			.param("address", address)
			.param("since", since)
			.query(Integer.class)
			.single();
		if (addressFailures >= audience.addressLimit()) {
			pause(audience);
			return true;
		}
		return false;
	}

	/**
	 * Counts a sign-in refused for a pause, for the operator's alerts (operations.md).
	 */
	private void pause(Audience audience) {
		this.meters.counter("prospectus.sign-in.pauses", "audience", audience.name().toLowerCase(Locale.ROOT))
			.increment();
	}

	/**
	 * Recorded in its own transaction, so a failed sign-in is counted whatever else
	 * fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Audience audience, String accountKey, String address, boolean succeeded) {
		Instant now = this.clock.instant();
		if (!succeeded) {
			this.meters.counter("prospectus.sign-in.failures", "audience", audience.name().toLowerCase(Locale.ROOT))
				.increment();
		}
		this.jdbc
			.sql("insert into sign_in_attempt (audience, account_key, address, succeeded, attempted_at) "
					+ "values (:audience, :account, :address, :succeeded, :at)")
			.param("audience", audience.name())
			.param("account", accountKey)
			.param("address", address)
			.param("succeeded", succeeded)
			.param("at", Timestamp.from(now))
			.update();
	}

	/**
	 * The key attempts are counted under: the address in the canonical spelling that
	 * accounts are found by ({@link Emails}), capped.
	 */
	public static String accountKey(@Nullable String username) {
		String key = Emails.canonical(username);
		return (key.length() > 254) ? key.substring(0, 254) : key;
	}

	public static String addressKey(@Nullable String address) {
		String key = (address != null) ? address : "unknown";
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

}
