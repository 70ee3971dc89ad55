package org.prospectus.applicant;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import org.hibernate.annotations.OptimisticLock;
import org.prospectus.support.BaseEntity;

import org.springframework.modulith.NamedInterface;

/**
 * A person who applies: their own account, apart from staff accounts. They can sign in
 * once they have shown they read the address they registered with.
 */
@Entity
@NamedInterface("api")
public class Applicant extends BaseEntity {

	private String email;

	private String fullName;

	private String passwordHash;

	private Instant emailVerifiedAt;

	private boolean enabled = true;

	/**
	 * The language e-mails and letters are written in: the account's bookkeeping, as the
	 * last sign-in is, so following the language switch changes no version.
	 */
	@OptimisticLock(excluded = true)
	private String language = "en";

	/** Goes up when the password changes, ending the sessions started before. */
	private long accessEpoch;

	/**
	 * The account's bookkeeping, not an edit: a sign-in does not move the version, so an
	 * administrator's open form on the account stays current.
	 */
	@OptimisticLock(excluded = true)
	private Instant lastSignInAt;

	protected Applicant() {
	}

	Applicant(String email, String fullName, String passwordHash, Locale language) {
		this.email = email;
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.language = language.toLanguageTag();
	}

	/** The language the applicant's e-mails and letters are written in. */
	public Locale getLanguage() {
		return Locale.forLanguageTag(this.language);
	}

	public String getEmail() {
		return this.email;
	}

	public String getFullName() {
		return this.fullName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.accessEpoch++;
	}

	public Instant getEmailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	public boolean isVerified() {
		return this.emailVerifiedAt != null;
	}

	void verifiedAt(Instant instant) {
		if (this.emailVerifiedAt == null) {
			this.emailVerifiedAt = instant;
		}
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	long getAccessEpoch() {
		return this.accessEpoch;
	}

	public Instant getLastSignInAt() {
		return this.lastSignInAt;
	}

	void signedInAt(Instant instant) {
		this.lastSignInAt = instant;
	}

}
