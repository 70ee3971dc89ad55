package org.prospectus.applications;

import org.springframework.modulith.NamedInterface;

/** An upload that was not accepted as an application document; nothing was stored. */
@NamedInterface("api")
public class RejectedUploadException extends RuntimeException {

	private final Reason reason;

	private final String deadline;

	RejectedUploadException(Reason reason) {
		this(reason, null);
	}

	RejectedUploadException(Reason reason, String deadline) {
		super("Upload refused: " + reason, null, false, false);
		this.reason = reason;
		this.deadline = deadline;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The documents deadline in the institution's zone, when refused for being late. */
	public String deadline() {
		return this.deadline;
	}

	/** Why an upload was refused; each has a message telling the person what to do. */
	public enum Reason {

		/** Nothing was chosen, or the file is empty. */
		EMPTY,
		/** Over {@link ApplicationDocuments#MAX_SIZE}. */
		TOO_LARGE,
		/** Its content is not PDF, JPEG or PNG, whatever its name says. */
		NOT_ALLOWED_TYPE,
		/** Looks like an allowed type but cannot be read as one: damaged, cut short. */
		UNREADABLE,
		/** A PDF protected by a password or encrypted: staff could not open it. */
		ENCRYPTED,
		/** An image too large in pixels to check safely. */
		TOO_MANY_PIXELS,
		/** The application has {@link ApplicationDocuments#MAX_DOCUMENTS} already. */
		TOO_MANY_FILES,
		/** Submitted, and the documents deadline has passed. */
		DEADLINE_PASSED,
		/** Withdrawn: nothing can be added. */
		WITHDRAWN;

		public String messageKey() {
			return "application.document.rejected." + name();
		}

	}

}
