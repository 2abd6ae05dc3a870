package fr.refactory.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work the engine looks for once a second on its own daemon thread while the application
 * runs (releasing due jobs, finding due timers), and at once whenever the engine clock is
 * moved ({@code /actuator/clock}). The scheduler thread only finds due work and hands it
 * over, so no process work can stall it (docs/decisions/0261); the time of its last
 * successful tick shows in health ({@link PeriodicChecksHealth}).
 * <p>
 * A tick that fails (typically: the database is gone) is logged once with its cause, then
 * quietly retried with growing pauses (2, 4, then every {@link #LONGEST_PAUSE}) until one
 * works again, which is logged too: an outage neither spins the thread nor fills the log
 * (ADR 0257).
 */
public abstract class PeriodicCheck implements SmartLifecycle {

	static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String threadName;

	private ScheduledExecutorService scheduler;

	private int failuresInARow;

	private long pausedUntilNanos;

	private volatile Instant lastSuccessfulTick;

	private volatile long lastSuccessfulTickNanos = System.nanoTime();

	protected PeriodicCheck(String threadName) {
		this.threadName = threadName;
	}

	/**
	 * Finds the due work and hands it over; may throw (the tick then counts as failed and
	 * the schedule pauses).
	 */
	protected abstract void tick();

	/**
	 * Runs one check now, whatever the pause after failures, and returns once the due
	 * work is done; never throws.
	 */
	public void checkNow() {
		runTick();
	}

	/** Runs one tick, counting it as succeeded or failed; never throws. */
	protected final void runTick() {
		try {
			tick();
			succeeded();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	public String name() {
		return this.threadName;
	}

	/**
	 * @return the wall-clock time of the last tick that succeeded, or null before the
	 * first
	 */
	public Instant lastSuccessfulTick() {
		return this.lastSuccessfulTick;
	}

	/**
	 * @return how long ago the last tick succeeded (since the start before the first)
	 */
	public Duration sinceLastSuccessfulTick() {
		return Duration.ofNanos(System.nanoTime() - this.lastSuccessfulTickNanos);
	}

	/**
	 * @return how long the oldest work handed over by a tick has been waiting to be done
	 * (zero: none)
	 */
	public Duration oldestPendingWork() {
		return Duration.ZERO;
	}

	/** How many checks in a row have failed so far (0 once one works). */
	public synchronized int failuresInARow() {
		return this.failuresInARow;
	}

	private synchronized void succeeded() {
		this.lastSuccessfulTick = Instant.now();
		this.lastSuccessfulTickNanos = System.nanoTime();
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
		runTick();
	}

	@Override
	public synchronized void start() {
		this.lastSuccessfulTickNanos = System.nanoTime();
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
