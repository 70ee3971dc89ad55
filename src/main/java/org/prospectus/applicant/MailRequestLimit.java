package org.prospectus.applicant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds the mail anyone can have sent without signing in: {@value #PER_RECIPIENT}
 * messages per address and {@value #PER_CLIENT} per client within {@link #WINDOW},
 * counted in the database so that the bound holds on every instance. A request over the
 * bound is answered as any other, and sends nothing: the answer never tells whether the
 * address has an account.
 */
@Component
class MailRequestLimit {

	/** Messages one address may be sent within the window. */
	static final int PER_RECIPIENT = 3;

	/** Messages one client may have sent within the window, to any addresses. */
	static final int PER_CLIENT = 30;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private record Counts(int toRecipient, int fromClient) {
	}

	MailRequestLimit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts a request for mail to the address from the client.
	 * @return whether it may be sent
	 */
	@Transactional
	public boolean allow(String recipient, @Nullable String client) {
		Instant now = this.clock.instant();
		String clientKey = (client != null) ? client.substring(0, Math.min(client.length(), 64)) : "unknown";
		String recipientKey = recipient.substring(0, Math.min(recipient.length(), 254));
		Timestamp since = Timestamp.from(now.minus(WINDOW));
		// One look at both counts: this runs on every registration and reset request.
		Counts counts = this.jdbc.sql("""
				select count(*) filter (where recipient = :recipient) as to_recipient,
				       count(*) filter (where client = :client) as from_client
				from mail_request
				where requested_at > :since and (recipient = :recipient or client = :client)""")
			.param("recipient", recipientKey)
			.param("client", clientKey)
			.param("since", since)
			.query((rs, row) -> new Counts(rs.getInt("to_recipient"), rs.getInt("from_client")))
			.single();
		this.jdbc.sql("insert into mail_request (recipient, client, requested_at) values (:recipient, :client, :at)")
			.param("recipient", recipientKey)
			.param("client", clientKey)
			.param("at", Timestamp.from(now))
			.update();
		return counts.toRecipient() < PER_RECIPIENT && counts.fromClient() < PER_CLIENT;
	}

}
