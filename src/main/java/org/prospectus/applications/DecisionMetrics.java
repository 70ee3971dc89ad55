package org.prospectus.applications;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decision notifier's lag (docs/operations.md): how long the longest-waiting decision
 * has been due to be e-mailed, since its round's notification date or its decision,
 * whichever came later. Zero when nothing is due; NaN while the database is away.
 */
@Component
class DecisionMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	DecisionMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("prospectus.decisions.lag", this, DecisionMetrics::lag)
			.description("How long the longest-waiting due decision has waited to be e-mailed")
			.baseUnit("seconds")
			.register(registry);
	}

	double lag() {
		try {
			Timestamp now = Timestamp.from(this.clock.instant());
			Timestamp due = this.jdbc.sql("""
					select min(greatest(r.notification_at, a.decided_at)) from application a
					join application_round r on r.id = a.round_id
					where a.decided_at is not null and a.decision_notified_at is null and r.notification_at <= :now""")
				.param("now", now)
				.query(Timestamp.class)
				.single();
			return (due != null) ? Math.max(0, (now.getTime() - due.getTime()) / 1000.0) : 0;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return Double.NaN;
		}
	}

}
