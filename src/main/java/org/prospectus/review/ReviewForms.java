package org.prospectus.review;

/**
 * The forms of the application detail page. Each is bound on its own, with only its own
 * fields allowed.
 */
public final class ReviewForms {

	private ReviewForms() {
	}

	/** Move the application to another status. */
	public static class StatusForm {

		private String status;

		private String programme;

		private String reason;

		private long version;

		public String getStatus() {
			return this.status;
		}

		public void setStatus(String status) {
			this.status = status;
		}

		public String getProgramme() {
			return this.programme;
		}

		public void setProgramme(String programme) {
			this.programme = programme;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	/** Ask the applicant for documents by a date. */
	public static class RequestForm {

		private String by;

		private String message;

		private long version;

		public String getBy() {
			return this.by;
		}

		public void setBy(String by) {
			this.by = by;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	/** A verdict on one kind of document; the kind is in the address. */
	public static class CheckForm {

		private String verdict;

		private String reason;

		public String getVerdict() {
			return this.verdict;
		}

		public void setVerdict(String verdict) {
			this.verdict = verdict;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/** A staff-only note. */
	public static class NoteForm {

		private String body;

		public String getBody() {
			return this.body;
		}

		public void setBody(String body) {
			this.body = body;
		}

	}

}
