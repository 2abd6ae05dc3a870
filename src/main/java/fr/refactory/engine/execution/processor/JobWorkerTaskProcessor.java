package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.JobBehavior;

import org.springframework.stereotype.Component;

/**
 * Service and send tasks (and job-based script and business-rule tasks): wait for a job
 * worker.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobWorkerTaskProcessor implements ElementProcessor {

	private final JobBehavior jobs;

	JobWorkerTaskProcessor(JobBehavior jobs) {
		this.jobs = jobs;
	}

	@Override
	public void onActivate(ElementContext context) {
		this.jobs.createJob(context, context.element().job());
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.jobs.cancelJobs(context.instance().key());
	}

}
