package fr.refactory.engine.job;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Jobs;
import fr.refactory.engine.clock.PeriodicCheck;

import org.springframework.stereotype.Component;

/**
 * Checks once a second (on the engine clock) for activated jobs past their deadline and
 * for elapsed retry back-offs, and hands them to {@link Jobs#releaseDueJobs()}, which
 * makes them activatable (two updates, no process work) and wakes waiting workers on
 * their own dispatcher thread.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobDeadlineChecker extends PeriodicCheck {

	private final Jobs jobs;

	JobDeadlineChecker(Jobs jobs) {
		super("engine-job-deadlines");
		this.jobs = jobs;
	}

	@Override
	protected void tick() {
		this.jobs.releaseDueJobs();
	}

}
