package fr.refactory.engine.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks once a second (on the engine clock) for activated jobs past their deadline and for elapsed retry
 * back-offs, and hands them to {@link Jobs#releaseDueJobs()}, which makes them activatable and wakes waiting workers.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobDeadlineChecker implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(JobDeadlineChecker.class);

	private final Jobs jobs;

	private ScheduledExecutorService scheduler;

	JobDeadlineChecker(Jobs jobs) {
		this.jobs = jobs;
	}

	/** Runs one check now (also used when the engine clock is moved). */
	public void checkNow() {
		try {
			this.jobs.releaseDueJobs();
		}
		catch (RuntimeException ex) {
			LOG.warn("Job deadline check failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "engine-job-deadlines");
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
