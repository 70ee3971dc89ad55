package org.prospectus.audit;

import org.springframework.modulith.NamedInterface;

/** What kind of change an audit event records. */
@NamedInterface("api")
public enum AuditAction {

	CREATE, UPDATE, PUBLISH, RETIRE, DELETE, DISCARD, UPLOAD, ROLE_CHANGE, SIGN_IN, SIGN_IN_FAILED, SUBMIT, WITHDRAW,
	STATUS_CHANGE, DOCUMENT_CHECK, DOCUMENT_REQUEST, NOTE, VIEW, DOWNLOAD, EXPORT,
	/** An applicant closed their account. */
	CLOSE_ACCOUNT,
	/** Staff erased an applicant's data on request. */
	ERASE,
	/** An applicant accepted or declined an offer. */
	REPLY,
	/** Staff recorded whether a condition of an offer is met. */
	CONDITION_CHECK,
	/** Staff withdrew an offer whose condition was not met. */
	OFFER_WITHDRAW,
	/** An offer not answered by its reply-by instant was declined. */
	DECLINE_BY_DEFAULT,
	/** Staff scheduled staged changes to go live at an instant. */
	SCHEDULE,
	/** Staff cancelled a scheduled publication. */
	UNSCHEDULE,
	/** A scheduled publication could not be carried out. */
	SCHEDULE_FAILED, READ_ASSIGN, READ_SUBMIT, READ_CONFLICT;

	public String messageKey() {
		return "audit.action." + name();
	}

}
