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
 * Work the engine looks for once a second on its own daemon thread while the application runs (releasing due jobs,
 * finding due timers), and at once whenever the engine clock is moved ({@code /actuator/clock}). The scheduler
 * thread only finds due work and hands it over, so no process work can stall it (docs/decisions/0261); the time of
 * its last successful tick shows in health ({@link PeriodicChecksHealth}).
 */
public abstract class PeriodicCheck implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(PeriodicCheck.class);

	private final String threadName;

	private ScheduledExecutorService scheduler;

	private volatile Instant lastSuccessfulTick;

	private volatile long lastSuccessfulTickNanos = System.nanoTime();

	protected PeriodicCheck(String threadName) {
		this.threadName = threadName;
	}

	/** Finds the due work and hands it over; may throw (the tick then counts as failed). */
	protected abstract void tick();

	/** Runs one check now and returns once the due work is done (clock moved, tests); never throws. */
	public void checkNow() {
		runTick();
	}

	public String name() {
		return this.threadName;
	}

	/** @return the wall-clock time of the last tick that succeeded, or null before the first */
	public Instant lastSuccessfulTick() {
		return this.lastSuccessfulTick;
	}

	/** @return how long ago the last tick succeeded (since the start before the first) */
	public Duration sinceLastSuccessfulTick() {
		return Duration.ofNanos(System.nanoTime() - this.lastSuccessfulTickNanos);
	}

	/** @return how long the oldest work handed over by a tick has been waiting to be done (zero: none) */
	public Duration oldestPendingWork() {
		return Duration.ZERO;
	}

	protected final void runTick() {
		try {
			tick();
			this.lastSuccessfulTick = Instant.now();
			this.lastSuccessfulTickNanos = System.nanoTime();
		}
		catch (RuntimeException ex) {
			LOG.warn("{} check failed", this.threadName, ex);
		}
	}

	@Override
	public synchronized void start() {
		this.lastSuccessfulTickNanos = System.nanoTime();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::runTick, 1, 1, TimeUnit.SECONDS);
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
