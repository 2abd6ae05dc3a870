package fr.refactory.system.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being gone (stopped, crashed, restarting,
 * unreachable) from any other: the former is worth a retry once the database is back, the
 * latter is not (ADR 0257).
 */
public final class DatabaseUnavailable {

	/**
	 * SQL states of a lost or refused connection: class 08, and 57P01-57P03 (shut down,
	 * crashed, starting up).
	 */
	private static final String CONNECTION_EXCEPTION = "08";

	private static final String SHUTDOWN_OR_STARTING = "57P0";

	private DatabaseUnavailable() {
	}

	/**
	 * Whether {@code failure}, or one of its causes, says the database could not be
	 * reached.
	 */
	public static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (isUnavailable(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnavailable(Throwable cause) {
		// TransactionSystemException: the commit or rollback could not be carried out on
		// the connection (the pool
		// closed it after the database dropped it: "Connection is closed"); it hides the
		// failure that caused it
		if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
				|| cause instanceof TransactionSystemException || cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
					|| sql.getSQLState().startsWith(SHUTDOWN_OR_STARTING);
		}
		return false;
	}

}
