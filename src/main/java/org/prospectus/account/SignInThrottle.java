package org.prospectus.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per address in the database, so that the limit
 * holds across every instance of the portal. After too many failures, further attempts
 * are refused for a while, with the same message as a wrong password.
 */
@Component
public class SignInThrottle {

	/** Failures for one account, since its last success, within the window. */
	public static final int ACCOUNT_LIMIT = 5;

	/** Failures from one address within the window, whatever the accounts. */
	public static final int ADDRESS_LIMIT = 20;

	public static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Failures from one address an applicants' sign-in tolerates: many share campus
	 * addresses.
	 */
	public static final int APPLICANT_ADDRESS_LIMIT = 200;

	@Transactional(readOnly = true)
	public boolean isBlocked(String accountKey, String address) {
		return isBlocked(accountKey, address, ADDRESS_LIMIT);
	}

	/**
	 * Whether an attempt is refused: too many failures for the account since its last
	 * success, or more than {@code addressLimit} from the address, within the window.
	 */
	@Transactional(readOnly = true)
	public boolean isBlocked(String accountKey, String address, int addressLimit) {
		Timestamp since = Timestamp.from(this.clock.instant().minus(WINDOW));
		int accountFailures = this.jdbc.sql("""
				select count(*) from sign_in_attempt
				where account_key = :account and not succeeded and attempted_at > :since
				  and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
				                               where account_key = :account and succeeded), '-infinity')""")
			.param("account", accountKey)
			.param("since", since)
			.query(Integer.class)
			.single();
		if (accountFailures >= ACCOUNT_LIMIT) {
			return true;
		}
		int addressFailures = this.jdbc.sql(
				"select count(*) from sign_in_attempt where address = :address and not succeeded and attempted_at > :since")
			.param("address", address)
			.param("since", since)
			.query(Integer.class)
			.single();
		return addressFailures >= addressLimit;
	}

	/**
	 * Recorded in its own transaction, so a failed sign-in is counted whatever else
	 * fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String accountKey, String address, boolean succeeded) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into sign_in_attempt (account_key, address, succeeded, attempted_at) "
					+ "values (:account, :address, :succeeded, :at)")
			.param("account", accountKey)
			.param("address", address)
			.param("succeeded", succeeded)
			.param("at", Timestamp.from(now))
			.update();
	}

	/**
	 * The key attempts are counted under: the e-mail as typed, trimmed and lower-cased,
	 * capped.
	 */
	public static String accountKey(String username) {
		String key = (username != null) ? StaffUser.normalizeEmail(username) : "";
		return (key.length() > 254) ? key.substring(0, 254) : key;
	}

	public static String addressKey(String address) {
		String key = (address != null) ? address : "unknown";
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

}
