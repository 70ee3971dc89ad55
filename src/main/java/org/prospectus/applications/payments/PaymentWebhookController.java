package org.prospectus.applications.payments;

import jakarta.servlet.http.HttpServletRequest;
import org.prospectus.applications.payments.PaymentProvider.PaymentEvent;
import org.prospectus.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Where a payment provider sends its events (ADR 0026). Open without signing in and
 * without a CSRF token: the signature over the raw body is what proves the sender. An
 * unknown or unconfigured provider answers 404, a missing or wrong signature 401, a
 * signed body that is not an event 400, and an event taken before 200 again, changing
 * nothing. The log names the provider and the outcome, never the body or the signature.
 */
@Controller
class PaymentWebhookController {

	private static final Logger logger = LoggerFactory.getLogger(PaymentWebhookController.class);

	private final Payments payments;

	PaymentWebhookController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping("/payments/webhook/{provider}")
	ResponseEntity<Void> receive(@PathVariable String provider, @RequestBody(required = false) byte[] body,
			HttpServletRequest request) {
		PaymentProvider found = this.payments.configured(provider)
			.orElseThrow(() -> NotFoundException.forMissing("payment provider"));
		byte[] raw = (body != null) ? body : new byte[0];
		if (!this.payments.verifies(found, raw, request.getHeader(found.signatureHeader()))) {
			logger.warn("Refused a payment event for provider {}: the signature does not match", found.name());
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		PaymentEvent event = found.read(raw).orElse(null);
		if (event == null || event.id() == null || event.id().isBlank() || event.id().length() > 200) {
			logger.warn("Refused a signed payment event for provider {}: not an event it sends", found.name());
			return ResponseEntity.badRequest().build();
		}
		boolean taken = this.payments.receive(found, event);
		logger.info("Payment event for provider {}: {}", found.name(), taken ? "taken" : "already taken");
		return ResponseEntity.ok().build();
	}

}
