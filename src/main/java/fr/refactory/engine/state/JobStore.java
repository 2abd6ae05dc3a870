package fr.refactory.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs in {@code engine_job}: the only writer of the table. Each writing method applies
 * one job event, is named after it and appends it to the event log (ADR 1110); the reads
 * serve the commands that decide which event to emit.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobStore {

	private static final String ACTIVATE = "update engine_job j set state = 'ACTIVATED', worker = :worker,"
			+ " deadline = :deadline, retry_at = null where job_key in (select job_key from engine_job where type = :type"
			+ " and state = 'CREATED' and (retry_at is null or retry_at <= :now) order by job_key limit :max"
			+ " for update skip locked) returning j.*";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final KeyGenerator keys;

	private final EventLog events;

	private final EngineMetrics metrics;

	JobStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, KeyGenerator keys, EventLog events,
			EngineMetrics metrics) {
		this.jdbc = jdbc;
		this.named = named;
		this.keys = keys;
		this.events = events;
		this.metrics = metrics;
	}

	/** CREATED: an activatable job for the element instance; returns its key. */
	public long created(ElementInstance instance, int processDefinitionVersion, String type, int retries,
			String customHeaders, Timestamp now) {
		return created(instance, processDefinitionVersion, type, retries, customHeaders, now, Listener.NONE);
	}

	/**
	 * CREATED: an activatable job of a listener (or of the element itself for
	 * {@link Listener#NONE}).
	 */
	public long created(ElementInstance instance, int processDefinitionVersion, String type, int retries,
			String customHeaders, Timestamp now, Listener listener) {
		long key = this.keys.nextKey();
		this.jdbc.update(
				"insert into engine_job (job_key, type, state, retries, custom_headers, process_instance_key,"
						+ " element_instance_key, element_id, process_definition_key, process_definition_id,"
						+ " process_definition_version, creation_time, kind, listener_event_type, listener_index)"
						+ " values (?,?,'CREATED',?,?,?,?,?,?,?,?,?,?,?,?)",
				key, type, retries, customHeaders, instance.processInstanceKey(), instance.key(), instance.elementId(),
				instance.processDefinitionKey(), instance.processDefinitionId(), processDefinitionVersion, now,
				listener.kind(), listener.eventType(), listener.index());
		this.events.append(EngineEvent.about(instance, key, ValueType.JOB, Intent.CREATED, type));
		return key;
	}

	/**
	 * The jobs of the migrated element instance keep their keys, type, retries and state,
	 * and now refer to the target version's element (decision 1001).
	 */
	public void migrated(ElementInstance migrated, int processDefinitionVersion) {
		this.jdbc
			.queryForList("update engine_job set element_id = ?, process_definition_key = ?,"
					+ " process_definition_id = ?, process_definition_version = ? where element_instance_key = ?"
					+ " and state in ('CREATED', 'ACTIVATED', 'FAILED') returning job_key, type", migrated.elementId(),
					migrated.processDefinitionKey(), migrated.processDefinitionId(), processDefinitionVersion,
					migrated.key())
			.forEach((job) -> this.events.append(EngineEvent.about(migrated, ((Number) job.get("job_key")).longValue(),
					ValueType.JOB, Intent.MIGRATED, (String) job.get("type"))));
	}

	/** CANCELED: the open jobs of the element instance (it was terminated). */
	public void canceled(long elementInstanceKey) {
		this.jdbc
			.query("update engine_job set state = 'CANCELED' where element_instance_key = ?"
					+ " and state in ('CREATED', 'ACTIVATED', 'FAILED')"
					+ " returning job_key, process_instance_key, element_id, process_definition_id, type",
					(rs, row) -> new EngineEvent(rs.getLong(1), ValueType.JOB, Intent.CANCELED, rs.getLong(2),
							elementInstanceKey, rs.getString(3), Map.of(), rs.getString(4), rs.getString(5)),
					elementInstanceKey)
			.forEach(this.events::append);
	}

	/**
	 * Finds the job and locks the root instance of its process instance (the lock every
	 * command on it takes), in one statement; the job row is read after the lock, so a
	 * concurrent command on the same job is seen.
	 */
	public Optional<Job> lockForCommand(long jobKey) {
		List<Long> lockedRoots = this.jdbc.queryForList("select r.process_instance_key from engine_job j"
				+ " join engine_process_instance p on p.process_instance_key = j.process_instance_key"
				+ " join engine_process_instance r on r.process_instance_key = p.root_process_instance_key"
				+ " where j.job_key = ? for update of r", Long.class, jobKey);
		return lockedRoots.isEmpty() ? Optional.empty() : find(jobKey);
	}

	public Optional<Job> find(long jobKey) {
		return this.jdbc.query("select * from engine_job where job_key = ?", JobStore::map, jobKey)
			.stream()
			.findFirst();
	}

	public void completed(Job job) {
		this.jdbc.update("update engine_job set state = 'COMPLETED' where job_key = ?", job.key());
		this.events.append(job.event(Intent.COMPLETED));
	}

	/**
	 * Part of a task listener's COMPLETED: it denied its task's lifecycle transition with
	 * this reason (kept for the job search).
	 */
	public void denied(Job job, String deniedReason) {
		this.jdbc.update("update engine_job set denied = true, denied_reason = ? where job_key = ?", deniedReason,
				job.key());
	}

	/**
	 * FAILED: with retries left the job is activatable again, at once or after the
	 * back-off ({@code retryAt}); without, it waits for an incident's resolution.
	 */
	public void failed(Job job, int retries, String errorMessage, Timestamp retryAt) {
		if (retries > 0) {
			this.jdbc.update(
					"update engine_job set state = 'CREATED', retries = ?, error_message = ?, worker = null,"
							+ " deadline = null, retry_at = ? where job_key = ?",
					retries, errorMessage, retryAt, job.key());
		}
		else {
			this.jdbc.update("update engine_job set state = 'FAILED', retries = 0, error_message = ?, worker = null,"
					+ " deadline = null where job_key = ?", errorMessage, job.key());
		}
		this.events.append(job.event(Intent.FAILED));
	}

	public void errorThrown(Job job, String errorCode, String errorMessage) {
		this.jdbc.update("update engine_job set state = 'ERROR_THROWN', error_code = ?, error_message = ?,"
				+ " worker = null, deadline = null where job_key = ?", errorCode, errorMessage, job.key());
		this.events.append(job.event(Intent.ERROR_THROWN));
	}

	public void retriesUpdated(Job job, int retries) {
		this.jdbc.update("update engine_job set retries = ? where job_key = ?", retries, job.key());
		this.events.append(job.event(Intent.RETRIES_UPDATED));
	}

	/** TIMEOUT_UPDATED: an activated job's new deadline. */
	public void timeoutUpdated(Job job, Timestamp deadline) {
		this.jdbc.update("update engine_job set deadline = ? where job_key = ?", deadline, job.key());
	}

	/** The job's incident was resolved: it is activatable again. */
	public void incidentResolved(Job job) {
		this.jdbc.update("update engine_job set state = 'CREATED', retry_at = null where job_key = ?", job.key());
	}

	/**
	 * TIMED_OUT: activated jobs past their deadline become activatable again.
	 * @return the types of those jobs, one per job
	 */
	public List<String> timedOut(Timestamp now) {
		List<String> types = new ArrayList<>();
		this.jdbc
			.query("update engine_job set state = 'CREATED', worker = null, deadline = null"
					+ " where state = 'ACTIVATED' and deadline <= ? returning *", JobStore::map, now)
			.forEach((job) -> {
				this.events.append(job.event(Intent.TIMED_OUT));
				types.add(job.type());
			});
		return types;
	}

	/**
	 * RECURRED_AFTER_BACKOFF (not logged, like activation): jobs whose retry back-off
	 * elapsed lose it.
	 * @return the types of those jobs, one per job
	 */
	public List<String> recurredAfterBackoff(Timestamp now) {
		return this.jdbc.queryForList(
				"update engine_job set retry_at = null where state = 'CREATED'" + " and retry_at <= ? returning type",
				String.class, now);
	}

	/**
	 * ACTIVATED: up to {@code max} activatable jobs of the type for the worker (rows
	 * locked with SKIP LOCKED).
	 */
	public List<Job> activated(String type, String worker, Timestamp deadline, Timestamp now, int max) {
		Map<String, Object> params = Map.of("worker", worker, "deadline", deadline, "type", type, "now", now, "max",
				max);
		List<Job> activated = this.named.query(ACTIVATE, params, JobStore::map);
		// not an event (activation is the hot path, ADR 0270): counted here, where it
		// happens
		for (Job job : activated) {
			this.metrics.jobActivated(job.type(), now.getTime() - job.creationTime().getTime());
		}
		return activated;
	}

	/**
	 * YIELDED: activated jobs whose response never reached the worker are activatable
	 * again.
	 */
	public void yielded(List<Long> jobKeys) {
		this.named.update("update engine_job set state = 'CREATED', worker = null, deadline = null"
				+ " where state = 'ACTIVATED' and job_key in (:keys)", Map.of("keys", jobKeys));
	}

	/**
	 * The jobs of a deleted process definition go with it (resource deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_job where process_definition_key = ?", processDefinitionKey);
	}

	/**
	 * The current transaction commits without waiting for the disk: for activations,
	 * whose loss in a crash only makes the job activatable again (ADR 0231).
	 */
	public void commitWithoutWaitingForTheDisk() {
		this.jdbc.execute("set local synchronous_commit = off");
	}

	private static Job map(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("job_key"), rs.getString("type"), rs.getString("state"), rs.getInt("retries"),
				rs.getLong("process_instance_key"), rs.getLong("element_instance_key"), rs.getString("element_id"),
				rs.getLong("process_definition_key"), rs.getString("process_definition_id"),
				rs.getInt("process_definition_version"), rs.getString("custom_headers"),
				new Listener(rs.getString("kind"), rs.getString("listener_event_type"),
						rs.getObject("listener_index", Integer.class)),
				rs.getTimestamp("creation_time"));
	}

	/**
	 * What a job runs: the element's own work ({@link #NONE}), or the listener at
	 * {@code index} of the element's listeners of {@code eventType}.
	 *
	 * @param kind the job's kind on the wire: BPMN_ELEMENT, EXECUTION_LISTENER or
	 * TASK_LISTENER
	 * @param eventType the listener event type on the wire (START, END, COMPLETING...),
	 * UNSPECIFIED for BPMN_ELEMENT
	 */
	public record Listener(String kind, String eventType, Integer index) {

		public static final Listener NONE = new Listener("BPMN_ELEMENT", "UNSPECIFIED", null);

		public boolean isNone() {
			return "BPMN_ELEMENT".equals(this.kind);
		}

	}

	/** A job row. */
	public record Job(long key, String type, String state, int retries, long processInstanceKey,
			long elementInstanceKey, String elementId, long processDefinitionKey, String processDefinitionId,
			int processDefinitionVersion, String customHeaders, Listener listener, Timestamp creationTime) {

		EngineEvent event(Intent intent) {
			return new EngineEvent(this.key, ValueType.JOB, intent, this.processInstanceKey, this.elementInstanceKey,
					this.elementId, Map.of(), this.processDefinitionId, this.type);
		}

	}

}
