package fr.refactory.engine.clock;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Work the engine does once a second on its own daemon thread while the application runs (releasing due jobs,
 * firing due timers), and at once whenever the engine clock is moved ({@code /actuator/clock}).
 */
public abstract class PeriodicCheck implements SmartLifecycle {

	private final String threadName;

	private ScheduledExecutorService scheduler;

	protected PeriodicCheck(String threadName) {
		this.threadName = threadName;
	}

	/** Runs one check now; never throws, so the schedule keeps going. */
	public abstract void checkNow();

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::checkNow, 1, 1, TimeUnit.SECONDS);
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
