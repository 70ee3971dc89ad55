package org.prospectus.review;

import java.util.ArrayList;
import java.util.List;

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

		/** Standard conditions of an offer, as chosen from the institution's list. */
		private List<String> conditions = new ArrayList<>();

		/** Conditions of an offer typed by the officer, one per line. */
		private String otherConditions;

		/** The institution's standard reason for a refusal, as chosen. */
		private String refusal;

		public String getRefusal() {
			return this.refusal;
		}

		public void setRefusal(String refusal) {
			this.refusal = refusal;
		}

		public List<String> getConditions() {
			return this.conditions;
		}

		public void setConditions(List<String> conditions) {
			this.conditions = conditions;
		}

		public String getOtherConditions() {
			return this.otherConditions;
		}

		public void setOtherConditions(String otherConditions) {
			this.otherConditions = otherConditions;
		}

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

	/**
	 * Whether a condition of an offer is met; the offer and condition are in the address.
	 */
	public static class ConditionForm {

		private String state;

		private long version;

		public String getState() {
			return this.state;
		}

		public void setState(String state) {
			this.state = state;
		}

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	/** Withdraw an offer whose condition was not met, with the reason. */
	public static class WithdrawOfferForm {

		private String reason;

		private long version;

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
