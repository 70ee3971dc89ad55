package org.prospectus.site;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.prospectus.support.DatabaseGauge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long the oldest event publication has waited for its listener (ADR 0031): a
 * completed one is deleted, so anything older than a few seconds is a listener that
 * failed, or an instance that died before its listener finished and awaits resubmission;
 * zero when nothing waits.
 */
@Component
class EventMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	EventMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		DatabaseGauge.age(registry, "prospectus.events.oldest.age",
				"How long the oldest event publication has waited for its listener", this.clock,
				() -> this.jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
					.query(Timestamp.class)
					.single());
	}

}
