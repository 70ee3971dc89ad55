package org.prospectus.site;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.account.StaffAccessFilter;
import org.prospectus.applicant.ApplicantAuthentication;
import org.prospectus.applicant.ApplicantPrincipal;
import org.prospectus.web.SecurityHeaders;
import org.prospectus.web.UploadTooLargeFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default: the public pages are an explicit list of GET routes, the staff area
 * needs a staff role, and anything else is refused: as the site's 404 page, since an
 * address outside the staff area that is not a public page is no page at all. Anonymous
 * public pages carry no form that needs a session, so they never create one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The public addresses, open to GET and so to HEAD and OPTIONS: the catalogue;
	 * helping applicants choose (ADR 0013); the statements every page links to (ADR
	 * 0019); static files and the probes.
	 */
	static final String[] PUBLIC_PATHS = { "/", "/programmes", "/programmes/*", "/programmes/*/entry/*",
			"/programmes/*/course-description.pdf", "/courses/*", "/courses/*/syllabus.pdf", "/courses/*/syllabus/*",
			"/deadlines", "/deadlines.ics", "/programmes/*/deadlines.ics", "/sitemap.xml", "/robots.txt", "/compare",
			"/careers", "/guide", "/finder", "/privacy", "/privacy/*", "/accessibility", "/contact", "/contact/*",
			"/static/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/livez",
			"/readyz" };

	/**
	 * No observation around each of the dozen security filters, nor around the
	 * authorization, of every request: on a public page they were a measurable share of
	 * its CPU (issue 15, docs/benchmarks.md). The request is still timed whole as
	 * {@code http.server.requests}, and sign-ins stay observed.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	/**
	 * An address the request firewall refuses (a double slash, an encoded dot segment, a
	 * semicolon) gets the site's 400 page. The security filters never ran for it, so the
	 * headers they write are written here, and the error page keeps them.
	 */
	@Bean
	static RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			SecurityHeaders.writeForError(response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		};
	}

	/**
	 * Static files: read, never written, the same for everyone. Their chain keeps no
	 * security context and never asks for the session, so a signed-in person's stylesheet
	 * costs the session store nothing (issue 26, ADR 0027). They still carry the site's
	 * headers.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain staticFilesChain(HttpSecurity http) throws Exception {
		http.securityMatcher(StaticFiles.PATHS)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, StaticFiles.PATHS)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, StaticFiles.PATHS)
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, StaticFiles.PATHS)
				.permitAll()
				.anyRequest()
				.denyAll())
			// Nobody is looked up, not even as anonymous: that alone would ask the
			// session
			// store for the session's id.
			.anonymous((anonymous) -> anonymous.disable())
			.sessionManagement((sessions) -> sessions.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, denied) -> notFound(response))
				.accessDeniedHandler((request, response, denied) -> notFound(response)));
		headers(http);
		return http.build();
	}

	/**
	 * Applicants' pages: their own sign-in, kept in the session apart from staff
	 * sign-ins, so that an applicant is never staff and staff are never an applicant.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain applicantFilterChain(HttpSecurity http, ApplicantAuthentication applicants) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(ApplicantAuthentication.SECURITY_CONTEXT_KEY);
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName(ApplicantAuthentication.SAVED_REQUEST_KEY);
		requests
			.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/applications/**"));
		http.securityMatcher("/account/**", "/applications/**")
			.authorizeHttpRequests((requests2) -> requests2
				.requestMatchers("/account/register", "/account/register/**", "/account/verify", "/account/verify/**",
						"/account/sign-in", "/account/forgot-password", "/account/reset-password")
				.permitAll()
				.anyRequest()
				.hasAuthority(ApplicantPrincipal.ROLE))
			.authenticationManager(applicants.manager())
			.securityContext((context) -> context.securityContextRepository(contexts))
			.formLogin((form) -> form.loginPage(ApplicantAuthentication.SIGN_IN_PATH)
				.successHandler(applicants.successHandler(requests))
				.failureHandler(applicants.failureHandler()))
			.logout((logout) -> logout.logoutUrl("/account/sign-out")
				.logoutSuccessUrl(ApplicantAuthentication.SIGN_IN_PATH + "?signedOut")
				.addLogoutHandler((request, response, authentication) -> {
					var session = request.getSession(false);
					if (session != null) {
						session.removeAttribute(ApplicantAuthentication.SECURITY_CONTEXT_KEY);
					}
				})
				.invalidateHttpSession(false))
			.requestCache((cache) -> cache.requestCache(requests))
			.exceptionHandling(
					(exceptions) -> exceptions.accessDeniedHandler(applicants.expiredSessionRescue(requests)))
			.addFilterBefore(new UploadTooLargeFilter(), CsrfFilter.class)
			.addFilterBefore(applicants.accessFilter(), AuthorizationFilter.class);
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			AuthenticationFailureHandler loginFailureHandler, SessionRegistry sessionRegistry, JdbcClient jdbc,
			ManagementPort managementPort) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, PUBLIC_PATHS)
			.permitAll()
			// RFC 9110: HEAD wherever GET works; OPTIONS says which methods do.
			.requestMatchers(HttpMethod.HEAD, PUBLIC_PATHS)
			.permitAll()
			.requestMatchers(HttpMethod.OPTIONS, PUBLIC_PATHS)
			.permitAll()
			// Metrics: open on the management port only; elsewhere the portal's
			// administrator's.
			.requestMatchers(managementPort.requests())
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.hasRole("ADMIN")
			.requestMatchers("/login", "/staff/set-password", "/error")
			.permitAll()
			// A referee's single-use link: the token is the proof (issue 30).
			.requestMatchers("/references/*")
			.permitAll()
			// A payment provider's events, proven by their signature (ADR 0026).
			.requestMatchers(HttpMethod.POST, "/payments/webhook/*")
			.permitAll()
			// The portal's administrators, and each institution's for its own (ADR 0018).
			.requestMatchers("/admin/audit/**", "/admin/audit", "/admin/staff/**", "/admin/staff")
			.hasAnyRole("ADMIN", "INSTITUTION_ADMIN")
			.requestMatchers("/admin/catalogue/**")
			.hasAnyRole("ADMIN", "EDITOR")
			.requestMatchers("/admin/applications/**", "/admin/applications")
			.hasAnyRole("ADMIN", "ADMISSIONS")
			// A reader's queue and reads (issue 30): an administrator holds every role.
			.requestMatchers("/admin/reads/**", "/admin/reads")
			.hasAnyRole("READER", "ADMIN", "INSTITUTION_ADMIN")
			.requestMatchers("/admin")
			.hasAnyRole("ADMIN", "EDITOR", "ADMISSIONS", "READER")
			.requestMatchers("/admin/**")
			.hasAnyRole("ADMIN", "EDITOR", "ADMISSIONS")
			.anyRequest()
			.denyAll())
			.authenticationManager(authenticationManager)
			// A provider cannot hold a CSRF token; its signature stands in for one there,
			// and only there.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/payments/webhook/*")))
			.formLogin(
					(form) -> form.loginPage("/login").defaultSuccessUrl("/admin").failureHandler(loginFailureHandler))
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"))
			.sessionManagement((sessions) -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?sessionEnded"))
			.requestCache((cache) -> cache.requestCache(staffPagesOnly()))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
					.addEntryPointFor((request, response, denied) -> notFound(response), outsideSignInAreas())
					.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
					.build())
				.accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
						new LinkedHashMap<>(
								Map.of(outsideSignInAreas(), (request, response, denied) -> notFound(response))),
						new AccessDeniedHandlerImpl())))
			.addFilterBefore(new UploadTooLargeFilter(), CsrfFilter.class)
			.addFilterBefore(new StaffAccessFilter(jdbc), AuthorizationFilter.class);
		headers(http);
		return http.build();
	}

	/**
	 * What lies outside the staff area and its sign-in pages. The public routes there are
	 * open to all, so a refusal there means the address is not a page (or not for that
	 * method): it answers the site's 404 page rather than the staff sign-in.
	 */
	private static RequestMatcher outsideSignInAreas() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/admin"), paths.matcher("/admin/**"),
				paths.matcher("/login"), paths.matcher("/logout"), paths.matcher("/staff/**"), paths.matcher("/error"),
				// A referee's form: a missing CSRF token is refused as such.
				paths.matcher("/references/*")));
	}

	private static void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/** The same headers on every response of either chain. */
	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
			.addHeaderWriter(PublicPageCaching.headerWriter())
			.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
	}

	/**
	 * Remembers the staff page someone wanted before signing in, and nothing else, so
	 * that anonymous visitors of other pages never get a session.
	 */
	private static HttpSessionRequestCache staffPagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
		return cache;
	}

}
