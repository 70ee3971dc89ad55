package org.prospectus.site;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The session store every request goes through: PostgreSQL's (ADR 0020), read once per
 * request and written only when something changed (ADR 0027).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Puts the sparing repository in place of the JDBC one that Spring Boot makes, so
	 * that everything that uses sessions (the session filter, the session registry) goes
	 * through it.
	 */
	@Bean
	static BeanPostProcessor sparingSessionRepository(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository store) {
					return new SparingSessionRepository<>(store, environment
						.getProperty("prospectus.sessions.touch-every", Duration.class, Duration.ofMinutes(1)));
				}
				return bean;
			}

		};
	}

	/**
	 * Two requests of one session that both add an attribute (two tabs opened at once
	 * after signing in, each making the CSRF token) would both insert it, and the second
	 * would fail with a duplicate key: PostgreSQL's upsert lets the later one win.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Flash attributes (the messages a redirect carries) live in the session, and the
	 * dispatcher looks for them on every request. A static file never shows one, so it
	 * does not ask the session store.
	 */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new SessionFlashMapManager() {

			@Override
			protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
				return StaticFiles.matches(request) ? null : super.retrieveFlashMaps(request);
			}

		};
	}

	/**
	 * Just outside the session store's filter, so that what it reads at the start of a
	 * request serves it to the end, and is forgotten then.
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionReadOnce() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> SparingSessionRepository.during(() -> chain.doFilter(request, response)));
		registration.setName("sessionReadOnce");
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
