package org.prospectus.mail;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.prospectus.support.DatabaseGauge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it (docs/operations.md): how many messages wait, and
 * how long the oldest has waited.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		DatabaseGauge.count(registry, "prospectus.outbox.depth", "E-mails waiting to be sent",
				() -> this.jdbc.sql("select count(*) from mail_outbox where sent_at is null")
					.query(Long.class)
					.single());
		DatabaseGauge.age(registry, "prospectus.outbox.oldest.age", "How long the oldest waiting e-mail has waited",
				this.clock,
				() -> this.jdbc.sql("select min(created_at) from mail_outbox where sent_at is null")
					.query(Timestamp.class)
					.single());
	}

}
