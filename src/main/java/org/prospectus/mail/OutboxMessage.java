package org.prospectus.mail;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox as the demonstration mail page shows it.
 *
 * @param lastError the last failure, without the recipient's address, or {@code null}
 */
record OutboxMessage(long id, String recipient, String subject, String textBody, Instant createdAt, int attempts,
		Instant nextAttemptAt, @Nullable String lastError, Instant sentAt) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	public OutboxState state() {
		if (this.sentAt != null) {
			return OutboxState.SENT;
		}
		return (this.attempts > 0) ? OutboxState.RETRYING : OutboxState.WAITING;
	}

	/**
	 * The web addresses in the plain-text body, so a person trying the portal can open
	 * the link a message carries. Only http and https: nothing else becomes a link.
	 */
	public List<String> links() {
		Matcher matcher = LINK.matcher(this.textBody);
		return matcher.results().map((result) -> result.group()).distinct().toList();
	}

}
