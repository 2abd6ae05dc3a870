package fr.refactory.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of the product, on one data directory and one port for
 * the product's whole life: when its server dies (killed, crashed), {@link #restart()}
 * starts a new one on the same data and port, so the connection pool finds it again by
 * itself (ADR 0257).
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String POSTMASTER_PID = "postmaster.pid";

	private final EmbeddedDatabaseProperties properties;

	private final Path dataDirectory;

	private volatile EmbeddedPostgres server;

	private volatile long postmasterPid;

	private int port;

	private boolean closed;

	private EmbeddedDatabase(EmbeddedDatabaseProperties properties) {
		this.properties = properties;
		this.dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		this.port = properties.port();
	}

	static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) {
		EmbeddedDatabase database = new EmbeddedDatabase(properties);
		try {
			Files.createDirectories(database.dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to create the embedded PostgreSQL data directory "
					+ database.dataDirectory + ", but it failed", ex);
		}
		database.startServer();
		return database;
	}

	String jdbcUrl() {
		return this.server.getJdbcUrl("postgres", "postgres");
	}

	int port() {
		return this.port;
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * The PID of the running server's postmaster, as it wrote it in
	 * {@code postmaster.pid}.
	 */
	long postmasterPid() {
		return this.postmasterPid;
	}

	/**
	 * Whether the server this product started is gone (it was not stopped by
	 * {@link #close()}).
	 */
	synchronized boolean serverDied() {
		return !this.closed && ProcessHandle.of(this.postmasterPid).map((p) -> !p.isAlive()).orElse(true);
	}

	/**
	 * Starts a new server on the same data directory and port after the previous one
	 * died. PostgreSQL replays its log first (crash recovery): committed work is kept,
	 * the dead server's open transactions are lost.
	 */
	synchronized void restart() {
		if (this.closed) {
			return;
		}
		closeServer();
		awaitBackendsGone();
		startServer();
	}

	private void startServer() {
		LeftRunningPostmaster.stopIfAny(this.dataDirectory, this.properties.startupTimeout());
		try {
			this.server = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setServerConfig("synchronous_commit", this.properties.synchronousCommit())
				.setPGStartupWait(this.properties.startupTimeout())
				// the application context stops it (close) after the web server and the
				// pool: zonky's own JVM
				// shutdown hook would run beside Spring's and stop PostgreSQL under
				// requests still draining
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to start the embedded PostgreSQL in " + this.dataDirectory
					+ " on port " + (this.port == 0 ? "(any)" : this.port) + ", but it failed", ex);
		}
		this.port = this.server.getPort();
		this.postmasterPid = readPostmasterPid().orElseThrow(
				() -> new IllegalStateException("Expected the started" + " embedded PostgreSQL to name its PID in "
						+ this.dataDirectory.resolve(POSTMASTER_PID) + ", but the file is missing or unreadable"));
		log.info("Embedded PostgreSQL (PID {}) listening on port {} with data in {}", this.postmasterPid, this.port,
				this.dataDirectory);
	}

	private OptionalLong readPostmasterPid() {
		try {
			List<String> lines = Files.readAllLines(this.dataDirectory.resolve(POSTMASTER_PID));
			return lines.isEmpty() || !lines.get(0).trim().matches("\\d+") ? OptionalLong.empty()
					: OptionalLong.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * When its postmaster dies, each PostgreSQL backend ends on its own shortly after; a
	 * new server refuses to start while one of them still holds the old shared memory.
	 */
	private void awaitBackendsGone() {
		long deadline = System.nanoTime() + this.properties.startupTimeout().toNanos();
		while (!ServerProcesses.of(this.dataDirectory).isEmpty() && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(100));
		}
	}

	/**
	 * Releases the dead server's lock on the data directory (its stop command fails:
	 * there is nothing to stop).
	 */
	private void closeServer() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			log.warn("Could not release the embedded PostgreSQL of {}: {}", this.dataDirectory, ex.getMessage());
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the dead PostgreSQL's processes to end", ex);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		this.closed = true;
		this.server.close();
	}

}
