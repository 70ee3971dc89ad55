package org.prospectus.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One reader's read of one application: assigned by an officer, kept as a draft while the
 * reader types, then submitted with a score for every criterion and its total; or given
 * back for a conflict of interest.
 */
@Entity
@Table(name = "application_read")
public class ApplicationRead {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID applicationId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "plan_id")
	private ReviewPlan plan;

	private long readerId;

	@Enumerated(EnumType.STRING)
	private ReadState state = ReadState.ASSIGNED;

	/** Whether this read was called for because two reads disagreed. */
	private boolean extra;

	/** The scores by criterion id, as typed so far. */
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Integer> scores = new LinkedHashMap<>();

	private @Nullable String comment;

	private @Nullable BigDecimal total;

	private @Nullable String conflictReason;

	private String assignedBy;

	private Instant assignedAt;

	private @Nullable Instant draftSavedAt;

	private @Nullable Instant submittedAt;

	@Version
	private long version;

	protected ApplicationRead() {
	}

	ApplicationRead(UUID applicationId, ReviewPlan plan, long readerId, boolean extra, String assignedBy,
			Instant assignedAt) {
		this.applicationId = applicationId;
		this.plan = plan;
		this.readerId = readerId;
		this.extra = extra;
		this.assignedBy = assignedBy;
		this.assignedAt = assignedAt;
	}

	void draft(Map<String, Integer> scores, @Nullable String comment, Instant at) {
		this.scores = new LinkedHashMap<>(scores);
		this.comment = comment;
		this.draftSavedAt = at;
	}

	void submit(Map<String, Integer> scores, @Nullable String comment, BigDecimal total, Instant at) {
		draft(scores, comment, at);
		this.total = total;
		this.state = ReadState.SUBMITTED;
		this.submittedAt = at;
	}

	void conflict(String reason) {
		this.state = ReadState.CONFLICT;
		this.conflictReason = reason;
	}

	public Long getId() {
		return this.id;
	}

	public UUID getApplicationId() {
		return this.applicationId;
	}

	public ReviewPlan getPlan() {
		return this.plan;
	}

	public long getReaderId() {
		return this.readerId;
	}

	public ReadState getState() {
		return this.state;
	}

	public boolean isExtra() {
		return this.extra;
	}

	/** The score given to a criterion, or {@code null} when none is yet. */
	public @Nullable Integer score(ReviewCriterion criterion) {
		return this.scores.get(String.valueOf(criterion.getId()));
	}

	Map<String, Integer> getScores() {
		return this.scores;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public @Nullable BigDecimal getTotal() {
		return this.total;
	}

	public @Nullable String getConflictReason() {
		return this.conflictReason;
	}

	public String getAssignedBy() {
		return this.assignedBy;
	}

	public Instant getAssignedAt() {
		return this.assignedAt;
	}

	public @Nullable Instant getDraftSavedAt() {
		return this.draftSavedAt;
	}

	public @Nullable Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public long getVersion() {
		return this.version;
	}

}
