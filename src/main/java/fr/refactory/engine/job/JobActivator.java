package fr.refactory.engine.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.VariableStore;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Activates up to N activatable jobs of a type in one transaction (rows locked with SKIP LOCKED). */
@Component
@ConditionalOnEmbeddedEngine
public class JobActivator {

	private static final String ACTIVATE = "update engine_job j set state = 'ACTIVATED', worker = :worker,"
			+ " deadline = :deadline, retry_at = null where job_key in (select job_key from engine_job where type = :type"
			+ " and state = 'CREATED' and (retry_at is null or retry_at <= :now) order by job_key limit :max"
			+ " for update skip locked) returning j.*";

	private final NamedParameterJdbcTemplate jdbc;

	private final VariableStore variables;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transaction;

	JobActivator(NamedParameterJdbcTemplate jdbc, VariableStore variables, ObjectMapper json, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.variables = variables;
		this.json = json;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	public List<ActivatedJob> activate(ActivationRequest request, int max) {
		return this.transaction.execute((status) -> {
			commitWithoutWaitingForTheDisk();
			return activateNow(request, max);
		});
	}

	/** Puts activated jobs whose response never reached the worker back to activatable. */
	public void release(List<Long> jobKeys) {
		this.transaction.executeWithoutResult((status) -> {
			commitWithoutWaitingForTheDisk();
			this.jdbc.update("update engine_job set state = 'CREATED', worker = null, deadline = null"
					+ " where state = 'ACTIVATED' and job_key in (:keys)", Map.of("keys", jobKeys));
		});
	}

	/**
	 * An activation (or release) lost in a crash only makes the job activatable again, which job time-outs do anyway
	 * (delivery is at least once). PostgreSQL writes its log in order, so the durable commit of the job's completion
	 * also makes the activation before it durable. Saves one disk flush per activation (ADR 0231).
	 */
	private void commitWithoutWaitingForTheDisk() {
		this.jdbc.getJdbcTemplate().execute("set local synchronous_commit = off");
	}

	private List<ActivatedJob> activateNow(ActivationRequest request, int max) {
		long now = this.clock.millis();
		long deadline = now + request.timeout();
		Map<String, Object> params = Map.of("worker", request.workerName(), "deadline", new Timestamp(deadline),
				"type", request.type(), "now", new Timestamp(now), "max", max);
		List<ActivatedJob> jobs = new ArrayList<>();
		this.jdbc.query(ACTIVATE, params, (rs) -> {
			jobs.add(new ActivatedJob(String.valueOf(rs.getLong("job_key")), rs.getString("type"),
					rs.getString("process_definition_id"), rs.getInt("process_definition_version"),
					String.valueOf(rs.getLong("process_definition_key")),
					String.valueOf(rs.getLong("process_instance_key")), rs.getString("element_id"),
					String.valueOf(rs.getLong("element_instance_key")), headers(rs.getString("custom_headers")),
					request.workerName(), rs.getInt("retries"), deadline, null, "<default>", "BPMN_ELEMENT",
					"UNSPECIFIED", List.of()));
		});
		return jobs.stream().map((job) -> withVariables(job, request.fetchVariable())).toList();
	}

	private ActivatedJob withVariables(ActivatedJob job, List<String> fetch) {
		Map<String, Object> visible = this.variables.visible(Long.parseLong(job.elementInstanceKey()));
		Map<String, Object> selected = visible;
		if (fetch != null && !fetch.isEmpty()) {
			selected = new LinkedHashMap<>();
			for (String name : fetch) {
				if (visible.containsKey(name)) {
					selected.put(name, visible.get(name));
				}
			}
		}
		return new ActivatedJob(job.jobKey(), job.type(), job.processDefinitionId(), job.processDefinitionVersion(),
				job.processDefinitionKey(), job.processInstanceKey(), job.elementId(), job.elementInstanceKey(),
				job.customHeaders(), job.worker(), job.retries(), job.deadline(), selected, job.tenantId(), job.kind(),
				job.listenerEventType(), job.tags());
	}

	private Map<String, String> headers(String text) {
		try {
			return this.json.readValue(text, new TypeReference<Map<String, String>>() {
			});
		}
		catch (Exception ex) {
			return Map.of();
		}
	}

}
