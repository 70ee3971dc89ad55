package org.prospectus.applications;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.prospectus.applicant.Applicant;
import org.prospectus.intake.ApplicationRound;

/**
 * An applicant's application to one round. Its id is random, so that no address can be
 * guessed; its reference is what people read out. The answers are a draft until
 * submitted, when they are frozen into the snapshot. Both are JSON columns that
 * {@link ApplicationService} reads and writes itself, so the entity never loads them.
 */
@Entity
public class Application {

	@Id
	private UUID id;

	private String reference;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "applicant_id")
	private Applicant applicant;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "round_id")
	private ApplicationRound round;

	@Enumerated(EnumType.STRING)
	private ApplicationStatus status = ApplicationStatus.DRAFT;

	private String fullName;

	private String citizenshipCountry;

	@Enumerated(EnumType.STRING)
	private FeeStatus feeStatus;

	private String submitKey;

	private Instant submittedAt;

	private Instant withdrawnAt;

	@Version
	private long version;

	@CreationTimestamp
	@Column(updatable = false)
	private Instant createdAt;

	@UpdateTimestamp
	private Instant updatedAt;

	protected Application() {
	}

	Application(UUID id, String reference, Applicant applicant, ApplicationRound round) {
		this.id = id;
		this.reference = reference;
		this.applicant = applicant;
		this.round = round;
	}

	public UUID getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public Applicant getApplicant() {
		return this.applicant;
	}

	public ApplicationRound getRound() {
		return this.round;
	}

	public ApplicationStatus getStatus() {
		return this.status;
	}

	public boolean isDraft() {
		return this.status == ApplicationStatus.DRAFT;
	}

	public FeeStatus getFeeStatus() {
		return this.feeStatus;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	String getSubmitKey() {
		return this.submitKey;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * Freezes the answers as submitted, with the facts the admissions queue filters on.
	 */
	void submit(String fullName, String citizenship, FeeStatus feeStatus, String submitKey, Instant at) {
		this.fullName = fullName;
		this.citizenshipCountry = citizenship;
		this.feeStatus = feeStatus;
		this.submitKey = submitKey;
		this.submittedAt = at;
		this.status = ApplicationStatus.SUBMITTED;
	}

	void withdraw(Instant at) {
		this.withdrawnAt = at;
		this.status = ApplicationStatus.WITHDRAWN;
	}

}
