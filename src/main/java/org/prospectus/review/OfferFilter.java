package org.prospectus.review;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where an admitted application's offer stands, as the queue filters on it. Each is an
 * {@code exists} over the application's offers, which the offer's application index
 * answers.
 */
public enum OfferFilter {

	/** An offer waits for the applicant's reply. */
	WAITING("o.state = 'OPEN'"),
	/** An offer holding a place has a condition not yet checked. */
	CONDITIONS_PENDING(
			"o.state in ('OPEN', 'ACCEPTED') and exists (select 1 from decisions_offer_conditions_for_review c "
					+ "where c.offer_id = o.id and c.state = 'PENDING')"),
	/** The applicant accepted an offer. */
	ACCEPTED("o.state = 'ACCEPTED'"),
	/** The applicant declined an offer, or it was declined by default. */
	DECLINED("o.state in ('DECLINED', 'LAPSED')");

	private final String condition;

	OfferFilter(String condition) {
		this.condition = condition;
	}

	/** The filter's SQL over {@code applications_queue_for_review a}. */
	String sql() {
		return "exists (select 1 from decisions_offers_for_review o where o.application_id = a.id and " + this.condition
				+ ")";
	}

	/** As the address writes it: {@code conditions-pending}. */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "review.queue.offer." + name();
	}

	static @Nullable OfferFilter fromParameter(@Nullable String value) {
		return Arrays.stream(values()).filter((filter) -> filter.parameter().equals(value)).findFirst().orElse(null);
	}

}
