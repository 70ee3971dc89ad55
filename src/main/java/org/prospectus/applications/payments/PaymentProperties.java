package org.prospectus.applications.payments;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment providers' webhook secrets, {@code prospectus.payments.secrets.<name>}. A
 * provider with no secret here is not configured, and its webhook answers 404.
 *
 * @param secrets each provider's signing secret, by the provider's name
 */
@ConfigurationProperties("prospectus.payments")
record PaymentProperties(@DefaultValue Map<String, String> secrets) {

	@Override
	public String toString() {
		// Never the secrets themselves, wherever the properties are printed.
		return "PaymentProperties[providers=" + this.secrets.keySet() + "]";
	}

}
