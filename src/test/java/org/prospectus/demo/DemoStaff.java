package org.prospectus.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffUser;
import org.prospectus.web.PublicUrls;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff, one per role, with new random passwords at every start, printed once. There
 * is no fixed demo password anywhere, and none of this code is in the production jar.
 */
@Component
@Profile("demo")
@Order(2)
class DemoStaff implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoStaff.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffAccounts accounts;

	private final PublicUrls urls;

	DemoStaff(StaffAccounts accounts, PublicUrls urls) {
		this.accounts = accounts;
		this.urls = urls;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> lines = new ArrayList<>();
		lines.add(create("admin@demo.prospectus.example", "Ada Admin", StaffRole.ADMIN));
		lines.add(create("editor@demo.prospectus.example", "Eddie Editor", StaffRole.EDITOR));
		lines.add(create("admissions@demo.prospectus.example", "Alex Admissions", StaffRole.ADMISSIONS));
		String banner = String
			.join(System.lineSeparator(),
					List.of("", "==================================================================================",
							" Demo staff logins, with new passwords at every start. Sign in at "
									+ this.urls.of("/login"),
							lines.get(0), lines.get(1), lines.get(2),
							"=================================================================================="));
		logger.info(banner);
	}

	private String create(String email, String name, StaffRole role) {
		StaffUser user = this.accounts.findOrCreate(email, name, EnumSet.of(role));
		String password = randomPassword();
		this.accounts.replacePassword(user, password);
		return String.format("   %-14s %-38s %s", role.name().toLowerCase(), email, password);
	}

	/** 120 random bits in 20 URL-safe characters: far beyond any guessing. */
	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
