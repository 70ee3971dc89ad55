package org.prospectus.mail;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it (docs/operations.md): how many messages wait, and
 * how long the oldest has waited. Read from the database at each scrape, so every
 * instance reports the same figures; while the database is away they read as NaN.
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
		Gauge.builder("prospectus.outbox.depth", this, OutboxMetrics::depth)
			.description("E-mails waiting to be sent")
			.register(registry);
		Gauge.builder("prospectus.outbox.oldest.age", this, OutboxMetrics::oldestAge)
			.description("How long the oldest waiting e-mail has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	double depth() {
		try {
			return this.jdbc.sql("select count(*) from mail_outbox where sent_at is null").query(Long.class).single();
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return Double.NaN;
		}
	}

	double oldestAge() {
		try {
			Timestamp oldest = this.jdbc.sql("select min(created_at) from mail_outbox where sent_at is null")
				.query(Timestamp.class)
				.single();
			return (oldest != null) ? Math.max(0, (this.clock.millis() - oldest.toInstant().toEpochMilli()) / 1000.0)
					: 0;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return Double.NaN;
		}
	}

}
