package org.prospectus.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.prospectus.mail.MailTemplates.RenderedMail;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: the one way the portal sends e-mail (ADR 0010).
 * <p>
 * A feature calls {@link #enqueue} inside the transaction of the change the message is
 * about (an account registered, an application submitted). The message is rendered at
 * once and written to {@code mail_outbox} in that transaction, so it exists exactly when
 * the change does: a rolled-back change sends nothing, and a committed one is sent by
 * {@link OutboxSender} even if the mail server is down at the time.
 */
@Service
@NamedInterface("api")
public class MailOutbox {

	/** The longest address SMTP carries (RFC 5321's path limit less the brackets). */
	static final int MAX_RECIPIENT_LENGTH = 254;

	static final int MAX_SUBJECT_LENGTH = 200;

	private final MailTemplates templates;

	private final JdbcClient jdbc;

	private final Clock clock;

	MailOutbox(MailTemplates templates, JdbcClient jdbc, Clock clock) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Renders the message {@code templates/mail/<template>.txt} and {@code .html}, with
	 * the subject {@code mail.<template>.subject} from {@code messages.properties}, and
	 * writes it to the outbox in the caller's transaction.
	 * @param recipient the one address it goes to
	 * @param template the template's name, such as {@code account-verification}
	 * @param model the template's variables
	 * @param locale the language to write it in
	 * @return the message's id in the outbox
	 * @throws IllegalArgumentException when the recipient is not one bare e-mail address
	 * @throws org.springframework.transaction.IllegalTransactionStateException when
	 * called outside a transaction: a message must share the fate of the change it
	 * reports
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(String recipient, String template, Map<String, Object> model, Locale locale) {
		return enqueue(recipient, template, model, locale, List.of());
	}

	/**
	 * As {@link #enqueue(String, String, Map, Locale)}, with files sent along, such as a
	 * decision letter: stored with the message, as they were when it was written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(String recipient, String template, Map<String, Object> model, Locale locale,
			List<Attachment> attachments) {
		String address = checkedAddress(recipient);
		RenderedMail mail = this.templates.render(template, model, locale);
		if (mail.subject().length() > MAX_SUBJECT_LENGTH) {
			throw new IllegalArgumentException("The subject of '" + template + "' is too long");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		long id = this.jdbc.sql("""
				insert into mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at)
				values (:recipient, :subject, :text, :html, :now, :now)
				returning id""")
			.param("recipient", address)
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", now)
			.query(Long.class)
			.single();
		int position = 0;
		for (Attachment attachment : attachments) {
			this.jdbc.sql("""
					insert into mail_attachment (message_id, position, filename, content_type, content)
					values (:id, :position, :filename, :type, :content)""")
				.param("id", id)
				.param("position", position++)
				.param("filename", attachment.filename())
				.param("type", attachment.contentType())
				.param("content", attachment.content())
				.update();
		}
		return id;
	}

	/**
	 * A file sent with a message.
	 *
	 * @param filename its name as the recipient sees it
	 * @param contentType its media type
	 * @param content its bytes
	 */
	public record Attachment(String filename, String contentType, byte[] content) {

	}

	/**
	 * The address as SMTP will need it: one bare address, no name, no list. Checked here
	 * so that a caller's mistake fails its own transaction instead of waiting in the
	 * outbox for ever.
	 */
	private static String checkedAddress(String recipient) {
		String address = (recipient != null) ? recipient.strip() : "";
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (address.length() <= MAX_RECIPIENT_LENGTH && parsed.getPersonal() == null
					&& parsed.getAddress().equals(address) && address.indexOf('@') > 0) {
				return address;
			}
		}
		catch (AddressException ex) {
			// Refused below, without echoing the address.
		}
		throw new IllegalArgumentException("Not a single e-mail address");
	}

	/** The newest messages, for the demonstration mail page. */
	List<OutboxMessage> recent(int limit) {
		return this.jdbc.sql("""
				select id, recipient, subject, text_body, created_at, attempts, next_attempt_at, last_error, sent_at
				from mail_outbox order by id desc limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("text_body"), instant(rs.getTimestamp("created_at")), rs.getInt("attempts"),
					instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
					instant(rs.getTimestamp("sent_at"))))
			.list();
	}

	private static @Nullable Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
