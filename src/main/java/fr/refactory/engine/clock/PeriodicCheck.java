package fr.refactory.engine.clock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work the engine does once a second on its own daemon thread while the application runs (releasing due jobs,
 * firing due timers), and at once whenever the engine clock is moved ({@code /actuator/clock}).
 * <p>
 * A check that fails (typically: the database is gone) is logged once with its cause, then quietly retried with
 * growing pauses (2, 4, then every {@link #LONGEST_PAUSE}) until one works again, which is logged too: an outage
 * neither spins the thread nor fills the log (ADR 0257).
 */
public abstract class PeriodicCheck implements SmartLifecycle {

	static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String threadName;

	private ScheduledExecutorService scheduler;

	private int failuresInARow;

	private long pausedUntilNanos;

	protected PeriodicCheck(String threadName) {
		this.threadName = threadName;
	}

	/** Does the work once; may fail, then the schedule pauses and tries again. */
	protected abstract void check();

	/** Runs one check now, whatever the pause after failures; never throws, so the schedule keeps going. */
	public final void checkNow() {
		try {
			check();
			succeeded();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	/** How many checks in a row have failed so far (0 once one works). */
	public synchronized int failuresInARow() {
		return this.failuresInARow;
	}

	private synchronized void succeeded() {
		if (this.failuresInARow > 0) {
			this.log.info("{} works again after {} failed checks", this.threadName, this.failuresInARow);
		}
		this.failuresInARow = 0;
		this.pausedUntilNanos = 0;
	}

	private synchronized void failed(RuntimeException ex) {
		this.failuresInARow++;
		long pause = Math.min(LONGEST_PAUSE.toMillis(), INTERVAL.toMillis() << Math.min(this.failuresInARow, 10));
		this.pausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
		if (this.failuresInARow == 1) {
			this.log.warn("{} failed; trying again with pauses of up to {} s, logged again once it works",
					this.threadName, LONGEST_PAUSE.toSeconds(), ex);
		}
		else {
			this.log.debug("{} failed again ({} in a row): {}", this.threadName, this.failuresInARow, ex.toString());
		}
	}

	private void scheduledCheck() {
		synchronized (this) {
			if (this.pausedUntilNanos != 0 && System.nanoTime() < this.pausedUntilNanos) {
				return;
			}
		}
		checkNow();
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::scheduledCheck, INTERVAL.toMillis(), INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
