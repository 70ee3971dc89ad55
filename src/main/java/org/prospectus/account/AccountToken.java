package org.prospectus.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A single-use link's token, stored only as its SHA-256 so that a copy of the database
 * cannot be used to take over an account.
 */
@Entity
public class AccountToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "staff_user_id")
	private StaffUser staffUser;

	@Enumerated(EnumType.STRING)
	private TokenPurpose purpose;

	private String tokenHash;

	private Instant expiresAt;

	private Instant usedAt;

	protected AccountToken() {
	}

	AccountToken(StaffUser staffUser, TokenPurpose purpose, String tokenHash, Instant expiresAt) {
		this.staffUser = staffUser;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.expiresAt = expiresAt;
	}

	StaffUser getStaffUser() {
		return this.staffUser;
	}

	TokenPurpose getPurpose() {
		return this.purpose;
	}

	boolean isUsableAt(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	void useAt(Instant now) {
		this.usedAt = now;
	}

}
