package org.prospectus.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.prospectus.account.StaffAccounts;
import org.prospectus.account.StaffMemberships;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffUser;
import org.prospectus.web.PublicUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo staff with new random passwords at every start, printed once: a portal
 * administrator, editor and admissions officer, an editor and an officer of each
 * institution, three readers at KTH, who reach only its catalogue and the applications
 * that reach it (ADR 0018). There is no fixed demo password anywhere, and none of this
 * code is in the production jar. {@link DemoDataRunner} calls it once the institutions
 * exist: as a runner of its own it ran before them on a fresh database, and printed only
 * the three logins that work everywhere.
 */
@Component
class DemoStaff {

	private static final Log logger = LogFactory.getLog(DemoStaff.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffAccounts accounts;

	private final PublicUrls urls;

	private final StaffMemberships memberships;

	private final JdbcClient jdbc;

	DemoStaff(StaffAccounts accounts, PublicUrls urls, StaffMemberships memberships, JdbcClient jdbc) {
		this.accounts = accounts;
		this.urls = urls;
		this.memberships = memberships;
		this.jdbc = jdbc;
	}

	/** Makes or updates every demo login, with a new password each, and prints them. */
	void load() {
		List<String> lines = new ArrayList<>();
		lines.add(create("admin@demo.prospectus.example", "Ada Admin", StaffRole.ADMIN));
		lines.add(create("editor@demo.prospectus.example", "Eddie Editor", StaffRole.EDITOR));
		lines.add(create("admissions@demo.prospectus.example", "Alex Admissions", StaffRole.ADMISSIONS));
		this.jdbc.sql("select id, slug, name from institution order by slug").query((rs) -> {
			for (StaffRole role : List.of(StaffRole.ADMIN, StaffRole.EDITOR, StaffRole.ADMISSIONS)) {
				String name = role.name().toLowerCase(Locale.ROOT);
				String title = switch (role) {
					case ADMIN -> "Administrator, ";
					case EDITOR -> "Editor, ";
					case ADMISSIONS -> "Admissions, ";
					case READER -> "Reader, ";
				};
				StaffUser member = this.accounts.findOrCreate(
						name + "." + rs.getString("slug") + "@demo.prospectus.example", title + rs.getString("name"),
						Set.of());
				this.memberships.grant(member.getId(), rs.getLong("id"), role);
				lines.add(login(name + " at " + rs.getString("slug"), member));
			}
			if (rs.getString("slug").equals("kth")) {
				// Three readers: two read each application of the demo's plan, the third
				// takes the read called for when they disagree (issue 30).
				for (int n = 1; n <= DemoReading.READERS.length; n++) {
					StaffUser reader = this.accounts.findOrCreate(DemoReading.reader(n), DemoReading.READERS[n - 1],
							Set.of());
					this.memberships.grant(reader.getId(), rs.getLong("id"), StaffRole.READER);
					lines.add(login("reader " + n + " at kth", reader));
				}
			}
		});
		List<String> banner = new ArrayList<>(
				List.of("", "==================================================================================",
						" Demo staff logins, with new passwords at every start. Sign in at " + this.urls.of("/login")));
		banner.addAll(lines);
		banner.add("==================================================================================");
		logger.info(String.join(System.lineSeparator(), banner));
	}

	private String create(String email, String name, StaffRole role) {
		return login(role.name().toLowerCase(), this.accounts.findOrCreate(email, name, EnumSet.of(role)));
	}

	private String login(String what, StaffUser user) {
		String password = randomPassword();
		this.accounts.replacePassword(user, password);
		return String.format("   %-26s %-50s %s", what, user.getEmail(), password);
	}

	/** 120 random bits in 20 URL-safe characters: far beyond any guessing. */
	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
