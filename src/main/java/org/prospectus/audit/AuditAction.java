package org.prospectus.audit;

/** What kind of change an audit event records. */
public enum AuditAction {

	CREATE, UPDATE, PUBLISH, RETIRE, DELETE, DISCARD, UPLOAD, ROLE_CHANGE, SIGN_IN, SIGN_IN_FAILED;

	public String messageKey() {
		return "audit.action." + name();
	}

}
