package fr.refactory.system.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures that mean "the database is gone" (worth a retry) against those that do not.
 */
class DatabaseUnavailableTest {

	@Test
	void shouldRecogniseALostOrRefusedConnection() {
		assertThat(DatabaseUnavailable.isCauseOf(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("pool timed out"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new UncategorizedSQLException("insert", "insert into t",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new UncategorizedSQLException("select", "select 1",
				new SQLException("the database system is starting up", "57P03"))))
			.isTrue();
	}

	@Test
	void shouldRecogniseARollbackOnAConnectionThePoolClosedAfterTheDatabaseDroppedIt() {
		// what the transaction manager throws after "Commit exception overridden by
		// rollback exception"
		assertThat(DatabaseUnavailable.isCauseOf(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void shouldLeaveOtherFailuresAlone() {
		assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new UncategorizedSQLException("select", "select x",
				new SQLException("column x does not exist", "42703"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug"))).isFalse();
	}

}
