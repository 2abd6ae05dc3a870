package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.LogKeys;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CompletionBehavior;
import fr.refactory.engine.execution.behavior.ErrorEvents;
import fr.refactory.engine.execution.behavior.ExecutionListenerBehavior;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.execution.behavior.TaskListenerBehavior;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.model.ExecutionListener;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.JobStore.Job;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job commands from workers: complete, fail, throw error, update retries and time-out.
 */
@Component
@ConditionalOnEmbeddedEngine
public class Jobs {

	private final JobStore jobs;

	private final ProcessExecutor executor;

	private final IncidentBehavior incidents;

	private final JobWaiters waiters;

	private final Clock clock;

	private final ErrorEvents errors;

	private final UserTasks userTasks;

	private final CompletionBehavior completion;

	Jobs(JobStore jobs, ProcessExecutor executor, IncidentBehavior incidents, JobWaiters waiters, Clock clock,
			ErrorEvents errors, UserTasks userTasks, CompletionBehavior completion) {
		this.userTasks = userTasks;
		this.completion = completion;
		this.jobs = jobs;
		this.executor = executor;
		this.incidents = incidents;
		this.waiters = waiters;
		this.clock = clock;
		this.errors = errors;
	}

	@Transactional
	public void complete(long jobKey, Map<String, Object> variables) {
		complete(jobKey, variables, null);
	}

	/**
	 * Completes the job; {@code result} is a task listener's (denial, corrections), null
	 * for other jobs.
	 */
	@Transactional
	public void complete(long jobKey, Map<String, Object> variables, UserTasks.ListenerResult result) {
		try (LogKeys.Scope keys = LogKeys.job(jobKey)) {
			completeJob(jobKey, variables, result);
		}
	}

	private void completeJob(long jobKey, Map<String, Object> variables, UserTasks.ListenerResult result) {
		Job job = lockedJob(jobKey, "complete");
		requireState(job, "complete", "CREATED", "ACTIVATED");
		this.jobs.completed(job);
		if (TaskListenerBehavior.KIND.equals(job.listener().kind())) {
			completeTaskListener(job, variables, result);
			return;
		}
		Execution execution = this.executor.begin();
		if (ExecutionListenerBehavior.KIND.equals(job.listener().kind())) {
			this.executor.executionListenerCompleted(execution, element(job),
					ExecutionListener.EventType.valueOf(job.listener().eventType()), job.listener().index(), variables);
			this.executor.drain(execution);
			return;
		}
		this.completion.complete(this.executor.context(execution, element(job)), variables);
	}

	private void completeTaskListener(Job job, Map<String, Object> variables, UserTasks.ListenerResult result) {
		if (variables != null && !variables.isEmpty()) {
			throw Rejection.invalidArgument("Expected to complete task listener job with key '" + job.key()
					+ "' without variables, but got " + variables.keySet() + "; task listeners cannot set variables");
		}
		UserTasks.ListenerResult given = result == null ? new UserTasks.ListenerResult(false, null, Map.of()) : result;
		if (given.denied()) {
			this.jobs.denied(job, given.deniedReason());
		}
		this.userTasks.taskListenerCompleted(job, given);
	}

	@Transactional
	public void fail(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables) {
		try (LogKeys.Scope keys = LogKeys.job(jobKey)) {
			failJob(jobKey, retries, errorMessage, retryBackOff, variables);
		}
	}

	private void failJob(long jobKey, int retries, String errorMessage, long retryBackOff,
			Map<String, Object> variables) {
		Job job = lockedJob(jobKey, "fail");
		requireState(job, "fail", "CREATED", "ACTIVATED");
		ElementInstance element = element(job);
		Timestamp retryAt = (retries > 0 && retryBackOff > 0) ? new Timestamp(this.clock.millis() + retryBackOff)
				: null;
		this.jobs.failed(job, retries, errorMessage, retryAt);
		setLocal(element, variables);
		if (retries > 0) {
			if (retryAt == null) {
				this.executor.begin().afterCommit(() -> this.waiters.jobsAvailable(job.type()));
			}
			return;
		}
		String message = (errorMessage == null || errorMessage.isBlank()) ? "No more retries left." : errorMessage;
		this.incidents.create(element, "JOB_NO_RETRIES", message, null, jobKey);
	}

	@Transactional
	public void throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
		try (LogKeys.Scope keys = LogKeys.job(jobKey)) {
			throwJobError(jobKey, errorCode, errorMessage, variables);
		}
	}

	private void throwJobError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
		if (errorCode == null || errorCode.isBlank()) {
			throw Rejection.invalidArgument("Expected a non-empty errorCode, but got none");
		}
		Job job = lockedJob(jobKey, "throw an error for");
		requireState(job, "throw an error for", "CREATED", "ACTIVATED");
		if (!job.listener().isNone()) {
			throw Rejection.invalidState("Expected to throw an error for job with key '" + jobKey + "', but it is a "
					+ job.listener().kind() + " job, which cannot throw a BPMN error");
		}
		ElementInstance element = element(job);
		this.jobs.errorThrown(job, errorCode, errorMessage);
		Execution execution = this.executor.begin();
		if (this.errors.throwError(this.executor.context(execution, element), errorCode, variables)) {
			this.executor.drain(execution);
			return;
		}
		setLocal(element, variables);
		this.incidents.create(element, "UNHANDLED_ERROR_EVENT", ErrorEvents.uncaughtMessage(errorCode, errorMessage),
				null, jobKey);
	}

	@Transactional
	public void update(long jobKey, Integer retries, Long timeout) {
		Job job = lockedJob(jobKey, "update");
		requireState(job, "update", "CREATED", "ACTIVATED", "FAILED", "ERROR_THROWN");
		if (retries != null) {
			if (retries < 1) {
				throw Rejection.invalidArgument("Expected retries to be greater than zero, but got " + retries);
			}
			this.jobs.retriesUpdated(job, retries);
		}
		if (timeout != null) {
			if (!"ACTIVATED".equals(job.state())) {
				throw Rejection.invalidState("Expected to update the timeout of an activated job with key '" + jobKey
						+ "', but it is in state '" + job.state() + "'");
			}
			this.jobs.timeoutUpdated(job, new Timestamp(this.clock.millis() + timeout));
		}
	}

	/**
	 * Activated jobs past their deadline become activatable again, and jobs whose retry
	 * back-off elapsed are announced; both are woken after the commit.
	 * @return the job types that became activatable
	 */
	@Transactional
	public List<String> releaseDueJobs() {
		Timestamp now = new Timestamp(this.clock.millis());
		List<String> distinct = Stream
			.concat(this.jobs.timedOut(now).stream(), this.jobs.recurredAfterBackoff(now).stream())
			.distinct()
			.toList();
		Execution execution = this.executor.begin();
		distinct.forEach((type) -> execution.afterCommit(() -> this.waiters.jobsAvailable(type)));
		return distinct;
	}

	private Job lockedJob(long jobKey, String action) {
		return this.jobs.lockForCommand(jobKey).orElseThrow(() -> notFound(jobKey, action));
	}

	private void setLocal(ElementInstance element, Map<String, Object> variables) {
		if (variables != null) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(element.key(), element.processInstanceKey(), name, value));
		}
	}

	private static void requireState(Job job, String action, String... allowed) {
		if (List.of(allowed).contains(job.state())) {
			return;
		}
		if (List.of("COMPLETED", "CANCELED", "ERROR_THROWN").contains(job.state())) {
			throw notFound(job.key(), action);
		}
		throw Rejection.invalidState("Expected to " + action + " job with key '" + job.key() + "', but it is in state '"
				+ job.state() + "'");
	}

	private static Rejection notFound(long jobKey, String action) {
		return Rejection
			.notFound("Expected to " + action + " job with key '" + jobKey + "', but no such job was found");
	}

	private ElementInstance element(Job job) {
		return this.executor.store().elementInstance(job.elementInstanceKey()).orElseThrow();
	}

}
