package org.prospectus.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;
import org.prospectus.programme.Programme;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.Money;

/**
 * A programme's tuition per year and for the whole programme, in the currency it is
 * published in. One of the two is published; the other is worked out from the programme's
 * length and says so. Nothing is ever converted into another currency.
 *
 * @param perYear tuition for one year, or {@code null} when there is none to show
 * @param perYearWorkedOut whether {@code perYear} was worked out rather than published
 * @param total tuition for the whole programme, or {@code null}
 * @param totalWorkedOut whether {@code total} was worked out rather than published
 */
public record Tuition(@Nullable Money perYear, boolean perYearWorkedOut, @Nullable Money total,
		boolean totalWorkedOut) {

	static final Tuition NONE = new Tuition(null, false, null, false);

	static Tuition of(Programme programme) {
		Money published = programme.getTuition();
		if (published == null) {
			return NONE;
		}
		int months = programme.getDurationMonths();
		BigDecimal years = BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
		if (programme.getTuitionPeriod() == TuitionPeriod.TOTAL) {
			// A programme shorter than a year has no yearly fee to speak of.
			Money perYear = (months >= 12) ? scaled(published, BigDecimal.ONE.divide(years, 6, RoundingMode.HALF_UP))
					: null;
			return new Tuition(perYear, months != 12, published, false);
		}
		return new Tuition(published, false, scaled(published, years), months != 12);
	}

	private static Money scaled(Money money, BigDecimal factor) {
		return new Money(money.amount().multiply(factor).setScale(0, RoundingMode.HALF_UP), money.currency());
	}

}
