package org.prospectus.applications.payments;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.applications.payments.PaymentProvider.PaymentEvent;
import org.prospectus.applications.Application;
import org.prospectus.applications.DocumentChecklist;
import org.prospectus.applications.FeeStatus;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.support.Hmac;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment providers' events (ADR 0026): each verified by its signature, taken once by its
 * id, and a succeeded payment makes the application's fee paid, audited under the
 * provider's name.
 */
@Service
@EnableConfigurationProperties(PaymentProperties.class)
public class Payments {

	private final Map<String, PaymentProvider> providers;

	private final PaymentProperties properties;

	private final JdbcClient jdbc;

	private final DocumentChecklist checklist;

	private final AuditLog auditLog;

	private final Clock clock;

	Payments(List<PaymentProvider> providers, PaymentProperties properties, JdbcClient jdbc,
			DocumentChecklist checklist, AuditLog auditLog, Clock clock) {
		this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
		this.properties = properties;
		this.jdbc = jdbc;
		this.checklist = checklist;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A provider that is a bean and has a secret; empty for any other name. */
	Optional<PaymentProvider> configured(String name) {
		PaymentProvider provider = this.providers.get(name);
		String secret = this.properties.secrets().get(name);
		return (provider != null && secret != null && !secret.isBlank()) ? Optional.of(provider) : Optional.empty();
	}

	/**
	 * Whether the signature is the body's HMAC-SHA256 under the provider's secret,
	 * compared in constant time.
	 */
	boolean verifies(PaymentProvider provider, byte[] body, @Nullable String signature) {
		if (signature == null) {
			return false;
		}
		String hex = signature.strip().toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha256=")) {
			hex = hex.substring("sha256=".length());
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return Hmac.sameBytes(
				Hmac.sha256(this.properties.secrets().get(provider.name()).getBytes(StandardCharsets.UTF_8), body),
				given);
	}

	/**
	 * Takes a verified event once: a repeat of an event already taken changes nothing. A
	 * succeeded payment for an application makes its fee paid.
	 * @return whether the event was new
	 */
	@Transactional
	public boolean receive(PaymentProvider provider, PaymentEvent event) {
		// Locked, so that a staff check of the receipt at the same moment waits for this.
		UUID application = this.jdbc.sql("select id from application where reference = :reference for update")
			.param("reference", (event.applicationReference() != null) ? event.applicationReference() : "")
			.query(UUID.class)
			.optional()
			.orElse(null);
		FeeStatus before = (application != null) ? fee(application) : null;
		int taken = this.jdbc.sql("""
				insert into payment_event (provider, event_id, kind, application_id, received_at)
				values (:provider, :event, :kind, :application, :at)
				on conflict (provider, event_id) do nothing""")
			.param("provider", provider.name())
			.param("event", event.id())
			.param("kind", event.kind().name())
			.param("application", application)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (taken == 0) {
			return false;
		}
		if (application != null && event.kind() == PaymentEvent.Kind.PAYMENT_SUCCEEDED) {
			this.checklist.refresh(application);
			this.auditLog.recordForAs("payment provider " + provider.name(), AuditAction.UPDATE, Application.AUDIT_TYPE,
					application,
					"The payment provider " + provider.name() + " confirmed the application fee of "
							+ event.applicationReference(),
					List.of(new FieldChange("fee", (before != null) ? before.name() : null, fee(application).name()),
							new FieldChange("paymentEvent", null, event.id())));
		}
		return true;
	}

	/** The fee as kept since submitting, or as it stands for a draft. */
	private FeeStatus fee(UUID application) {
		String kept = this.jdbc.sql("select fee_status from application where id = :id")
			.param("id", application)
			.query(String.class)
			.optional()
			.orElse(null);
		return (kept != null) ? FeeStatus.valueOf(kept) : this.checklist.owedFee(application);
	}

}
