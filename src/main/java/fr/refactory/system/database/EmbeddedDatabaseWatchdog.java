package fr.refactory.system.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Notices that the embedded PostgreSQL died while the product runs (killed, crashed, out
 * of memory) and starts it again on the same data directory and port; where it cannot,
 * ends the product with a clear log line and a non-zero status so that its supervisor
 * (systemd, the compose restart policy) starts it afresh (ADR 0257). Stopped before the
 * application context stops the database itself.
 */
final class EmbeddedDatabaseWatchdog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);

	/** The status the product ends with when its embedded database is lost for good. */
	static final int DATABASE_LOST_STATUS = 3;

	private final EmbeddedDatabase database;

	private final Duration interval;

	private final Runnable exit;

	private ScheduledExecutorService scheduler;

	EmbeddedDatabaseWatchdog(EmbeddedDatabase database, Duration interval, Runnable exit) {
		this.database = database;
		this.interval = interval;
		this.exit = exit;
	}

	/**
	 * Ends the JVM from a thread of its own: the shutdown hooks then close the context,
	 * this watchdog included.
	 */
	static Runnable exitingTheJvm() {
		return () -> new Thread(() -> System.exit(DATABASE_LOST_STATUS), "embedded-postgres-lost").start();
	}

	void checkNow() {
		if (!this.database.serverDied()) {
			log.debug("The embedded PostgreSQL (PID {}) runs", this.database.postmasterPid());
			return;
		}
		log.error(
				"The embedded PostgreSQL (PID {}) of {} stopped while the product runs: starting it again on port {};"
						+ " requests are answered 503 until it is back",
				this.database.postmasterPid(), this.database.dataDirectory(), this.database.port());
		long started = System.nanoTime();
		try {
			this.database.restart();
			log.info("The embedded PostgreSQL is back (PID {}) after {} ms; connections reopen by themselves",
					this.database.postmasterPid(), Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (RuntimeException ex) {
			log.error(
					"The embedded PostgreSQL of {} could not be started again; exiting with status {} so that the"
							+ " product's supervisor (systemd, docker compose) restarts it",
					this.database.dataDirectory(), DATABASE_LOST_STATUS, ex);
			stop();
			this.exit.run();
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::checkSafely, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void checkSafely() {
		try {
			checkNow();
		}
		catch (RuntimeException ex) {
			log.error("Checking the embedded PostgreSQL failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
