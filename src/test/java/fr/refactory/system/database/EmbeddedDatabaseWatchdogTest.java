package fr.refactory.system.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL killed under the product (kill -9 of its postmaster): the
 * watchdog starts it again on the same data directory and port, and the product's pool
 * reconnects by itself with the committed data there; where it cannot start again (its
 * port taken meanwhile), the watchdog ends the product for its supervisor to restart it.
 */
class EmbeddedDatabaseWatchdogTest {

	/**
	 * Far above what a restart takes; never asserted as a speed, only as "it came back".
	 */
	private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

	private EmbeddedDatabase database;

	private HikariDataSource pool;

	private EmbeddedDatabaseWatchdog watchdog;

	private final CountDownLatch exited = new CountDownLatch(1);

	@AfterEach
	void stopEverything() throws IOException {
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		if (this.pool != null) {
			this.pool.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void shouldStartTheKilledServerAgainOnTheSameDataAndPortSoThatThePoolReconnects() throws Exception {
		start(Duration.ofSeconds(60));
		this.watchdog.start();
		execute("create table committed_work (note text)");
		execute("insert into committed_work values ('before the kill')");
		long killed = this.database.postmasterPid();
		int port = this.database.port();

		ProcessHandle server = ProcessHandle.of(killed).orElseThrow();
		server.destroyForcibly();
		// the killed server's backends can answer a moment longer: read the row only once
		// it is gone
		server.onExit().get(30, TimeUnit.SECONDS);
		long since = System.nanoTime();
		String note = awaitRow();

		System.out.println("[faults] embedded PostgreSQL killed: the pool answered again after "
				+ Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms");
		assertThat(note).isEqualTo("before the kill");
		assertThat(this.database.postmasterPid()).isNotEqualTo(killed);
		assertThat(ProcessHandle.of(this.database.postmasterPid())).get().matches(ProcessHandle::isAlive);
		assertThat(this.database.port()).isEqualTo(port);
		assertThat(this.exited.getCount()).as("the product was not ended").isEqualTo(1);
	}

	@Test
	void shouldEndTheProductWhenTheKilledServerCannotStartAgain() throws Exception {
		start(Duration.ofSeconds(5));
		int port = this.database.port();
		long killed = this.database.postmasterPid();
		ProcessHandle process = ProcessHandle.of(killed).orElseThrow();
		try (ServerSocket squatter = new ServerSocket()) {
			process.destroyForcibly();
			process.onExit().get(30, TimeUnit.SECONDS);
			// another program takes the port the moment the server is gone, before the
			// watchdog looks
			squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			this.watchdog.start();

			assertThat(this.exited.await(RECOVERY_BOUND.toSeconds(), TimeUnit.SECONDS))
				.as("the watchdog ended the product")
				.isTrue();
		}
		assertThat(this.watchdog.isRunning()).isFalse();
	}

	private void start(Duration startupTimeout) throws IOException {
		Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
				"watchdog-postgres-");
		this.database = EmbeddedDatabase
			.start(new EmbeddedDatabaseProperties(data, 0, "on", startupTimeout, Duration.ofMillis(200)));
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(this.database.jdbcUrl());
		this.pool.setConnectionTimeout(1500);
		this.pool.setValidationTimeout(1000);
		this.watchdog = new EmbeddedDatabaseWatchdog(this.database, Duration.ofMillis(200), this.exited::countDown);
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private String awaitRow() throws InterruptedException {
		long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			try (Connection connection = this.pool.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select note from committed_work")) {
				rows.next();
				return rows.getString(1);
			}
			catch (SQLException ex) {
				last = ex;
				Thread.sleep(100);
			}
		}
		throw new AssertionError("The pool did not reach the restarted PostgreSQL within " + RECOVERY_BOUND, last);
	}

}
