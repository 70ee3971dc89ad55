package org.prospectus.decisions;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.prospectus.support.DatabaseGauge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decision notifier's lag (docs/operations.md): how long the longest-waiting decision
 * has been due to be e-mailed, since its round's notification date or its decision,
 * whichever came later; zero when nothing is due.
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
		DatabaseGauge.age(registry, "prospectus.decisions.lag",
				"How long the longest-waiting due decision has waited to be e-mailed", this.clock,
				() -> this.jdbc
					.sql("""
							select min(greatest(r.notification_at, a.decided_at)) from applications_standing_for_decisions a
							join intake_rounds_for_decisions r on r.id = a.round_id
							where a.decided_at is not null and a.decision_notified_at is null and r.notification_at <= :now""")
					.param("now", Timestamp.from(this.clock.instant()))
					.query(Timestamp.class)
					.single());
	}

}
