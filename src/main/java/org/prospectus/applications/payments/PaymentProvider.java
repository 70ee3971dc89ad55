package org.prospectus.applications.payments;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An online payment provider that tells the portal, by webhook, that an application fee
 * is paid (ADR 0026). None is configured by default: an implementation is a bean, and its
 * webhook answers only once {@code prospectus.payments.secrets.<name>} gives the secret
 * the provider signs its events with. The portal checks the signature itself, an
 * HMAC-SHA256 of the raw body, before the provider reads a byte of it.
 */
public interface PaymentProvider {

	/** The provider's name in the webhook's address, {@code /payments/webhook/{name}}. */
	String name();

	/**
	 * The request header the provider sends the signature in: the body's HMAC-SHA256 in
	 * hexadecimal, with or without a {@code sha256=} prefix.
	 */
	String signatureHeader();

	/**
	 * The event a signed body describes; empty when it is not one the provider sends.
	 * @param body the raw body, its signature already verified
	 */
	Optional<PaymentEvent> read(byte[] body);

	/**
	 * One event from a provider.
	 *
	 * @param id the provider's id of the event, the same each time it is sent again
	 * @param kind what happened
	 * @param applicationReference the application's reference the payment was made with,
	 * if any
	 */
	record PaymentEvent(String id, Kind kind, @Nullable String applicationReference) {

		/** What an event says; only a succeeded payment changes anything. */
		public enum Kind {

			PAYMENT_SUCCEEDED, OTHER

		}

	}

}
