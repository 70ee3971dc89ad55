package org.prospectus.support;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.persistence.Embeddable;

/**
 * An amount in a currency. Amounts are never converted between currencies.
 *
 * @param amount the amount, not negative
 * @param currency the ISO 4217 code
 */
@Embeddable
public record Money(BigDecimal amount, String currency) {

	public Money {
		if (amount == null || amount.signum() < 0) {
			throw new IllegalArgumentException("An amount must be zero or more");
		}
		Currency.getInstance(currency);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

}
