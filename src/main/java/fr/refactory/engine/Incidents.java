package fr.refactory.engine;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.job.JobWaiters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves incidents: the element continues where it failed (activation or completion is run again); a job incident
 * makes the job activatable again, which needs retries left.
 */
@Component
@ConditionalOnEmbeddedEngine
public class Incidents {

	private final JdbcTemplate jdbc;

	private final ProcessExecutor executor;

	private final IncidentBehavior incidents;

	private final JobWaiters waiters;

	Incidents(JdbcTemplate jdbc, ProcessExecutor executor, IncidentBehavior incidents, JobWaiters waiters) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.incidents = incidents;
		this.waiters = waiters;
	}

	@Transactional
	public void resolve(long incidentKey) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select process_instance_key from engine_incident where incident_key = ?", incidentKey);
		if (rows.isEmpty()) {
			throw notFound(incidentKey);
		}
		this.executor.store().lockRoot((Long) rows.get(0).get("process_instance_key"));
		Map<String, Object> incident = this.jdbc.queryForMap("select * from engine_incident where incident_key = ?",
				incidentKey);
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
		else {
			this.executor.queueActivate(execution, elementInstanceKey);
		}
		this.incidents.resolve(incidentKey, elementInstanceKey);
		this.executor.drain(execution);
	}

	private void reactivateJob(Execution execution, long incidentKey, long jobKey) {
		Map<String, Object> job = this.jdbc.queryForMap("select type, retries from engine_job where job_key = ?",
				jobKey);
		if ((Integer) job.get("retries") < 1) {
			throw Rejection.invalidState("Expected to resolve incident with key '" + incidentKey
					+ "', but the job with key '" + jobKey + "' has no retries left; update the job's retries first");
		}
		this.jdbc.update("update engine_job set state = 'CREATED', retry_at = null where job_key = ?", jobKey);
		String type = (String) job.get("type");
		execution.afterCommit(() -> this.waiters.jobsAvailable(type));
	}

	private static Rejection notFound(long incidentKey) {
		return Rejection.notFound("Expected to resolve incident with key '" + incidentKey
				+ "', but no such incident was found");
	}

}
