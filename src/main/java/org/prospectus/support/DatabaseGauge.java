package org.prospectus.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * A gauge read from the database at each scrape, so that every instance reports the same
 * figure (docs/operations.md); while the database is away it reads NaN.
 */
public final class DatabaseGauge {

	private DatabaseGauge() {
	}

	/** A gauge of a number the database counts. */
	public static void count(MeterRegistry registry, String name, String description, Supplier<Long> query) {
		Gauge.builder(name, query, (supplier) -> read(() -> (double) supplier.get()))
			.description(description)
			.register(registry);
	}

	/**
	 * A gauge of how long ago, in seconds, the moment the database gives was; 0 for none.
	 */
	public static void age(MeterRegistry registry, String name, String description, Clock clock,
			Supplier<@Nullable Timestamp> query) {
		Gauge.builder(name, query, (supplier) -> read(() -> {
			Timestamp since = supplier.get();
			return (since != null) ? Math.max(0, (clock.millis() - since.getTime()) / 1000.0) : 0;
		})).description(description).baseUnit("seconds").register(registry);
	}

	private static double read(Supplier<Double> value) {
		try {
			return value.get();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
