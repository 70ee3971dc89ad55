package org.prospectus.programme;

/**
 * An upload that was not accepted as a course description document; nothing was stored.
 */
public class RejectedDocumentException extends RuntimeException {

	private final Reason reason;

	RejectedDocumentException(Reason reason) {
		super("Document rejected: " + reason, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a document was refused; each has a message telling the person what to do. */
	public enum Reason {

		/** Nothing was chosen, or the file is empty. */
		EMPTY,
		/** Over {@link ProgrammeDocuments#MAX_SIZE}. */
		TOO_LARGE,
		/** The content does not start as a PDF does, whatever the file's name. */
		NOT_PDF,
		/** Starts like a PDF but cannot be read as one. */
		UNREADABLE,
		/** Protected by a password or encrypted, so visitors could not open it. */
		ENCRYPTED;

		public String messageKey() {
			return "admin.programme-document.rejected." + name();
		}

	}

}
