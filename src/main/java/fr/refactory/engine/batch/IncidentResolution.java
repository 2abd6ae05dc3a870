package fr.refactory.engine.batch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Incidents;
import fr.refactory.engine.Jobs;
import fr.refactory.engine.state.IncidentStore;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;

import org.springframework.stereotype.Component;

/**
 * {@code RESOLVE_INCIDENT}: each active incident of the instances the filter selects is
 * resolved as by its own request. A job incident whose job has no retries left first gets
 * one retry, through the same command as a job update: the batch is the operator's
 * "retry" after an outage, as in Operate (ADR 1041); the single resolution keeps
 * answering 409 for such a job.
 */
@Component
@ConditionalOnEmbeddedEngine
class IncidentResolution implements BatchItemExecutor {

	private final ProcessInstanceQueries queries;

	private final IncidentStore incidentStore;

	private final JobStore jobStore;

	private final Jobs jobs;

	private final Incidents incidents;

	IncidentResolution(ProcessInstanceQueries queries, IncidentStore incidentStore, JobStore jobStore, Jobs jobs,
			Incidents incidents) {
		this.queries = queries;
		this.incidentStore = incidentStore;
		this.jobStore = jobStore;
		this.jobs = jobs;
		this.incidents = incidents;
	}

	@Override
	public String operationType() {
		return "RESOLVE_INCIDENT";
	}

	@Override
	public List<Selected> select(JsonNode filter) {
		return this.queries.activeIncidents(filter);
	}

	@Override
	public void execute(Selected item, JsonNode parameters) {
		Map<String, Object> incident = this.incidentStore.find(item.itemKey());
		if ("ACTIVE".equals(incident.get("state")) && incident.get("job_key") instanceof Long jobKey) {
			this.jobStore.find(jobKey)
				.filter((job) -> job.retries() < 1)
				.ifPresent((job) -> this.jobs.update(jobKey, 1, null));
		}
		this.incidents.resolve(item.itemKey());
	}

}
