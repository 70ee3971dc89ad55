package org.prospectus.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due messages over SMTP (ADR 0010). Safe to run on every instance at
 * once: each message is claimed with {@code select … for update skip locked}, so two runs
 * never take the same message, and neither waits for the other.
 * <p>
 * Each message is claimed, sent and marked sent in one short transaction of its own, so a
 * message the server accepted is marked sent right after, and a failure touches only that
 * message: its attempt is counted, the error kept, and it waits for its backoff (1
 * minute, doubling, at most 1 hour). Nothing is ever dropped. If the process dies between
 * the server's acceptance and the commit, the message is sent again later, with the same
 * {@code Message-ID}.
 */
@Component
public class OutboxSender {

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	static final int MAX_ERROR_LENGTH = 500;

	private static final Log logger = LogFactory.getLog(OutboxSender.class);

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final InternetAddress from;

	private final int batchSize;

	private final Duration retention;

	/** Only for building messages; the mail sender uses its own session to send them. */
	private final Session session = Session.getInstance(new Properties());

	private final AtomicBoolean warnedNoServer = new AtomicBoolean();

	OutboxSender(ObjectProvider<JavaMailSender> mailSenders, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock, OutboxProperties properties) {
		this.mailSenders = mailSenders;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.from = parseFrom(properties.from());
		this.batchSize = properties.sender().batchSize();
		this.retention = properties.retention();
	}

	/**
	 * Deletes the messages sent longer ago than the retention period. Messages never sent
	 * stay, whatever their age, for staff to see why.
	 * @return how many were deleted
	 */
	public int purgeSent() {
		return this.jdbc.sql("delete from mail_outbox where sent_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(this.retention)))
			.update();
	}

	private static InternetAddress parseFrom(String from) {
		try {
			return new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("prospectus.mail.from is not an e-mail address: '" + from + "'", ex);
		}
	}

	/**
	 * Sends batch after batch while full batches go out, for at most {@code budget}: a
	 * backlog (a deadline night's confirmations, thousands an hour) drains at the pace
	 * the mail server takes, not one batch per run (issue 26). A batch with a failure, or
	 * one that empties the outbox, ends the run.
	 * @param budget the longest the run goes on starting new batches
	 * @return how many were sent and how many failed
	 */
	public Run sendDueFor(Duration budget) {
		Instant until = this.clock.instant().plus(budget);
		long started = System.nanoTime();
		int sent = 0;
		int failed = 0;
		Run run;
		do {
			run = sendDue();
			sent += run.sent();
			failed += run.failed();
		}
		while (run.failed() == 0 && run.sent() == this.batchSize && this.clock.instant().isBefore(until)
				&& System.nanoTime() - started < budget.toNanos());
		return new Run(sent, failed);
	}

	/**
	 * Tries the messages that are due now, at most one batch of them, oldest first.
	 * @return how many were sent and how many failed
	 */
	public Run sendDue() {
		JavaMailSender mailSender = this.mailSenders.getIfAvailable();
		if (mailSender == null) {
			warnNoServer();
			return new Run(0, 0);
		}
		int sent = 0;
		int failed = 0;
		while (sent + failed < this.batchSize) {
			Outcome outcome = this.transactions.execute((status) -> sendNext(mailSender));
			if (outcome == Outcome.NONE_DUE) {
				break;
			}
			if (outcome == Outcome.SENT) {
				sent++;
			}
			else {
				failed++;
			}
		}
		if (sent + failed > 0) {
			logger.info("Mail outbox: " + sent + " sent, " + failed + " failed");
		}
		return new Run(sent, failed);
	}

	private Outcome sendNext(JavaMailSender mailSender) {
		Instant now = this.clock.instant();
		Claimed message = this.jdbc.sql("""
				select id, recipient, subject, text_body, html_body, created_at, attempts
				from mail_outbox
				where sent_at is null and next_attempt_at <= :now
				order by next_attempt_at, id
				limit 1
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("text_body"), rs.getString("html_body"), rs.getTimestamp("created_at").toInstant(),
					rs.getInt("attempts")))
			.optional()
			.orElse(null);
		if (message == null) {
			return Outcome.NONE_DUE;
		}
		try {
			mailSender.send(mimeMessage(message));
		}
		catch (MessagingException | RuntimeException ex) {
			int attempts = message.attempts() + 1;
			Instant next = now.plus(backoff(attempts));
			this.jdbc.sql("""
					update mail_outbox
					set attempts = :attempts, last_attempt_at = :now, next_attempt_at = :next, last_error = :error
					where id = :id""")
				.param("attempts", attempts)
				.param("now", Timestamp.from(now))
				.param("next", Timestamp.from(next))
				.param("error", describe(ex, message.recipient()))
				.param("id", message.id())
				.update();
			logger.warn("Mail " + message.id() + " not sent (attempt " + attempts + "), next try after " + next + ": "
					+ ex.getClass().getSimpleName());
			return Outcome.FAILED;
		}
		Instant sentAt = this.clock.instant();
		this.jdbc.sql("""
				update mail_outbox
				set attempts = attempts + 1, last_attempt_at = :sentAt, sent_at = :sentAt
				where id = :id""").param("sentAt", Timestamp.from(sentAt)).param("id", message.id()).update();
		return Outcome.SENT;
	}

	/**
	 * The message as multipart/alternative, plain text first and HTML last (the one a
	 * client shows when it can). Its {@code Message-ID} is derived from the outbox row,
	 * so a message sent twice after a crash is recognisably the same message.
	 */
	private MimeMessage mimeMessage(Claimed message) throws MessagingException {
		MimeMessage mime = new MimeMessage(this.session);
		mime.setFrom(this.from);
		mime.setRecipient(RecipientType.TO, new InternetAddress(message.recipient(), true));
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(Date.from(this.clock.instant()));
		mime.setHeader("Message-ID", messageId(message));
		// RFC 3834: tells vacation responders not to answer.
		mime.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(message.textBody(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(message.htmlBody(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		List<MimeBodyPart> files = attachments(message.id());
		if (files.isEmpty()) {
			mime.setContent(alternative);
			return mime;
		}
		// multipart/mixed: the two bodies as one part, then the files.
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart bodies = new MimeBodyPart();
		bodies.setContent(alternative);
		mixed.addBodyPart(bodies);
		for (MimeBodyPart file : files) {
			mixed.addBodyPart(file);
		}
		mime.setContent(mixed);
		return mime;
	}

	private List<MimeBodyPart> attachments(long messageId) throws MessagingException {
		List<MimeBodyPart> parts = new ArrayList<>();
		for (Map<String, Object> row : this.jdbc
			.sql("select filename, content_type, content from mail_attachment where message_id = :id order by position")
			.param("id", messageId)
			.query()
			.listOfRows()) {
			MimeBodyPart part = new MimeBodyPart();
			part.setDataHandler(new DataHandler(
					new ByteArrayDataSource((byte[]) row.get("content"), (String) row.get("content_type"))));
			part.setFileName((String) row.get("filename"));
			part.setDisposition(Part.ATTACHMENT);
			parts.add(part);
		}
		return parts;
	}

	private String messageId(Claimed message) {
		String address = this.from.getAddress();
		String domain = address.substring(address.lastIndexOf('@') + 1);
		return "<outbox." + message.id() + "." + message.createdAt().toEpochMilli() + "@" + domain + ">";
	}

	/** 1, 2, 4, 8, 16, 32 minutes, then every hour. */
	static Duration backoff(int attempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
		return (delay.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : delay;
	}

	/**
	 * What went wrong, on one line and short. The server's reply often quotes the
	 * address; the row already holds it, so the error says {@code <recipient>} instead.
	 */
	static String describe(Exception ex, String recipient) {
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		text = text.replaceAll("\\s+", " ").strip();
		text = Pattern.compile(Pattern.quote(recipient), Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.replaceAll(Matcher.quoteReplacement("<recipient>"));
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	private void warnNoServer() {
		if (this.warnedNoServer.compareAndSet(false, true)) {
			Long waiting = this.jdbc.sql("select count(*) from mail_outbox where sent_at is null")
				.query(Long.class)
				.single();
			logger.warn("No mail server is configured (set spring.mail.host): " + waiting
					+ " messages wait in the outbox and are kept until one is");
		}
	}

	/** The result of one run of the sender. */
	public record Run(int sent, int failed) {
	}

	private enum Outcome {

		SENT, FAILED, NONE_DUE

	}

	private record Claimed(long id, String recipient, String subject, String textBody, String htmlBody,
			Instant createdAt, int attempts) {
	}

}
