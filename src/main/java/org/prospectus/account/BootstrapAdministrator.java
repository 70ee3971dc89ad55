package org.prospectus.account;

import java.util.EnumSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.prospectus.web.PublicUrls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator without any default password: while no administrator
 * can sign in and {@code PROSPECTUS_BOOTSTRAP_ADMIN_EMAIL} is set, each start logs a
 * single-use link, valid for an hour, with which that person sets their own password.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class BootstrapAdministrator implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(BootstrapAdministrator.class);

	private final StaffAccounts accounts;

	private final String email;

	private final PublicUrls urls;

	BootstrapAdministrator(StaffAccounts accounts, @Value("${prospectus.bootstrap-admin-email:}") String email,
			PublicUrls urls) {
		this.accounts = accounts;
		this.email = email.strip();
		this.urls = urls;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.hasActiveAdministrator()) {
			return;
		}
		if (this.email.isEmpty()) {
			logger.warn("No administrator can sign in yet. Set PROSPECTUS_BOOTSTRAP_ADMIN_EMAIL and restart "
					+ "to get a single-use link that sets the first administrator's password.");
			return;
		}
		logger.warn("First administrator " + this.email + ": set a password within "
				+ StaffAccounts.LINK_LIFETIME.toMinutes() + " minutes at " + issueLink());
	}

	String issueLink() {
		StaffUser admin = this.accounts.findOrCreate(this.email, "Administrator", EnumSet.of(StaffRole.ADMIN));
		this.accounts.grant(admin, StaffRole.ADMIN);
		String token = this.accounts.issueToken(admin, TokenPurpose.BOOTSTRAP);
		return this.urls.at("/staff/set-password").queryParam("token", token).build().toUriString();
	}

}
