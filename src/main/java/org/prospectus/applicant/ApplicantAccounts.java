package org.prospectus.applicant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.PasswordPolicy;
import org.prospectus.account.Tokens;
import org.prospectus.mail.MailOutbox;
import org.prospectus.support.Emails;
import org.prospectus.web.Formats;
import org.prospectus.web.PublicUrls;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants' accounts: registration, e-mail verification by a single-use link, and
 * password reset by another. No answer ever tells whether an address has an account: the
 * person who owns the address learns it from the e-mail, nobody else does. Every e-mail
 * is written to the outbox in the transaction that causes it.
 */
@Service
@NamedInterface("api")
public class ApplicantAccounts {

	/** How long a verification link works. */
	static final Duration VERIFICATION_TTL = Duration.ofHours(24);

	/** How long a password reset link works. */
	static final Duration RESET_TTL = Duration.ofHours(1);

	private final ApplicantRepository applicants;

	private final MailRequestLimit mailLimit;

	private final ApplicantTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final MailOutbox outbox;

	private final Clock clock;

	private final PublicUrls urls;

	ApplicantAccounts(ApplicantRepository applicants, ApplicantTokenRepository tokens, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, MailOutbox outbox, MailRequestLimit mailLimit, Clock clock,
			PublicUrls urls) {
		this.applicants = applicants;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.outbox = outbox;
		this.mailLimit = mailLimit;
		this.clock = clock;
		this.urls = urls;
	}

	/**
	 * Whether {@code password} is the account's own: asked again before the account is
	 * closed, so that a borrowed session cannot close it.
	 */
	@Transactional(readOnly = true)
	public boolean isPassword(long applicantId, @Nullable String password) {
		return password != null && !password.isEmpty()
				&& this.applicants.findById(applicantId)
					.filter((applicant) -> this.passwordEncoder.matches(password, applicant.getPasswordHash()))
					.isPresent();
	}

	/** Why a password cannot be used, if it cannot. */
	public Optional<String> checkPassword(String password, String email) {
		return this.passwordPolicy.check(password, email);
	}

	/**
	 * Registers an account and e-mails a verification link. When the address already has
	 * an account, nothing is created and its owner is told by e-mail instead, so the
	 * answer is the same either way.
	 */
	@Transactional
	public void register(String email, String fullName, String password, @Nullable String client, Locale language) {
		String address = Emails.canonical(email);
		// Hashed whether or not the address is taken, so that the answer takes as long
		// either way and its timing does not tell who has an account.
		String passwordHash = this.passwordEncoder.encode(password);
		Optional<Applicant> existing = this.applicants.findByEmail(address);
		boolean mayMail = this.mailLimit.allow(address, client);
		if (existing.isPresent()) {
			if (!mayMail) {
				return;
			}
			Locale theirs = existing.get().getLanguage();
			this.outbox.enqueue(address, "account-exists",
					Map.of("name", existing.get().getFullName(), "signInLink", this.urls.of(theirs, "/account/sign-in"),
							"resetLink", this.urls.of(theirs, "/account/forgot-password")),
					theirs);
			return;
		}
		Applicant applicant = this.applicants.save(new Applicant(address, fullName.strip(), passwordHash, language));
		if (mayMail) {
			sendVerification(applicant);
		}
	}

	/**
	 * Sends a new verification link if the address has an unverified account; says
	 * nothing either way.
	 */
	@Transactional
	public void resendVerification(String email, @Nullable String client) {
		if (!this.mailLimit.allow(Emails.canonical(email), client)) {
			return;
		}
		this.applicants.findByEmail(Emails.canonical(email))
			.filter((applicant) -> !applicant.isVerified() && applicant.isEnabled())
			.ifPresent(this::sendVerification);
	}

	/** The account a verification link is for, while it works. */
	@Transactional(readOnly = true)
	public Optional<String> verificationFor(String token) {
		return usable(token, ApplicantToken.Purpose.VERIFY_EMAIL).map((t) -> t.getApplicant().getEmail());
	}

	/**
	 * Uses a verification link.
	 * @return whether it worked: unknown, used or expired links change nothing
	 */
	@Transactional
	public boolean verify(String token) {
		Optional<ApplicantToken> found = usable(token, ApplicantToken.Purpose.VERIFY_EMAIL);
		found.ifPresent((t) -> {
			Instant now = this.clock.instant();
			t.useAt(now);
			t.getApplicant().verifiedAt(now);
		});
		return found.isPresent();
	}

	/**
	 * E-mails a password reset link when the address has a usable account; says nothing
	 * either way.
	 */
	@Transactional
	public void requestPasswordReset(String email, @Nullable String client) {
		if (!this.mailLimit.allow(Emails.canonical(email), client)) {
			return;
		}
		this.applicants.findByEmail(Emails.canonical(email)).filter(Applicant::isEnabled).ifPresent((applicant) -> {
			Instant now = this.clock.instant();
			this.tokens.retireUnused(applicant, ApplicantToken.Purpose.PASSWORD_RESET, now);
			String token = Tokens.generate();
			this.tokens.save(new ApplicantToken(applicant, ApplicantToken.Purpose.PASSWORD_RESET, Tokens.hash(token),
					now.plus(RESET_TTL)));
			Locale language = applicant.getLanguage();
			this.outbox.enqueue(applicant.getEmail(), "password-reset", Map.of("name", applicant.getFullName(), "link",
					this.urls.at(language, "/account/reset-password").queryParam("token", token).build().toUriString(),
					"expiresAt", until(now.plus(RESET_TTL), language)), language);
		});
	}

	/** The account a reset link is for, while it works. */
	@Transactional(readOnly = true)
	public Optional<String> resetFor(String token) {
		return usable(token, ApplicantToken.Purpose.PASSWORD_RESET).map((t) -> t.getApplicant().getEmail());
	}

	/**
	 * Sets a new password with a reset link, which then stops working, and ends every
	 * session started before. Resetting also proves the address is read, so it verifies
	 * it.
	 * @return whether the link worked
	 */
	@Transactional
	public boolean resetPassword(String token, String password) {
		Optional<ApplicantToken> found = usable(token, ApplicantToken.Purpose.PASSWORD_RESET);
		found.ifPresent((t) -> {
			Instant now = this.clock.instant();
			t.useAt(now);
			t.getApplicant().changePassword(this.passwordEncoder.encode(password));
			t.getApplicant().verifiedAt(now);
		});
		return found.isPresent();
	}

	/** An applicant by id, closed or not. */
	@Transactional(readOnly = true)
	public Optional<Applicant> find(long applicantId) {
		return this.applicants.findById(applicantId);
	}

	@Transactional(readOnly = true)
	public Optional<Applicant> findByEmail(String email) {
		return this.applicants.findByEmail(Emails.canonical(email));
	}

	/**
	 * Stores a stronger hash of the same password, made at sign-in (ADR 0028), only while
	 * the row still holds the hash it replaces: a password reset meanwhile stays. The
	 * row's version and access epoch stay too, so no session ends.
	 */
	@Transactional
	void upgradePasswordHash(long applicantId, String oldHash, String newHash) {
		this.applicants.replacePasswordHash(applicantId, oldHash, newHash);
	}

	@Transactional
	void recordSignIn(String email) {
		this.applicants.findByEmail(Emails.canonical(email)).ifPresent((a) -> a.signedInAt(this.clock.instant()));
	}

	private void sendVerification(Applicant applicant) {
		Instant now = this.clock.instant();
		this.tokens.retireUnused(applicant, ApplicantToken.Purpose.VERIFY_EMAIL, now);
		String token = Tokens.generate();
		this.tokens.save(new ApplicantToken(applicant, ApplicantToken.Purpose.VERIFY_EMAIL, Tokens.hash(token),
				now.plus(VERIFICATION_TTL)));
		Locale language = applicant.getLanguage();
		this.outbox.enqueue(applicant.getEmail(), "account-verification",
				Map.of("name", applicant.getFullName(), "link",
						this.urls.at(language, "/account/verify").queryParam("token", token).build().toUriString(),
						"expiresAt", until(now.plus(VERIFICATION_TTL), language)),
				language);
	}

	/** When a link stops working, as the e-mail says it: in UTC, named. */
	private static String until(Instant instant, Locale language) {
		return Formats.at(instant, ZoneOffset.UTC, language);
	}

	private Optional<ApplicantToken> usable(String token, ApplicantToken.Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(Tokens.hash(token.strip()))
			.filter((t) -> t.getPurpose() == purpose)
			.filter((t) -> t.isUsableAt(this.clock.instant()))
			.filter((t) -> t.getApplicant().isEnabled());
	}

}
