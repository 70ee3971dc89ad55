package org.prospectus.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The forms of the application detail page. Each is bound on its own, through its
 * constructor, with only its own fields allowed; a field the request leaves out arrives
 * as {@code null}, and a version as {@code 0}.
 */
public final class ReviewForms {

	private ReviewForms() {
	}

	/**
	 * Move the application to another status.
	 *
	 * @param conditions standard conditions of an offer, as chosen from the institution's
	 * list; none when none is ticked
	 * @param otherConditions conditions of an offer typed by the officer, one per line
	 * @param refusal the institution's standard reason for a refusal, as chosen
	 */
	public record StatusForm(@Nullable String status, @Nullable String programme, @Nullable String reason, long version,
			List<String> conditions, @Nullable String otherConditions, @Nullable String refusal) {

		public StatusForm {
			conditions = (conditions != null) ? conditions : List.of();
		}

		/** The form as the page first shows it. */
		static StatusForm empty() {
			return new StatusForm(null, null, null, 0, List.of(), null, null);
		}

	}

	/**
	 * Offer a place on another of the applicant's choices, while the application stays
	 * admitted: the offer part of {@link StatusForm}, without a status, reason or refusal
	 * to set.
	 *
	 * @param conditions standard conditions of the offer, as chosen from the
	 * institution's list; none when none is ticked
	 * @param otherConditions conditions typed by the officer, one per line
	 */
	public record OfferForm(@Nullable String programme, long version, List<String> conditions,
			@Nullable String otherConditions) {

		public OfferForm {
			conditions = (conditions != null) ? conditions : List.of();
		}

		/** The form as the page first shows it. */
		static OfferForm empty() {
			return new OfferForm(null, 0, List.of(), null);
		}

	}

	/** Ask the applicant for documents by a date. */
	public record RequestForm(@Nullable String by, @Nullable String message, long version) {

		/** The form as the page first shows it. */
		static RequestForm empty() {
			return new RequestForm(null, null, 0);
		}

	}

	/** A verdict on one kind of document; the kind is in the address. */
	public record CheckForm(@Nullable String verdict, @Nullable String reason) {

		/** The form as the page first shows it. */
		static CheckForm empty() {
			return new CheckForm(null, null);
		}

	}

	/**
	 * Whether a condition of an offer is met; the offer and condition are in the address.
	 */
	public record ConditionForm(@Nullable String state, long version) {

	}

	/** Withdraw an offer whose condition was not met, with the reason. */
	public record WithdrawOfferForm(@Nullable String reason, long version) {

		/** The form as the page first shows it. */
		static WithdrawOfferForm empty() {
			return new WithdrawOfferForm(null, 0);
		}

	}

	/** A staff-only note. */
	public record NoteForm(@Nullable String body) {

		/** The form as the page first shows it. */
		static NoteForm empty() {
			return new NoteForm(null);
		}

	}

}
