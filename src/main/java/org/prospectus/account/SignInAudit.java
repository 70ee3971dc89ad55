package org.prospectus.account;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logs every sign-in, successful or not (UTC time, account, address; never the password),
 * and counts it for throttling. An attempt for an unknown account is logged without the
 * name typed, which may be a mistyped password.
 */
@Component
class SignInAudit {

	private static final Log logger = LogFactory.getLog(SignInAudit.class);

	private final SignInThrottle throttle;

	private final StaffAccounts accounts;

	private final AuditLog auditLog;

	private final Clock clock;

	SignInAudit(SignInThrottle throttle, StaffAccounts accounts, AuditLog auditLog, Clock clock) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String account = SignInThrottle.accountKey(event.getAuthentication().getName());
		String address = ThrottlingAuthenticationProvider.address(event.getAuthentication());
		this.throttle.record(SignInThrottle.Audience.STAFF, account, address, true);
		this.accounts.recordSignIn(account);
		logger.info("Sign-in succeeded at " + this.clock.instant() + " for " + account + " from " + address);
		this.auditLog.recordAlone(account, AuditAction.SIGN_IN, "Signed in from " + address);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String account = SignInThrottle.accountKey(event.getAuthentication().getName());
		String address = ThrottlingAuthenticationProvider.address(event.getAuthentication());
		this.throttle.record(SignInThrottle.Audience.STAFF, account, address, false);
		String who = this.accounts.findByEmail(account).isPresent() ? account : "an unknown account";
		logger.warn("Sign-in failed at " + this.clock.instant() + " for " + who + " from " + address);
		this.auditLog.recordAlone(who, AuditAction.SIGN_IN_FAILED, "Sign-in failed from " + address);
	}

}
