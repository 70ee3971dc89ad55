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
import org.jspecify.annotations.Nullable;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.prospectus.applicant.Applicant;
import org.prospectus.intake.ApplicationRound;

import org.springframework.modulith.NamedInterface;

/**
 * An applicant's application to one round. Its id is random, so that no address can be
 * guessed; its reference is what people read out. The answers are a draft until
 * submitted, when they are frozen into the snapshot. Both are JSON columns that
 * {@link ApplicationService} reads and writes itself, so the entity never loads them.
 */
@Entity
@NamedInterface("api")
public class Application {

	/** The entity type of an application's audit events, which make up its history. */
	public static final String AUDIT_TYPE = "application";

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

	/** The version of the declaration's wording the applicant confirmed, and when. */
	private String declarationVersion;

	private Instant declaredAt;

	private String submitKey;

	private Instant submittedAt;

	private Instant withdrawnAt;

	private String email;

	private Long firstChoiceProgrammeId;

	// Kept by DocumentChecklist in SQL, never written from here.
	@Column(insertable = false, updatable = false)
	private boolean missingDocuments;

	private Instant documentsRequestedBy;

	private Instant statusChangedAt;

	private Long decisionProgrammeId;

	private String decisionReason;

	private Instant decidedAt;

	/** A refusal's standard reason and advice, copied from the institution's list. */
	private String refusalReason;

	private String refusalAdvice;

	private Instant decisionNotifiedAt;

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

	/** The round's id, without loading the round. */
	public long getRoundId() {
		return this.round.getId();
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

	public String getFullName() {
		return this.fullName;
	}

	public String getCitizenshipCountry() {
		return this.citizenshipCountry;
	}

	/** The e-mail address the applicant submitted with. */
	public String getEmail() {
		return this.email;
	}

	public Long getFirstChoiceProgrammeId() {
		return this.firstChoiceProgrammeId;
	}

	/** A required document is missing or was rejected. */
	public boolean isMissingDocuments() {
		return this.missingDocuments;
	}

	/** The date staff asked for more documents by, if they did. */
	public Instant getDocumentsRequestedBy() {
		return this.documentsRequestedBy;
	}

	public Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	/** The programme an offer or reserve place is for. */
	public Long getDecisionProgrammeId() {
		return this.decisionProgrammeId;
	}

	/**
	 * The reason given with the current status, if any: why not admitted, what documents
	 * are needed, why a decision was taken back. Stored as {@code decision_reason}.
	 */
	public String getStatusReason() {
		return this.decisionReason;
	}

	/** The standard reason of a refusal, if one was chosen. */
	public @Nullable String getRefusalReason() {
		return this.refusalReason;
	}

	/** What the applicant can do next after a refusal with a standard reason. */
	public @Nullable String getRefusalAdvice() {
		return this.refusalAdvice;
	}

	/** Records the institution's standard reason for a refusal just made. */
	public void refusedFor(String reason, String advice) {
		this.refusalReason = reason;
		this.refusalAdvice = advice.isEmpty() ? null : advice;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	/** When the decision e-mail was written; never before the notification date. */
	public Instant getDecisionNotifiedAt() {
		return this.decisionNotifiedAt;
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
	void submit(String fullName, String email, Long firstChoice, String citizenship, FeeStatus feeStatus,
			String submitKey, String declarationVersion, Instant at) {
		this.declarationVersion = declarationVersion;
		this.declaredAt = at;
		this.fullName = fullName;
		this.email = email;
		this.firstChoiceProgrammeId = firstChoice;
		this.statusChangedAt = at;
		this.citizenshipCountry = citizenship;
		this.feeStatus = feeStatus;
		this.submitKey = submitKey;
		this.submittedAt = at;
		this.status = ApplicationStatus.SUBMITTED;
	}

	public @Nullable String getDeclarationVersion() {
		return this.declarationVersion;
	}

	public @Nullable Instant getDeclaredAt() {
		return this.declaredAt;
	}

	void withdraw(Instant at) {
		this.withdrawnAt = at;
		this.statusChangedAt = at;
		this.status = ApplicationStatus.WITHDRAWN;
	}

	/**
	 * Moves the application as admissions staff decided. Only the deciding module calls
	 * this, after its one rule for status moves ({@code decisions.StatusMoves}) allowed
	 * the move; a transition the status table forbids fails here as well. A decision
	 * records its programme and reason; leaving a decision clears them.
	 * @param documentsBy for documents missing: the date they are asked for by
	 */
	public void moveTo(ApplicationStatus target, Long programmeId, String reason, Instant documentsBy, Instant at) {
		if (!this.status.canMoveTo(target)) {
			throw new IllegalStateException("No transition from " + this.status + " to " + target);
		}
		this.status = target;
		this.statusChangedAt = at;
		this.decisionReason = reason;
		this.refusalReason = null;
		this.refusalAdvice = null;
		if (target.isDecision()) {
			this.decisionProgrammeId = target.needsProgramme() ? programmeId : null;
			this.decidedAt = at;
		}
		else {
			this.decisionProgrammeId = null;
			this.decidedAt = null;
		}
		if (target == ApplicationStatus.DOCUMENTS_MISSING) {
			this.documentsRequestedBy = documentsBy;
		}
	}

	/**
	 * The institution withdrew the offer because a condition was not met: the decision
	 * becomes not admitted, with the reason. If the applicant was told of the offer, they
	 * are told of this at once, not again by the decision e-mail.
	 */
	public void offerWithdrawn(String reason, Instant at) {
		this.status = ApplicationStatus.NOT_ADMITTED;
		this.statusChangedAt = at;
		this.decisionReason = reason;
		this.decisionProgrammeId = null;
		this.decidedAt = at;
	}

	/**
	 * The status as the applicant may see it at an instant: a decision only from the
	 * round's notification date, under review before; the eligibility check is part of
	 * the review.
	 */
	public ApplicationStatus shownToApplicant(Instant now) {
		return this.status.asShownToApplicant(!now.isBefore(this.round.getNotificationAt()));
	}

	/**
	 * Whether a decision may be shown to the applicant: from the notification date on.
	 */
	public boolean isResultVisible(Instant now) {
		return this.status.isDecision() && !now.isBefore(this.round.getNotificationAt());
	}

	/** The applicant has been told of the decision: the e-mail is in the outbox. */
	public void decisionNotified(Instant at) {
		this.decisionNotifiedAt = at;
	}

}
