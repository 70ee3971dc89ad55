package org.prospectus.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
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
 * algorithm can change without a reset), and a throttle in front of the password check.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		String current = "argon2";
		return new DelegatingPasswordEncoder(current, Map.of(current,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
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
			PasswordEncoder passwordEncoder, SignInThrottle throttle, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(
				new StaffUserDetailsService(users, memberships));
		passwords.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(
				new ThrottlingAuthenticationProvider(passwords, throttle, SignInThrottle.Audience.STAFF));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

}
