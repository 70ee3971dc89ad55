package org.prospectus.mail;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link OutboxSender} every {@code prospectus.mail.sender.delay} after the
 * previous run ended, on every instance (they share the work through row locks). Off with
 * {@code prospectus.mail.sender.enabled=false}, as in the tests, which run the sender
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "prospectus.mail.sender.enabled", matchIfMissing = true)
class OutboxSchedule {

	private static final Log logger = LogFactory.getLog(OutboxSchedule.class);

	private final OutboxSender sender;

	OutboxSchedule(OutboxSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${prospectus.mail.sender.delay:30s}",
			initialDelayString = "${prospectus.mail.sender.delay:30s}")
	void sendDueMessages() {
		try {
			this.sender.sendDue();
			this.sender.purgeSent();
		}
		catch (DataAccessException ex) {
			// The database is away; the messages are safe in it. Try again next run.
			logger.warn("Mail outbox not read: " + ex.getMostSpecificCause().getMessage());
		}
	}

}
