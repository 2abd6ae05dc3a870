package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.ErrorEvents;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.EngineEvent;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.ValueType;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job commands from workers: complete, fail, throw error, update retries and time-out. */
@Component
@ConditionalOnEmbeddedEngine
public class Jobs {

	private final JdbcTemplate jdbc;

	private final ProcessExecutor executor;

	private final IncidentBehavior incidents;

	private final JobWaiters waiters;

	private final Clock clock;

	private final ErrorEvents errors;

	private final EventLog events;

	Jobs(JdbcTemplate jdbc, ProcessExecutor executor, IncidentBehavior incidents, JobWaiters waiters, Clock clock,
			ErrorEvents errors, EventLog events) {
		this.events = events;
		this.jdbc = jdbc;
		this.executor = executor;
		this.incidents = incidents;
		this.waiters = waiters;
		this.clock = clock;
		this.errors = errors;
	}

	@Transactional
	public void complete(long jobKey, Map<String, Object> variables) {
		JobRow job = lockedJob(jobKey, "complete");
		requireState(job, "complete", "CREATED", "ACTIVATED");
		this.jdbc.update("update engine_job set state = 'COMPLETED' where job_key = ?", jobKey);
		this.events.append(job.event(Intent.COMPLETED));
		Execution execution = this.executor.begin();
		ElementContext context = this.executor.context(execution, element(job));
		this.executor.variableBehavior().mergeCompletionVariables(context, variables);
		this.executor.queueComplete(execution, job.elementInstanceKey(), null);
		this.executor.drain(execution);
	}

	@Transactional
	public void fail(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables) {
		JobRow job = lockedJob(jobKey, "fail");
		requireState(job, "fail", "CREATED", "ACTIVATED");
		ElementInstance element = element(job);
		this.events.append(job.event(Intent.FAILED));
		if (variables != null) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(element.key(), element.processInstanceKey(), name, value));
		}
		if (retries > 0) {
			Timestamp retryAt = retryBackOff > 0 ? new Timestamp(this.clock.millis() + retryBackOff) : null;
			this.jdbc.update("update engine_job set state = 'CREATED', retries = ?, error_message = ?, worker = null,"
					+ " deadline = null, retry_at = ? where job_key = ?", retries, errorMessage, retryAt, jobKey);
			if (retryAt == null) {
				this.executor.begin().afterCommit(() -> this.waiters.jobsAvailable(job.type()));
			}
			return;
		}
		this.jdbc.update("update engine_job set state = 'FAILED', retries = 0, error_message = ?, worker = null,"
				+ " deadline = null where job_key = ?", errorMessage, jobKey);
		String message = (errorMessage == null || errorMessage.isBlank()) ? "No more retries left." : errorMessage;
		this.incidents.create(element, "JOB_NO_RETRIES", message, null, jobKey);
	}

	@Transactional
	public void throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
		if (errorCode == null || errorCode.isBlank()) {
			throw Rejection.invalidArgument("Expected a non-empty errorCode, but got none");
		}
		JobRow job = lockedJob(jobKey, "throw an error for");
		requireState(job, "throw an error for", "CREATED", "ACTIVATED");
		ElementInstance element = element(job);
		this.jdbc.update("update engine_job set state = 'ERROR_THROWN', error_code = ?, error_message = ?,"
				+ " worker = null, deadline = null where job_key = ?", errorCode, errorMessage, jobKey);
		this.events.append(job.event(Intent.ERROR_THROWN));
		Execution execution = this.executor.begin();
		if (this.errors.throwError(this.executor.context(execution, element), errorCode, variables)) {
			this.executor.drain(execution);
			return;
		}
		if (variables != null) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(element.key(), element.processInstanceKey(), name, value));
		}
		this.incidents.create(element, "UNHANDLED_ERROR_EVENT", ErrorEvents.uncaughtMessage(errorCode, errorMessage),
				null, jobKey);
	}

	@Transactional
	public void update(long jobKey, Integer retries, Long timeout) {
		JobRow job = lockedJob(jobKey, "update");
		requireState(job, "update", "CREATED", "ACTIVATED", "FAILED", "ERROR_THROWN");
		if (retries != null) {
			if (retries < 1) {
				throw Rejection.invalidArgument("Expected retries to be greater than zero, but got " + retries);
			}
			this.jdbc.update("update engine_job set retries = ? where job_key = ?", retries, jobKey);
			this.events.append(job.event(Intent.RETRIES_UPDATED));
		}
		if (timeout != null) {
			if (!"ACTIVATED".equals(job.state())) {
				throw Rejection.invalidState("Expected to update the timeout of an activated job with key '" + jobKey
						+ "', but it is in state '" + job.state() + "'");
			}
			this.jdbc.update("update engine_job set deadline = ? where job_key = ?",
					new Timestamp(this.clock.millis() + timeout), jobKey);
		}
	}

	/**
	 * Activated jobs past their deadline become activatable again, and jobs whose retry back-off elapsed are
	 * announced; both are woken after the commit.
	 *
	 * @return the job types that became activatable
	 */
	@Transactional
	public List<String> releaseDueJobs() {
		Timestamp now = new Timestamp(this.clock.millis());
		List<String> types = new java.util.ArrayList<>(this.jdbc.queryForList("update engine_job set state = 'CREATED',"
				+ " worker = null, deadline = null where state = 'ACTIVATED' and deadline <= ? returning type",
				String.class, now));
		types.addAll(this.jdbc.queryForList("update engine_job set retry_at = null where state = 'CREATED'"
				+ " and retry_at <= ? returning type", String.class, now));
		List<String> distinct = types.stream().distinct().toList();
		Execution execution = this.executor.begin();
		distinct.forEach((type) -> execution.afterCommit(() -> this.waiters.jobsAvailable(type)));
		return distinct;
	}

	private JobRow lockedJob(long jobKey, String action) {
		// one statement finds and locks the root instance (the lock every command on it takes); the job row is read
		// after the lock, so a concurrent command on the same job is seen
		List<Long> lockedRoots = this.jdbc.queryForList("select r.process_instance_key from engine_job j"
				+ " join engine_process_instance p on p.process_instance_key = j.process_instance_key"
				+ " join engine_process_instance r on r.process_instance_key = p.root_process_instance_key"
				+ " where j.job_key = ? for update of r", Long.class, jobKey);
		if (lockedRoots.isEmpty()) {
			throw notFound(jobKey, action);
		}
		return this.jdbc.queryForObject("select job_key, type, state, element_instance_key, process_instance_key,"
				+ " element_id from engine_job where job_key = ?", (rs, i) -> new JobRow(rs.getLong(1),
						rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6)), jobKey);
	}

	private static void requireState(JobRow job, String action, String... allowed) {
		if (List.of(allowed).contains(job.state())) {
			return;
		}
		if (List.of("COMPLETED", "CANCELED", "ERROR_THROWN").contains(job.state())) {
			throw notFound(job.key(), action);
		}
		throw Rejection.invalidState("Expected to " + action + " job with key '" + job.key()
				+ "', but it is in state '" + job.state() + "'");
	}

	private static Rejection notFound(long jobKey, String action) {
		return Rejection.notFound("Expected to " + action + " job with key '" + jobKey
				+ "', but no such job was found");
	}

	private ElementInstance element(JobRow job) {
		return this.executor.store().elementInstance(job.elementInstanceKey()).orElseThrow();
	}

	private record JobRow(long key, String type, String state, long elementInstanceKey, long processInstanceKey,
			String elementId) {

		EngineEvent event(Intent intent) {
			return new EngineEvent(this.key, ValueType.JOB, intent, this.processInstanceKey, this.elementInstanceKey,
					this.elementId, Map.of());
		}

	}

}
