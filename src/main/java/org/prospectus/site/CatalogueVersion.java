package org.prospectus.site;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.prospectus.intake.RoundTimeline;
import org.prospectus.intake.RoundTimeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The catalogue's version as this instance knows it, kept current by PostgreSQL's
 * LISTEN/NOTIFY (V25, ADR 0023). Every committed change to a table that public pages show
 * raises {@code catalogue_version} and notifies channel {@code catalogue}; a thread here
 * listens on a connection of its own, and on each notification reads the version and the
 * {@link RoundTimeline} again and tells its listeners.
 * <p>
 * {@link #current()} is {@code null} while the thread is not listening (at start, or
 * after its connection broke): nobody can then say whether a kept page is still the
 * catalogue's, so nothing is served from the page cache nor answered 304 until the thread
 * listens again, has read the version afresh, and has dropped every kept page.
 */
@Component
class CatalogueVersion implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CatalogueVersion.class);

	/** How long the thread waits for a notification before it checks its connection. */
	private static final int HEARTBEAT_MILLIS = 5_000;

	private final DataSource dataSource;

	private final Clock clock;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable State state;

	private volatile boolean running;

	private volatile @Nullable Connection connection;

	private @Nullable Thread thread;

	CatalogueVersion(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * What pages are rendered from now: the version and the timeline read together. Each
	 * change makes a new object, so a page kept with one is current exactly while
	 * {@code current()} still returns that same object.
	 *
	 * @param version the committed catalogue version
	 * @param timeline when pages change by themselves
	 */
	record State(long version, Timeline timeline) {
	}

	/** The state pages are rendered in, or {@code null} while changes cannot be heard. */
	@Nullable State current() {
		return this.state;
	}

	/** Runs on the listening thread after every change of {@link #current()}. */
	void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	@Override
	public void start() {
		this.running = true;
		Thread listening = new Thread(this::listen, "catalogue-listener");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Connection open = this.connection;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// Closing is all that is wanted; the thread ends either way.
			}
		}
		Thread listening = this.thread;
		if (listening != null) {
			try {
				listening.join(HEARTBEAT_MILLIS * 2L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		// Wall-clock pauses, not support/Backoff: that one follows the portal's clock,
		// which tests stop and move, and this thread sleeps for real.
		Duration wait = Duration.ofMillis(500);
		while (this.running) {
			try (Connection listening = connect()) {
				this.connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("listen catalogue");
				}
				// Listening first, then reading: a change committed in between is both
				// read here and notified.
				refresh(listening);
				wait = Duration.ofMillis(500);
				PGConnection notifications = listening.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(HEARTBEAT_MILLIS);
					if (received != null && received.length > 0) {
						refresh(listening);
					}
					else {
						try (Statement statement = listening.createStatement()) {
							statement.execute("select 1");
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					if (this.state != null) {
						logger.warn("Stopped hearing catalogue changes; public pages are rendered afresh until "
								+ "they are heard again: {}", ex.getMessage());
					}
					change(null);
					sleep(wait);
					wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
							: wait.multipliedBy(2);
				}
			}
			finally {
				this.connection = null;
			}
		}
	}

	private void refresh(Connection listening) throws SQLException {
		long version;
		try (Statement statement = listening.createStatement();
				ResultSet result = statement.executeQuery("select version from staging_version_for_site")) {
			result.next();
			version = result.getLong(1);
		}
		change(new State(version, RoundTimeline.load(listening, this.clock.getZone())));
	}

	private void change(@Nullable State next) {
		if (next == null && this.state == null) {
			return;
		}
		this.state = next;
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * A connection outside the pool: it is held for as long as the instance runs, and its
	 * statements are nobody's request's.
	 */
	private Connection connect() throws SQLException {
		HikariDataSource hikari = this.dataSource.isWrapperFor(HikariDataSource.class)
				? this.dataSource.unwrap(HikariDataSource.class) : null;
		if (hikari == null || hikari.getJdbcUrl() == null) {
			return this.dataSource.getConnection();
		}
		Properties properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		properties.setProperty("ApplicationName", "prospectus catalogue listener");
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
