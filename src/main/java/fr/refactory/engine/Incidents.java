package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.execution.behavior.TaskListenerBehavior;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.state.IncidentStore;
import fr.refactory.engine.state.JobStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves incidents: the element continues where it failed (activation or completion is
 * run again); a job incident makes the job activatable again, which needs retries left.
 */
@Component
@ConditionalOnEmbeddedEngine
public class Incidents {

	private final IncidentStore incidentStore;

	private final ProcessExecutor executor;

	private final IncidentBehavior incidents;

	private final JobWaiters waiters;

	private final JobStore jobs;

	private final UserTasks userTasks;

	Incidents(IncidentStore incidentStore, ProcessExecutor executor, IncidentBehavior incidents, JobWaiters waiters,
			JobStore jobs, UserTasks userTasks) {
		this.userTasks = userTasks;
		this.jobs = jobs;
		this.incidentStore = incidentStore;
		this.executor = executor;
		this.incidents = incidents;
		this.waiters = waiters;
	}

	@Transactional
	public void resolve(long incidentKey) {
		long instance = this.incidentStore.processInstanceOf(incidentKey).orElseThrow(() -> notFound(incidentKey));
		this.executor.store().lockRoot(instance);
		Map<String, Object> incident = this.incidentStore.find(incidentKey);
		if (!"ACTIVE".equals(incident.get("state"))) {
			throw notFound(incidentKey);
		}
		long elementInstanceKey = (Long) incident.get("element_instance_key");
		Long jobKey = (Long) incident.get("job_key");
		Execution execution = this.executor.begin();
		if (jobKey != null) {
			reactivateJob(execution, incidentKey, jobKey);
		}
		else if ("COMPLETE".equals(incident.get("retry_phase"))) {
			this.executor.queueComplete(execution, elementInstanceKey, null);
		}
		else if (TaskListenerBehavior.RETRY_PHASE.equals(incident.get("retry_phase"))) {
			this.incidents.resolve(incidentKey, elementInstanceKey);
			this.userTasks.retryTaskListeners(elementInstanceKey);
			return;
		}
		else if (ProcessExecutor.RESUME_ACTIVATION.equals(incident.get("retry_phase"))) {
			this.executor.queueResumeActivation(execution, elementInstanceKey);
		}
		else {
			this.executor.queueActivate(execution, elementInstanceKey);
		}
		this.incidents.resolve(incidentKey, elementInstanceKey);
		this.executor.drain(execution);
	}

	private void reactivateJob(Execution execution, long incidentKey, long jobKey) {
		JobStore.Job job = this.jobs.find(jobKey).orElseThrow();
		if (job.retries() < 1) {
			throw Rejection.invalidState("Expected to resolve incident with key '" + incidentKey
					+ "', but the job with key '" + jobKey + "' has no retries left; update the job's retries first");
		}
		this.jobs.incidentResolved(job);
		execution.afterCommit(() -> this.waiters.jobsAvailable(job.type()));
	}

	private static Rejection notFound(long incidentKey) {
		return Rejection
			.notFound("Expected to resolve incident with key '" + incidentKey + "', but no such incident was found");
	}

}
