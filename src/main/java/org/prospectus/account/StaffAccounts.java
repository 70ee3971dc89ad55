package org.prospectus.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.prospectus.support.Emails;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating them without a password, issuing single-use links with which
 * people set their own password, and setting it.
 */
@Service
@Transactional
@NamedInterface("api")
public class StaffAccounts {

	/**
	 * How long a link works that resets a password, or sets the first administrator's.
	 */
	public static final Duration LINK_LIFETIME = Duration.ofHours(1);

	/** How long an invitation's link to set a password works. */
	public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

	private final StaffUserRepository users;

	private final AccountTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	StaffAccounts(StaffUserRepository users, AccountTokenRepository tokens, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	/** The account with this e-mail, created without a password if there is none. */
	public StaffUser findOrCreate(String email, String displayName, Set<StaffRole> roles) {
		return this.users.findByEmailWithRoles(Emails.canonical(email))
			.orElseGet(() -> this.users.save(new StaffUser(email, displayName, roles)));
	}

	/** Adds a role to a person's roles. */
	public void grant(StaffUser user, StaffRole role) {
		StaffUser managed = this.users.findById(user.getId()).orElseThrow();
		Set<StaffRole> roles = EnumSet.of(role);
		roles.addAll(managed.getRoles());
		managed.setRoles(roles);
	}

	@Transactional(readOnly = true)
	public boolean hasActiveAdministrator() {
		return this.users.existsActiveAdministrator();
	}

	@Transactional(readOnly = true)
	public Optional<StaffUser> findByEmail(String email) {
		return this.users.findByEmailWithRoles(Emails.canonical(email));
	}

	/**
	 * Issues a single-use link token for a person; any earlier open token of theirs for
	 * the same purpose stops working.
	 * @return the token, to put in the link; only its hash is stored
	 */
	public String issueToken(StaffUser user, TokenPurpose purpose) {
		return issue(user, purpose).token();
	}

	/** As {@link #issueToken}, with the instant the link stops working. */
	IssuedToken issue(StaffUser user, TokenPurpose purpose) {
		Instant now = this.clock.instant();
		StaffUser managed = this.users.getReferenceById(user.getId());
		this.tokens.spendOpenTokens(managed, purpose, now);
		String token = Tokens.generate();
		Instant expiresAt = now.plus(purpose.lifetime());
		this.tokens.save(new AccountToken(managed, purpose, Tokens.hash(token), expiresAt));
		return new IssuedToken(token, expiresAt);
	}

	/** A link's token and the instant it stops working. */
	record IssuedToken(String token, Instant expiresAt) {

	}

	/** The person a usable link belongs to, to greet them on the set-password page. */
	@Transactional(readOnly = true)
	public Optional<StaffUser> findByUsableToken(String token) {
		Instant now = this.clock.instant();
		return findToken(token).filter((t) -> t.isUsableAt(now)).map(AccountToken::getStaffUser);
	}

	/**
	 * Sets a password with a single-use link: the link must be unused and unexpired, and
	 * the password must meet the policy. The link is spent only when the password is set.
	 */
	public SetPasswordOutcome setPassword(String token, String password) {
		Instant now = this.clock.instant();
		Optional<AccountToken> found = findToken(token).filter((t) -> t.isUsableAt(now));
		if (found.isEmpty()) {
			return SetPasswordOutcome.LINK_NOT_USABLE;
		}
		StaffUser user = found.get().getStaffUser();
		if (this.passwordPolicy.check(password, user.getEmail()).isPresent()) {
			return SetPasswordOutcome.PASSWORD_REJECTED;
		}
		found.get().useAt(now);
		user.setPasswordHash(this.passwordEncoder.encode(password));
		return SetPasswordOutcome.SET;
	}

	/**
	 * Replaces a person's password without a link, for the demo's printed logins and for
	 * tests. The password must meet the policy.
	 * @throws IllegalArgumentException when it does not
	 */
	public void replacePassword(StaffUser user, String password) {
		this.passwordPolicy.check(password, user.getEmail()).ifPresent((rule) -> {
			throw new IllegalArgumentException("Password breaks " + rule);
		});
		StaffUser managed = this.users.findById(user.getId()).orElseThrow();
		managed.setPasswordHash(this.passwordEncoder.encode(password));
	}

	/**
	 * Stores a stronger hash of the same password, made at sign-in (ADR 0028), only while
	 * the row still holds the hash it replaces: a password changed meanwhile stays. The
	 * row's version and access epoch stay too, so an edit of the account open meanwhile
	 * still saves and no session ends.
	 */
	void upgradePasswordHash(String email, String oldHash, String newHash) {
		this.users.replacePasswordHash(Emails.canonical(email), oldHash, newHash);
	}

	private Optional<AccountToken> findToken(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(Tokens.hash(token));
	}

	void recordSignIn(String email) {
		this.users.findByEmailWithRoles(email).ifPresent((user) -> user.signedInAt(this.clock.instant()));
	}

}
