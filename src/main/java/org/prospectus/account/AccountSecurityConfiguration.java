package org.prospectus.account;

import java.util.Map;

import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
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
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.session.HttpSessionEventPublisher;
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

	/** Who is signed in where, so that disabling someone ends their sessions. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the registry when sessions end, so it does not grow without bound. */
	@Bean
	ServletListenerRegistrationBean<HttpSessionEventPublisher> httpSessionEventPublisher() {
		return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
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
