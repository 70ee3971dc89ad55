package org.prospectus.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database being away, which waiting fixes: it answers 503 with
 * the site's page and a {@code Retry-After}, not 500 (docs/operations.md). Recognised by
 * what every layer wraps it in: the pool's timeout, Spring's resource failures, the SQL
 * states of a lost or refused connection (class 08) or a server shutting down (57P), and
 * the pool's "Connection is closed", which is all a rollback on a dropped connection says
 * once it has overridden the failure that caused it.
 */
public final class DatabaseAway {

	private DatabaseAway() {
	}

	public static boolean is(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && ((sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
					|| "Connection is closed".equals(sql.getMessage()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
