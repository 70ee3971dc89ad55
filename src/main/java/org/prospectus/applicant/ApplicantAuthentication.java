package org.prospectus.applicant;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.prospectus.account.AccessEpochFilter;
import org.prospectus.account.KeepTypedEmailFailureHandler;
import org.prospectus.account.SignInBusyException;
import org.prospectus.account.SignInThrottle;
import org.prospectus.account.ThrottlingAuthenticationProvider;
import org.prospectus.support.Emails;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * How applicants sign in: their own accounts, password check and throttle, apart from
 * staff. Only verified, enabled accounts sign in; any other case answers exactly like a
 * wrong password. Attempts are counted per account (keyed apart from staff accounts) and
 * per address, with a higher limit per address than for staff, because many applicants
 * share a campus or a school's address the night before a deadline.
 */
@Component
@NamedInterface("api")
public class ApplicantAuthentication {

	/** The sign-in page; applicants' pages send anonymous visitors here. */
	public static final String SIGN_IN_PATH = "/account/sign-in";

	/**
	 * Where an applicant's sign-in is kept in the session: apart from staff sign-ins, so
	 * that neither can ever stand for the other.
	 */
	public static final String SECURITY_CONTEXT_KEY = "PROSPECTUS_APPLICANT_SECURITY_CONTEXT";

	/** Where the applicant page that asked for sign-in is remembered. */
	public static final String SAVED_REQUEST_KEY = "PROSPECTUS_APPLICANT_SAVED_REQUEST";

	private static final Log logger = LogFactory.getLog(ApplicantAuthentication.class);

	private final AuthenticationManager manager;

	private final SignInThrottle throttle;

	private final ApplicantAccounts accounts;

	private final JdbcClient jdbc;

	ApplicantAuthentication(ApplicantRepository applicants, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			ApplicantAccounts accounts, JdbcClient jdbc) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails(applicants));
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService((user, newHash) -> upgrade(accounts, user, newHash));
		this.manager = new ProviderManager(
				new ThrottlingAuthenticationProvider(passwords, throttle, SignInThrottle.Audience.APPLICANT));
		this.throttle = throttle;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	public AuthenticationManager manager() {
		return this.manager;
	}

	private static UserDetailsService userDetails(ApplicantRepository applicants) {
		return (username) -> applicants.findByEmail(Emails.canonical(username))
			.filter(Applicant::isEnabled)
			.filter(Applicant::isVerified)
			.map((a) -> new ApplicantPrincipal(a.getId(), a.getEmail(), a.getPasswordHash(), a.getAccessEpoch()))
			.orElseThrow(() -> new UsernameNotFoundException("No usable account"));
	}

	/**
	 * Stores the hash made with today's settings after a sign-in with an older one. The
	 * upgrade is a courtesy: if it cannot be stored, the sign-in still succeeds and the
	 * next one tries again.
	 */
	private static UserDetails upgrade(ApplicantAccounts accounts, UserDetails user, @Nullable String newHash) {
		if (newHash != null && user.getPassword() != null && user instanceof ApplicantPrincipal applicant) {
			try {
				accounts.upgradePasswordHash(applicant.applicantId(), user.getPassword(), newHash);
			}
			catch (DataAccessException ex) {
				logger.warn("Could not store the upgraded password hash of applicant " + applicant.applicantId(), ex);
			}
		}
		// The principal's copy of the hash is erased once sign-in ends, so it stays as
		// is.
		return user;
	}

	/**
	 * Counts the success for the throttle and returns to the page that asked to sign in.
	 */
	public SavedRequestAwareAuthenticationSuccessHandler successHandler(RequestCache requests) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				ApplicantAuthentication.this.throttle.record(SignInThrottle.Audience.APPLICANT,
						SignInThrottle.accountKey(authentication.getName()),
						ThrottlingAuthenticationProvider.address(authentication), true);
				ApplicantAuthentication.this.accounts.recordSignIn(authentication.getName());
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
		handler.setDefaultTargetUrl("/account");
		handler.setRequestCache(requests);
		return handler;
	}

	/** Counts the failure and shows the sign-in page again with the address as typed. */
	public AuthenticationFailureHandler failureHandler() {
		KeepTypedEmailFailureHandler page = new KeepTypedEmailFailureHandler(SIGN_IN_PATH);
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if (exception instanceof SignInBusyException) {
				// Not an attempt at the password: it was never checked.
				page.onAuthenticationFailure(request, response, exception);
				return;
			}
			this.throttle.record(SignInThrottle.Audience.APPLICANT,
					SignInThrottle.accountKey(request.getParameter("username")),
					SignInThrottle.addressKey(request.getRemoteAddr()), false);
			page.onAuthenticationFailure(request, response, exception);
		};
	}

	/** Keeps a step's typed fields when the session ended before they were saved. */
	public ExpiredSessionRescue expiredSessionRescue(HttpSessionRequestCache requests) {
		return new ExpiredSessionRescue(requests);
	}

	/**
	 * Ends an applicant's sign-in when their password changed since it started or the
	 * account was disabled, on whichever instance serves the next request. Only the
	 * applicant's slot of the session goes, so a staff sign-in in the same browser stays.
	 */
	public AccessEpochFilter<ApplicantPrincipal> accessFilter() {
		return new AccessEpochFilter<>(ApplicantPrincipal.class, SIGN_IN_PATH + "?sessionEnded") {

			@Override
			protected @Nullable Long currentEpoch(ApplicantPrincipal principal) {
				return ApplicantAuthentication.this.jdbc
					.sql("select access_epoch from applicant where id = :id and enabled")
					.param("id", principal.applicantId())
					.query(Long.class)
					.optional()
					.orElse(null);
			}

			@Override
			protected long signedInEpoch(ApplicantPrincipal principal) {
				return principal.accessEpoch();
			}

			@Override
			protected void endSignIn(HttpServletRequest request) {
				var session = request.getSession(false);
				if (session != null) {
					session.removeAttribute(SECURITY_CONTEXT_KEY);
				}
			}

		};
	}

}
