package org.prospectus.support;

import jakarta.persistence.EntityManager;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffMemberships;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Beans every integration test shares: a settable clock, a statement counter and the test
 * data builders. Declared here, not as components, because the developer run
 * ({@code spring-boot:test-run}) scans the test classes too and must not pick them up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	/** The session cookie, and for MockMvc the {@code MockHttpSession} as its carrier. */
	@Bean
	HttpSessionIdResolver mockSessionIdResolver() {
		// Boot makes its cookie serializer only when no resolver is defined: this one
		// writes the cookie as application.properties asks for it.
		var cookies = new DefaultCookieSerializer();
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		return new MockSessionIdResolver(cookies);
	}

	/**
	 * MockMvc makes its own dispatcher, which does not read
	 * {@code spring.mvc.publish-request-handled-events}; the real one does not publish
	 * them (issue 26), so neither does this one.
	 */
	@Bean
	MockMvcBuilderCustomizer noRequestHandledEvents() {
		return (builder) -> builder.addDispatcherServletCustomizer((dispatcher) -> dispatcher.setPublishEvents(false));
	}

	@Bean
	FakePaymentProvider fakePaymentProvider() {
		return new FakePaymentProvider();
	}

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	CatalogueFixtures catalogueFixtures(EntityManager entityManager, TransactionTemplate transactions) {
		return new CatalogueFixtures(entityManager, transactions);
	}

	@Bean
	StaffSessions staffSessions(StaffAccounts accounts, MockMvcTester mvc, StaffMemberships memberships) {
		return new StaffSessions(accounts, mvc, memberships);
	}

}
