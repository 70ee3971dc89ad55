package org.prospectus.account;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How staff are authenticated: Argon2id hashes behind a delegating encoder (so the
 * algorithm can change without a reset), upgraded at sign-in, computed in a bounded pool,
 * and a throttle in front of the password check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashingProperties.class)
class AccountSecurityConfiguration {

	/**
	 * Every hash and check, staff's and applicants', in one bounded pool (ADR 0028). The
	 * delegating encoder reads older hashes (bcrypt, and Argon2id with Spring Security's
	 * 5.8 defaults), and says they need upgrading at the next sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordHashingProperties properties, ObjectProvider<MeterRegistry> meters) {
		String current = "argon2";
		PasswordEncoder encoders = new DelegatingPasswordEncoder(current, Map.of(current,
				new Argon2idPasswordEncoder(properties.nativeLibrary()), "bcrypt", new BCryptPasswordEncoder()));
		return new PooledPasswordEncoder(encoders, properties.poolSize(), properties.queueCapacity(),
				properties.maxWait(), meters.getIfAvailable());
	}

	/**
	 * Who is signed in where, read from the shared session store (ADR 0020), so that
	 * disabling someone or changing their roles ends their sessions on every instance.
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return registry(sessions);
	}

	private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	AuthenticationFailureHandler loginFailureHandler() {
		return new KeepTypedEmailFailureHandler();
	}

	@Bean
	AuthenticationManager authenticationManager(StaffUserRepository users, StaffMemberships memberships,
			StaffAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			AuthenticationEventPublisher events) {
		StaffUserDetailsService details = new StaffUserDetailsService(users, memberships, accounts);
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(details);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(details);
		ProviderManager manager = new ProviderManager(
				new ThrottlingAuthenticationProvider(passwords, throttle, SignInThrottle.Audience.STAFF));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

}
