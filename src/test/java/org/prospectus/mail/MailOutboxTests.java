package org.prospectus.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffRole;
import org.prospectus.mail.OutboxSender.Run;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StaffSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.prospectus.support.StaffSessions.page;

/**
 * The e-mail outbox against a real PostgreSQL and a real SMTP server (GreenMail): a
 * message exists exactly when the change that caused it commits, arrives once, and
 * survives an outage of the mail server.
 */
@PortalIntegrationTest
class MailOutboxTests {

	static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	static final String LINK = "https://prospectus.example/account/verify?token=abc123";

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSessions staff;

	@Autowired
	ConfigurableEnvironment environment;

	@BeforeEach
	void emptyOutboxAndMailServer() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		this.greenMail.purgeEmailFromAllMailboxes();
		this.clock.setInstant(NOW);
	}

	@AfterEach
	void restore() {
		this.clock.reset();
		if (!this.greenMail.isRunning()) {
			this.greenMail.start();
		}
	}

	long enqueueCommitted(String recipient) {
		return this.transactions.execute((status) -> this.outbox.enqueue(recipient, "account-verification",
				verificationModel("Ada Lovelace"), Locale.ENGLISH));
	}

	static Map<String, Object> verificationModel(String name) {
		return Map.of("name", name, "link", LINK, "expiresAt", "21 November 2026, 11:00 UTC");
	}

	long rows() {
		return this.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
	}

	List<String> receivedRecipients() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			Arrays.stream(message.getRecipients(RecipientType.TO))
				.map((address) -> ((InternetAddress) address).getAddress())
				.forEach(recipients::add);
		}
		return recipients;
	}

	@Test
	void enqueueingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> this.outbox.enqueue("ada@example.org", "account-verification",
				verificationModel("Ada"), Locale.ENGLISH))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(rows()).isZero();
	}

	@Test
	void onlyOneBareAddressIsAccepted() {
		for (String recipient : List.of("not an address", "Ada <ada@example.org>", "ada@example.org, bob@example.org",
				"ada@example.org\r\nBcc: eve@example.org", "@example.org", "")) {
			assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.outbox.enqueue(recipient,
					"account-verification", verificationModel("Ada"), Locale.ENGLISH)))
				.as(recipient)
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(rows()).isZero();
	}

	@Test
	void aMessageOfARolledBackChangeIsNeverSent() {
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.enqueue("ada@example.org", "account-verification", verificationModel("Ada"), Locale.ENGLISH);
			status.setRollbackOnly();
		});
		assertThat(rows()).isZero();
		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 0));
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aSentMessageArrivesOnceAsPlainTextAndHtmlToItsRecipient() throws Exception {
		long id = this.transactions.execute((status) -> this.outbox.enqueue("  Ada@Example.org ",
				"account-verification", verificationModel("Ada <b>Lovelace</b> & Co"), Locale.ENGLISH));

		assertThat(this.sender.sendDue()).isEqualTo(new Run(1, 0));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 0));

		MimeMessage[] received = this.greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(receivedRecipients()).containsExactly("Ada@Example.org");
		assertThat(message.getSubject()).isEqualTo("Confirm your e-mail address for Prospectus");
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@localhost");
		assertThat(message.getHeader("Message-ID")[0]).startsWith("<outbox." + id + ".").endsWith("@localhost>");
		assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		// SMTP carries lines ending in CRLF.
		String textBody = ((String) text.getContent()).replace("\r\n", "\n");
		assertThat(textBody).startsWith("Hello Ada <b>Lovelace</b> & Co,")
			.contains("\n" + LINK + "\n")
			.contains("The link can be used once, until 21 November 2026, 11:00 UTC.")
			.doesNotContain("??");
		String htmlBody = (String) html.getContent();
		assertThat(htmlBody).contains("Hello Ada &lt;b&gt;Lovelace&lt;/b&gt; &amp; Co,")
			.contains("<a href=\"" + LINK + "\">Confirm my e-mail address</a>")
			.contains("<html lang=\"en\">")
			.doesNotContain("??")
			.doesNotContain("th:");
		assertThat(htmlBody.toLowerCase(Locale.ROOT)).as("the HTML needs nothing from elsewhere")
			.doesNotContain("src=")
			.doesNotContain("<link")
			.doesNotContain("url(")
			.doesNotContain("<script");

		assertThat(this.jdbc.sql("select attempts, sent_at, last_error from mail_outbox where id = :id")
			.param("id", id)
			.query((rs, row) -> List.of(rs.getInt(1), rs.getTimestamp(2).toInstant(), String.valueOf(rs.getString(3))))
			.single()).containsExactly(1, NOW, "null");
	}

	@Test
	void aBacklogIsSentBatchAfterBatchInOneRunNotOneBatchPerRun() {
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < 45; i++) {
				this.outbox.enqueue("applicant" + i + "@example.org", "account-verification",
						verificationModel("Applicant " + i), Locale.ENGLISH);
			}
		});
		assertThat(this.sender.sendDueFor(Duration.ofMinutes(1))).isEqualTo(new Run(45, 0));
		assertThat(this.greenMail.getReceivedMessages()).hasSize(45);
		assertThat(this.sender.sendDueFor(Duration.ofMinutes(1))).isEqualTo(new Run(0, 0));
	}

	@Test
	void sentMessagesAreDeletedAfterTheRetentionPeriodAndUnsentOnesStay() {
		long sent = enqueueCommitted("ada@example.org");
		assertThat(this.sender.sendDue()).isEqualTo(new Run(1, 0));
		this.greenMail.stop();
		long unsent = enqueueCommitted("grace@example.org");
		assertThat(this.sender.sendDue().failed()).isEqualTo(1);

		this.clock.setInstant(NOW.plus(Duration.ofDays(30)));
		assertThat(this.sender.purgeSent()).as("30 days to the second is not yet past").isZero();
		this.clock.setInstant(NOW.plus(Duration.ofDays(30)).plusSeconds(1));
		assertThat(this.sender.purgeSent()).isEqualTo(1);
		assertThat(this.jdbc.sql("select id from mail_outbox").query(Long.class).list()).containsExactly(unsent)
			.doesNotContain(sent);
	}

	@Test
	void thePasswordResetMessageHasAllItsText() throws Exception {
		this.transactions.executeWithoutResult((status) -> this.outbox.enqueue("grace@example.org", "password-reset",
				verificationModel("Grace"), Locale.ENGLISH));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(1, 0));
		MimeMessage message = this.greenMail.getReceivedMessages()[0];
		assertThat(message.getSubject()).isEqualTo("Choose a new password for Prospectus");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat((String) parts.getBodyPart(0).getContent()).contains("your password stays as it is")
			.contains(LINK)
			.doesNotContain("??");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("Choose a new password</a>")
			.doesNotContain("??");
	}

	@Test
	void aMailServerOutageLosesNothingAndEveryMessageArrivesOnceAfterwards() throws Exception {
		List<String> recipients = List.of("one@example.org", "two@example.org", "three@example.org");
		recipients.forEach(this::enqueueCommitted);
		this.greenMail.stop();

		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 3));
		assertThat(rows()).isEqualTo(3);
		List<Map<String, Object>> failed = this.jdbc
			.sql("select recipient, attempts, last_attempt_at, next_attempt_at, last_error, sent_at from mail_outbox")
			.query()
			.listOfRows();
		for (Map<String, Object> row : failed) {
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat(row.get("sent_at")).isNull();
			assertThat(((Timestamp) row.get("last_attempt_at")).toInstant()).isEqualTo(NOW);
			assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isEqualTo(NOW.plusSeconds(60));
			assertThat((String) row.get("last_error")).isNotBlank()
				.hasSizeLessThanOrEqualTo(OutboxSender.MAX_ERROR_LENGTH)
				.doesNotContainIgnoringCase((String) row.get("recipient"));
		}

		// Not due again before its backoff has passed.
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 0));

		// Still down a minute later: the second attempt waits twice as long.
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 3));
		assertThat(this.jdbc.sql("select distinct attempts from mail_outbox").query(Integer.class).list())
			.containsExactly(2);
		assertThat(this.jdbc.sql("select distinct next_attempt_at from mail_outbox")
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.list()).containsExactly(NOW.plus(Duration.ofMinutes(3)));

		this.greenMail.start();
		assertThat(this.sender.sendDue()).as("the server is back, but the backoff has not passed")
			.isEqualTo(new Run(0, 0));
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(3, 0));
		assertThat(this.sender.sendDue()).isEqualTo(new Run(0, 0));

		assertThat(receivedRecipients()).containsExactlyInAnyOrderElementsOf(recipients);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where sent_at is not null and attempts = 3")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void twoSenderRunsAtOnceSendEveryMessageOnce() throws Exception {
		int count = 30;
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			recipients.add("applicant" + i + "@example.org");
		}
		this.transactions.executeWithoutResult((status) -> recipients.forEach((recipient) -> this.outbox
			.enqueue(recipient, "account-verification", verificationModel("Applicant"), Locale.ENGLISH)));

		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<Run>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(executor.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					// Each run handles at most one batch (20), so both must take part.
					return this.sender.sendDue();
				}));
			}
			Run first = runs.get(0).get(60, TimeUnit.SECONDS);
			Run second = runs.get(1).get(60, TimeUnit.SECONDS);
			assertThat(first.failed() + second.failed()).isZero();
			assertThat(first.sent() + second.sent()).isEqualTo(count);
			assertThat(first.sent()).isPositive();
			assertThat(second.sent()).isPositive();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(receivedRecipients()).hasSize(count).containsExactlyInAnyOrderElementsOf(recipients);
	}

	@Test
	void aMessageAnotherSenderHoldsIsSkippedNotWaitedFor() throws Exception {
		long held = enqueueCommitted("held@example.org");
		enqueueCommitted("free@example.org");
		try (Connection otherSender = this.dataSource.getConnection()) {
			otherSender.setAutoCommit(false);
			try (PreparedStatement lock = otherSender
				.prepareStatement("select id from mail_outbox where id = ? for update")) {
				lock.setLong(1, held);
				lock.executeQuery().close();
			}
			Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> this.sender.sendDue());
			assertThat(run).isEqualTo(new Run(1, 0));
			assertThat(receivedRecipients()).containsExactly("free@example.org");
			otherSender.rollback();
		}
		assertThat(this.sender.sendDue()).isEqualTo(new Run(1, 0));
		assertThat(receivedRecipients()).containsExactlyInAnyOrder("free@example.org", "held@example.org");
	}

	@Test
	void backoffDoublesFromOneMinuteUpToAnHour() {
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 50).stream().map(OutboxSender::backoff).map(Duration::toMinutes))
			.containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
	}

	@Test
	void aKeptErrorIsOneShortLineWithoutTheAddress() {
		String error = OutboxSender.describe(
				new IllegalStateException(
						"550 5.1.1 <Ada@Example.org>:\r\n Recipient " + "address rejected: " + "x".repeat(1000)),
				"ada@example.org");
		assertThat(error).startsWith("IllegalStateException: 550 5.1.1 <<recipient>>: Recipient address rejected")
			.doesNotContainIgnoringCase("ada@example.org")
			.doesNotContain("\n")
			.hasSize(OutboxSender.MAX_ERROR_LENGTH);
	}

	@Test
	void theMailPageDoesNotExistUnlessSwitchedOn() {
		this.staff.create("officer@uni.example", "Alex Officer", StaffRole.ADMISSIONS);
		MockHttpSession officer = this.staff.signIn("officer@uni.example");
		assertThat(this.mvc.get().uri("/admin/mail").session(officer)).hasStatus(404);
	}

	@Test
	void theMailPageShowsEachMessageItsStateAndItsLinksToAnyStaffMember() throws Exception {
		long sent = enqueueCommitted("sent@example.org");
		this.sender.sendDue();
		this.greenMail.stop();
		long retrying = enqueueCommitted("retrying@example.org");
		this.sender.sendDue();
		long waiting = enqueueCommitted("waiting@example.org");
		this.staff.create("officer@uni.example", "Alex Officer", StaffRole.ADMISSIONS);
		MockHttpSession officer = this.staff.signIn("officer@uni.example");

		MapPropertySource switchedOn = new MapPropertySource("mail-page-on",
				Map.of(AdminMailController.SHOW_MESSAGES, "true"));
		this.environment.getPropertySources().addFirst(switchedOn);
		Document page;
		try {
			var result = this.mvc.get().uri("/admin/mail").session(officer).exchange();
			assertThat(result).hasStatusOk();
			page = page(result);
			assertThat(page(this.mvc.get().uri("/admin").session(officer).exchange()).select("a[href=/admin/mail]"))
				.as("the dashboard links the page while it is on")
				.hasSize(1);
		}
		finally {
			this.environment.getPropertySources().remove(switchedOn.getName());
		}
		assertThat(page.select("h1").text()).isEqualTo("E-mail written by the portal");
		assertThat(page.select("table caption").text()).isEqualTo("E-mail messages, newest first");
		assertThat(page.select("thead th[scope=col]").eachText()).containsExactly("Written (UTC)", "To",
				"Subject and links", "State");
		assertThat(page.select("tbody > tr").eachAttr("id")).containsExactly("mail-" + waiting, "mail-" + retrying,
				"mail-" + sent);

		Element sentRow = page.getElementById("mail-" + sent);
		assertThat(sentRow.select("td").get(1).text()).isEqualTo("sent@example.org");
		assertThat(sentRow.text()).contains("Confirm your e-mail address for Prospectus")
			.contains("Sent at 2026-11-21 10:00:00 UTC 1 attempt");
		assertThat(sentRow.select("a[href]").eachAttr("href")).containsExactly(LINK);
		assertThat(sentRow.select("pre.mail-text").text()).contains("Hello Ada Lovelace,");

		Element retryingRow = page.getElementById("mail-" + retrying);
		assertThat(retryingRow.select("td").get(3).text())
			.startsWith("Retrying 1 attempt next try after 2026-11-21 10:01:00 UTC Last error: MailSendException")
			.doesNotContain("retrying@example.org");
		assertThat(page.getElementById("mail-" + waiting).select("td").get(3).text()).isEqualTo("Waiting");

		assertThat(this.mvc.get().uri("/admin/mail").session(officer)).as("switched off again").hasStatus(404);
		assertThat(page(this.mvc.get().uri("/admin").session(officer).exchange()).select("a[href=/admin/mail]"))
			.isEmpty();
	}

}
