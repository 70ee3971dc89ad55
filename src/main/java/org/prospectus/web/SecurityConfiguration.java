package org.prospectus.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny by default: the public pages are an explicit list of GET routes, everything else
 * is refused until staff sign-in exists. Anonymous pages carry no forms that need a
 * session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere; data: images only for Bootstrap's CSS icons.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/programmes", "/programmes/*",
					"/programmes/*/course-description.pdf", "/courses/*", "/courses/*/syllabus.pdf", "/deadlines")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/static/**", "/webjars/**", "/favicon.ico", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.denyAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
