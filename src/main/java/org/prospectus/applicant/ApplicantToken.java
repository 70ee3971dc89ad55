package org.prospectus.applicant;

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
 * A single-use link's token for an applicant, stored only as its SHA-256 so that a copy
 * of the database cannot be used to take over an account.
 */
@Entity
class ApplicantToken {

	enum Purpose {

		VERIFY_EMAIL, PASSWORD_RESET

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "applicant_id")
	private Applicant applicant;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private String tokenHash;

	private Instant expiresAt;

	private Instant usedAt;

	protected ApplicantToken() {
	}

	ApplicantToken(Applicant applicant, Purpose purpose, String tokenHash, Instant expiresAt) {
		this.applicant = applicant;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.expiresAt = expiresAt;
	}

	Applicant getApplicant() {
		return this.applicant;
	}

	Purpose getPurpose() {
		return this.purpose;
	}

	boolean isUsableAt(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	void useAt(Instant now) {
		this.usedAt = now;
	}

}
