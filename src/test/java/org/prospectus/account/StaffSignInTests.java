package org.prospectus.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StaffSignInTests {

	static final String EMAIL = "editor@uni.example";

	static final String PASSWORD = "lantern marmalade orbit cello";

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	BootstrapAdministrator bootstrap;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	AuthenticationEventPublisher events;

	@Autowired
	MessageSource messages;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void editor() {
		DatabaseCleaner.clean(this.jdbc);
		StaffUser editor = this.accounts.findOrCreate(EMAIL, "Eddie Editor", EnumSet.of(StaffRole.EDITOR));
		this.accounts.replacePassword(editor, PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	MvcTestResult signIn(String email, String password) {
		return this.mvc.post()
			.uri("/login")
			.param("username", email)
			.param("password", password)
			.with(csrf())
			.exchange();
	}

	@Test
	void signsInWithTheRightPasswordAndLandsInTheStaffArea() {
		MvcTestResult result = signIn(EMAIL, PASSWORD);
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin");
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(this.mvc.get().uri("/admin").session(session)).hasStatusOk()
			.bodyText()
			.contains("Eddie Editor", "Catalogue editor");
	}

	@Test
	void ignoresTheCaseAndSpacesOfTheEmailAddress() {
		assertThat(signIn("  Editor@UNI.example ", PASSWORD)).hasRedirectedUrl("/admin");
	}

	@Test
	void storesOnlyAnArgon2Hash() {
		String hash = this.jdbc.sql("select password_hash from staff_user where email = ?")
			.param(EMAIL)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
	}

	@Test
	void upgradesAHashMadeWithOlderSettingsAtTheNextSignIn() {
		String[] older = { "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD),
				"{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD) };
		for (String old : older) {
			this.jdbc.sql("update staff_user set password_hash = :hash where email = :email")
				.param("hash", old)
				.param("email", EMAIL)
				.update();
			Map<String, Object> before = row();
			MvcTestResult result = signIn(EMAIL, PASSWORD);
			assertThat(result).as("signed in with " + old).hasRedirectedUrl("/admin");
			Map<String, Object> after = row();
			assertThat((String) after.get("password_hash")).as("upgraded from " + old)
				.startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
			// The session that just started (its access epoch) does not notice it.
			assertThat(after.get("access_epoch")).isEqualTo(before.get("access_epoch"));
			MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
			assertThat(this.mvc.get().uri("/admin").session(session)).hasStatusOk();
			assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/admin");
			assertThat(signIn(EMAIL, "wrong password entirely")).hasRedirectedUrl("/login?error");
		}
	}

	@Test
	void anUpgradeNeverOverwritesAPasswordChangedMeanwhile() {
		String old = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		StaffUser editor = this.accounts.findByEmail(EMAIL).orElseThrow();
		this.accounts.replacePassword(editor, "a newer password chosen meanwhile");
		String changed = (String) row().get("password_hash");
		this.accounts.upgradePasswordHash(EMAIL, old, "{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
		assertThat(row().get("password_hash")).isEqualTo(changed);
	}

	@Test
	void anUpgradeLeavesTheRowsVersionSoThatAConcurrentEditStillSaves() {
		Map<String, Object> before = row();
		String upgraded = "{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
		this.accounts.upgradePasswordHash(EMAIL, (String) before.get("password_hash"), upgraded);
		Map<String, Object> after = row();
		assertThat(after.get("password_hash")).isEqualTo(upgraded);
		assertThat(after.get("version")).isEqualTo(before.get("version"));
		assertThat(after.get("access_epoch")).isEqualTo(before.get("access_epoch"));
	}

	@Test
	void aSignInWhosePasswordCouldNotBeCheckedInTimeIsAskedToTryAgainAndIsNotCounted() throws Exception {
		AuthenticationProvider busyPool = new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				throw new PasswordHashingBusyException("full");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}

		};
		ProviderManager manager = new ProviderManager(
				new ThrottlingAuthenticationProvider(busyPool, this.throttle, SignInThrottle.Audience.STAFF));
		manager.setAuthenticationEventPublisher(this.events);
		for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT + 1; i++) {
			assertThatExceptionOfType(SignInBusyException.class).isThrownBy(
					() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(EMAIL, PASSWORD)));
		}
		assertThat(this.jdbc.sql("select count(*) from sign_in_attempt").query(Long.class).single()).isZero();
		assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/admin");

		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setParameter("username", EMAIL);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new KeepTypedEmailFailureHandler().onAuthenticationFailure(request, response,
				new SignInBusyException(new PasswordHashingBusyException("full")));
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?busy");
		String page = body(this.mvc.get().uri("/login?busy").exchange());
		assertThat(Jsoup.parse(page).select("[role=alert]").text())
			.isEqualTo(this.messages.getMessage("login.busy", null, Locale.ENGLISH));
	}

	@Test
	void theHashingPoolsWaitAndQueueAreMetrics() {
		Timer waited = this.meters.get("executor.idle").tag("name", "prospectus.passwords").timer();
		long before = waited.count();
		signIn(EMAIL, PASSWORD);
		assertThat(waited.count()).isGreaterThan(before);
		assertThat(this.meters.get("executor.queued").tag("name", "prospectus.passwords").gauge().value()).isZero();
	}

	Map<String, Object> row() {
		return this.jdbc.sql("select password_hash, version, access_epoch from staff_user where email = ?")
			.param(EMAIL)
			.query()
			.singleRow();
	}

	@Test
	void usesTheWholeOfALongPasswordWithoutTruncating() {
		String longPassword = "x".repeat(20) + " lantern marmalade orbit cello " + "y".repeat(60);
		StaffUser editor = this.accounts.findByEmail(EMAIL).orElseThrow();
		this.accounts.replacePassword(editor, longPassword);
		String differsAfterByte100 = longPassword.substring(0, 100) + "z" + longPassword.substring(101);
		assertThat(signIn(EMAIL, differsAfterByte100)).hasRedirectedUrl("/login?error");
		assertThat(signIn(EMAIL, longPassword)).hasRedirectedUrl("/admin");
	}

	@Test
	void keepsTheTypedEmailButNeverThePasswordAfterAFailure() {
		MvcTestResult failed = signIn(EMAIL, "wrong password entirely");
		MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);
		String page = body(this.mvc.get().uri("/login?error").session(session).exchange());
		assertThat(Jsoup.parse(page).select("#username").val()).isEqualTo(EMAIL);
		assertThat(Jsoup.parse(page).select("#password").val()).isEmpty();
		assertThat(page).doesNotContain("wrong password entirely");
	}

	static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Nested
	class NoEnumeration {

		@Test
		void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
			MvcTestResult known = signIn(EMAIL, "not the password at all");
			MvcTestResult unknown = signIn("nobody@uni.example", "not the password at all");
			assertThat(known.getResponse().getStatus()).isEqualTo(unknown.getResponse().getStatus());
			assertThat(known.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}

		@Test
		void anAccountWithoutPasswordOrDisabledIsLikeAnUnknownOne() {
			accounts.findOrCreate("invited@uni.example", "Invited", EnumSet.of(StaffRole.EDITOR));
			assertThat(signIn("invited@uni.example", "")).hasRedirectedUrl("/login?error");
			jdbc.sql("update staff_user set enabled = false where email = ?").param(EMAIL).update();
			assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/login?error");
		}

	}

	@Nested
	class Throttling {

		@Test
		void refusesEvenTheRightPasswordAfterFiveFailuresThenAllowsItAfterTheWindow() {
			clock.setInstant(Instant.parse("2026-11-21T10:00:00Z"));
			for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
				assertThat(signIn(EMAIL, "wrong guess number " + i)).hasRedirectedUrl("/login?error");
			}
			assertThat(signIn(EMAIL, PASSWORD)).as("throttled").hasRedirectedUrl("/login?error");
			clock.advance(SignInThrottle.WINDOW.plus(Duration.ofMinutes(1)));
			assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/admin");
		}

		@Test
		void failuresTypedWithSpacesOrInAnotherCaseCountForTheAccountAndCannotStepAroundIt() {
			clock.setInstant(Instant.parse("2026-11-21T10:00:00Z"));
			String[] spellings = { "\u2003" + EMAIL, EMAIL + "\u3000", "\u00a0" + EMAIL.toUpperCase(), "\ufeff" + EMAIL,
					" " + EMAIL + "\u200b" };
			for (String spelling : spellings) {
				signIn(spelling, "wrong guess");
			}
			for (String spelling : spellings) {
				assertThat(signIn(spelling, PASSWORD)).as("throttled as [%s]", spelling)
					.hasRedirectedUrl("/login?error");
			}
			assertThat(signIn(EMAIL, PASSWORD)).as("throttled").hasRedirectedUrl("/login?error");
		}

		@Test
		void countsOnlyFailuresSinceTheLastSuccess() {
			clock.setInstant(Instant.parse("2026-11-21T10:00:00Z"));
			for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT - 1; i++) {
				signIn(EMAIL, "wrong guess number " + i);
			}
			clock.advance(Duration.ofSeconds(1));
			assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/admin");
			clock.advance(Duration.ofSeconds(1));
			signIn(EMAIL, "one more wrong guess");
			clock.advance(Duration.ofSeconds(1));
			assertThat(signIn(EMAIL, PASSWORD)).hasRedirectedUrl("/admin");
		}

		@Test
		void throttlesAnAddressTryingManyAccounts() {
			clock.setInstant(Instant.parse("2026-11-21T10:00:00Z"));
			for (int i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
				signIn("someone" + i + "@uni.example", "guess");
			}
			assertThat(signIn(EMAIL, PASSWORD)).as("address throttled").hasRedirectedUrl("/login?error");
		}

		@Test
		void keepsCountInTheDatabaseSoEveryInstanceSeesIt() {
			signIn(EMAIL, "wrong");
			assertThat(jdbc.sql("select count(*) from sign_in_attempt where account_key = ? and not succeeded")
				.param(EMAIL)
				.query(Integer.class)
				.single()).isOne();
		}

	}

	@Nested
	class Audit {

		@Test
		void logsEverySignInWithoutThePassword(CapturedOutput output) {
			signIn(EMAIL, "sentinel-Password-8841 wrong");
			signIn("stranger@uni.example", "sentinel-Password-8842 wrong");
			signIn(EMAIL, PASSWORD);
			assertThat(output).contains("Sign-in failed at ", "for " + EMAIL + " from 127.0.0.1",
					"for an unknown account from 127.0.0.1", "Sign-in succeeded at ");
			assertThat(output).doesNotContain("sentinel-Password", PASSWORD, "stranger@uni.example");
		}

	}

	@Nested
	class Sessions {

		@Test
		void theStaffAreaSendsAnonymousVisitorsToSignIn() {
			assertThat(mvc.get().uri("/admin")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		}

		@Test
		void signingOutEndsTheSession() {
			MockHttpSession session = (MockHttpSession) signIn(EMAIL, PASSWORD).getRequest().getSession(false);
			assertThat(mvc.post().uri("/logout").session(session).with(csrf())).hasRedirectedUrl("/login?signedOut");
			assertThat(session.isInvalid()).isTrue();
		}

		@Test
		void signingOutNeedsTheCsrfToken() {
			MockHttpSession session = (MockHttpSession) signIn(EMAIL, PASSWORD).getRequest().getSession(false);
			assertThat(mvc.post().uri("/logout").session(session)).hasStatus(403);
		}

	}

	@Nested
	class FirstAdministrator {

		String token(String link) {
			return link.substring(link.indexOf("token=") + "token=".length());
		}

		@Test
		void setsAPasswordOnceWithTheLoggedLinkAndSignsIn() {
			String link = bootstrap.issueLink();
			// Printed at start, with no request to go by: the port the server listens on.
			assertThat(link).startsWith("http://localhost:" + port + "/staff/set-password?token=");
			String token = token(link);
			assertThat(token).hasSizeGreaterThanOrEqualTo(43);
			assertThat(jdbc.sql("select count(*) from account_token where token_hash = ?")
				.param(token)
				.query(Integer.class)
				.single()).as("only the hash is stored").isZero();
			assertThat(mvc.get().uri("/staff/set-password").param("token", token)).hasStatusOk()
				.bodyText()
				.contains("Choose a password for Administrator");
			assertThat(mvc.post()
				.uri("/staff/set-password")
				.param("token", token)
				.param("password", "ribbon tundra falcon 1987")
				.param("confirmation", "ribbon tundra falcon 1987")
				.with(csrf())).hasRedirectedUrl("/login?passwordSet");
			assertThat(accounts.hasActiveAdministrator()).isTrue();
			assertThat(mvc.get().uri("/staff/set-password").param("token", token)).bodyText()
				.contains("This link has expired or has been used already.");
			assertThat(mvc.post()
				.uri("/staff/set-password")
				.param("token", token)
				.param("password", "another good passphrase here")
				.param("confirmation", "another good passphrase here")
				.with(csrf())).hasStatusOk().bodyText().contains("This link has expired or has been used already.");
		}

		@Test
		void theLinkExpiresAfterAnHour() {
			clock.setInstant(Instant.parse("2026-11-21T10:00:00Z"));
			String token = token(bootstrap.issueLink());
			clock.advance(StaffAccounts.LINK_LIFETIME);
			assertThat(accounts.setPassword(token, "ribbon tundra falcon 1987"))
				.isEqualTo(SetPasswordOutcome.LINK_NOT_USABLE);
		}

		@Test
		void aNewLinkReplacesTheOldOne() {
			String first = token(bootstrap.issueLink());
			String second = token(bootstrap.issueLink());
			assertThat(accounts.setPassword(first, "ribbon tundra falcon 1987"))
				.isEqualTo(SetPasswordOutcome.LINK_NOT_USABLE);
			assertThat(accounts.setPassword(second, "ribbon tundra falcon 1987")).isEqualTo(SetPasswordOutcome.SET);
		}

		@Test
		void aWeakPasswordIsRefusedBesideTheFieldAndTheLinkStillWorks() {
			String token = token(bootstrap.issueLink());
			MvcTestResult result = mvc.post()
				.uri("/staff/set-password")
				.param("token", token)
				.param("password", "password1234")
				.param("confirmation", "password1234")
				.with(csrf())
				.exchange();
			assertThat(result).hasStatusOk();
			String page = body(result);
			assertThat(Jsoup.parse(page).select("#password-error").text())
				.isEqualTo("This password is too common or too easy to guess. Try a few unrelated words.");
			assertThat(page).doesNotContain("value=\"password1234\"");
			assertThat(accounts.findByUsableToken(token)).isPresent();
		}

		@Test
		void aMismatchedConfirmationIsRefused() {
			String token = token(bootstrap.issueLink());
			assertThat(mvc.post()
				.uri("/staff/set-password")
				.param("token", token)
				.param("password", "ribbon tundra falcon 1987")
				.param("confirmation", "ribbon tundra falcon 1988")
				.with(csrf())).hasStatusOk().bodyText().contains("The two passwords are not the same.");
		}

	}

}
