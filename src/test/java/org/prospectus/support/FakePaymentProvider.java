package org.prospectus.support;

import java.util.Optional;

import org.prospectus.applications.payments.PaymentProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider as the tests play it: JSON events such as {@code {"id": "evt_1",
 * "type": "payment.succeeded", "reference": "ABCD2345"}}, signed in
 * {@code X-Fake-Signature}; its secret is in {@code application-test.properties}.
 */
public class FakePaymentProvider implements PaymentProvider {

	public static final String NAME = "fake";

	public static final String SIGNATURE_HEADER = "X-Fake-Signature";

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String signatureHeader() {
		return SIGNATURE_HEADER;
	}

	@Override
	public Optional<PaymentEvent> read(byte[] body) {
		try {
			JsonNode event = this.json.readTree(body);
			if (!event.hasNonNull("id") || !event.hasNonNull("type")) {
				return Optional.empty();
			}
			PaymentEvent.Kind kind = "payment.succeeded".equals(event.get("type").asString())
					? PaymentEvent.Kind.PAYMENT_SUCCEEDED : PaymentEvent.Kind.OTHER;
			return Optional.of(new PaymentEvent(event.get("id").asString(), kind,
					event.hasNonNull("reference") ? event.get("reference").asString() : null));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
