package org.prospectus.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings, {@code prospectus.mail.*}. The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender address of every message, optionally with a name:
 * {@code Prospectus <no-reply@university.example>}
 * @param sender the scheduled sender
 * @param retention how long a sent message is kept; its links, such as a password reset,
 * should not outlive their use in the database
 */
@ConfigurationProperties("prospectus.mail")
record OutboxProperties(@DefaultValue("no-reply@localhost") String from, @DefaultValue Sender sender,
		@DefaultValue("30d") Duration retention) {

	/**
	 * {@code enabled} and {@code delay} are read by {@link OutboxSchedule}'s condition
	 * and {@code @Scheduled}; they are bound here too so that a mistyped value stops the
	 * start instead of being noticed when mail is missing.
	 *
	 * @param enabled whether this instance runs the scheduled sender (tests call it
	 * directly instead)
	 * @param delay the pause between the end of one run and the start of the next
	 * @param batchSize the most messages one run tries, each in its own short transaction
	 */
	record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration delay,
			@DefaultValue("20") int batchSize) {

		Sender {
			if (batchSize < 1) {
				throw new IllegalArgumentException("prospectus.mail.sender.batch-size must be at least 1");
			}
		}

	}

}
