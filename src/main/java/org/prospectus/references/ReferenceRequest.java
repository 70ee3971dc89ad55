package org.prospectus.references;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A referee an applicant named for one of their applications, and the reference asked of
 * them: who they are, where the request stands and, once given, what they wrote.
 */
@Entity
@Table(name = "reference_request")
public class ReferenceRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID applicationId;

	private int position;

	private String refereeName;

	private String refereeEmail;

	@Enumerated(EnumType.STRING)
	private Relationship relationship;

	private String knownFor;

	@Enumerated(EnumType.STRING)
	private ReferenceState state = ReferenceState.NAMED;

	private @Nullable String tokenHash;

	private @Nullable Instant requestedAt;

	private int reminders;

	private @Nullable Instant lastSentAt;

	private @Nullable Instant answeredAt;

	private @Nullable String comments;

	/** The name of the PDF the referee attached, if any; its content is kept apart. */
	private @Nullable String documentName;

	private @Nullable Long documentSize;

	@Version
	private long version;

	protected ReferenceRequest() {
	}

	ReferenceRequest(UUID applicationId, int position, Referee referee) {
		this.applicationId = applicationId;
		this.position = position;
		rename(referee);
	}

	/** Names another referee, or corrects this one's details, before they answer. */
	void rename(Referee referee) {
		this.refereeName = referee.name();
		this.refereeEmail = referee.email();
		this.relationship = referee.relationship();
		this.knownFor = referee.knownFor();
	}

	/** Whether these are the details already kept, so that nothing need be sent again. */
	boolean names(Referee referee) {
		return this.refereeName.equals(referee.name()) && this.refereeEmail.equalsIgnoreCase(referee.email())
				&& this.relationship == referee.relationship() && this.knownFor.equals(referee.knownFor());
	}

	/** Asked for, with a new link; any link sent before stops working. */
	void request(String tokenHash, Instant at) {
		this.state = ReferenceState.REQUESTED;
		this.tokenHash = tokenHash;
		this.requestedAt = at;
		this.lastSentAt = at;
		this.reminders = 0;
	}

	/** Sent again at the applicant's request, with a new link. */
	void resend(String tokenHash, Instant at) {
		this.tokenHash = tokenHash;
		this.lastSentAt = at;
	}

	/** Asked again, with a new link: the one sent before stops working. */
	void remind(String tokenHash, Instant at) {
		this.tokenHash = tokenHash;
		this.lastSentAt = at;
		this.reminders++;
	}

	public @Nullable Instant getLastSentAt() {
		return this.lastSentAt;
	}

	public int getReminders() {
		return this.reminders;
	}

	void give(String comments, Instant at) {
		this.state = ReferenceState.GIVEN;
		this.comments = comments;
		answered(at);
	}

	void attached(String name, long size) {
		this.documentName = name;
		this.documentSize = size;
	}

	public @Nullable String getDocumentName() {
		return this.documentName;
	}

	public @Nullable Long getDocumentSize() {
		return this.documentSize;
	}

	void decline(Instant at) {
		this.state = ReferenceState.DECLINED;
		answered(at);
	}

	private void answered(Instant at) {
		this.answeredAt = at;
		// Single use: the link is spent with the answer.
		this.tokenHash = null;
	}

	/**
	 * The state as people are told it: a request is shown as reminded once a reminder
	 * went out, and as expired once the documents deadline has passed unanswered.
	 */
	public ReferenceState shownState(Instant now, Instant documentsDeadline) {
		if (this.state == ReferenceState.REQUESTED) {
			if (now.isAfter(documentsDeadline)) {
				return ReferenceState.EXPIRED;
			}
			return (this.reminders > 0) ? ReferenceState.REMINDED : ReferenceState.REQUESTED;
		}
		return this.state;
	}

	public Long getId() {
		return this.id;
	}

	public UUID getApplicationId() {
		return this.applicationId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getRefereeName() {
		return this.refereeName;
	}

	public String getRefereeEmail() {
		return this.refereeEmail;
	}

	public Relationship getRelationship() {
		return this.relationship;
	}

	public String getKnownFor() {
		return this.knownFor;
	}

	public ReferenceState getState() {
		return this.state;
	}

	public @Nullable Instant getRequestedAt() {
		return this.requestedAt;
	}

	public @Nullable Instant getAnsweredAt() {
		return this.answeredAt;
	}

	/** What the referee wrote: for staff only, never for the applicant. */
	public @Nullable String getComments() {
		return this.comments;
	}

	public long getVersion() {
		return this.version;
	}

}
