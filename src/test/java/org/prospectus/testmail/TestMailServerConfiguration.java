package org.prospectus.testmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server in the JVM (GreenMail) for the integration tests and for
 * {@code ./mvnw spring-boot:test-run}, so that the outbox's sender really talks SMTP.
 * <p>
 * The port is chosen once and kept, so that a test can stop the server and start it again
 * where the application expects it. {@code spring.mail.host} is set in the profile's
 * properties ({@code application-test.properties}, {@code application-dev.properties}):
 * Spring Boot decides whether to create a mail sender from it before any bean exists, so
 * it cannot come from here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServerConfiguration {

	static final String HOST = "127.0.0.1";

	private static final Log logger = LogFactory.getLog(TestMailServerConfiguration.class);

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), HOST, ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		logger.info("E-mail goes to an SMTP server in this JVM (" + HOST + ":" + greenMail.getSmtp().getPort()
				+ "), never to real inboxes; with prospectus.mail.show-messages=true staff read it at /admin/mail");
		return greenMail;
	}

	@Bean
	DynamicPropertyRegistrar mailServerProperties(GreenMail greenMail) {
		int port = greenMail.getSmtp().getPort();
		return (registry) -> registry.add("spring.mail.port", () -> port);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the test SMTP server", ex);
		}
	}

}
