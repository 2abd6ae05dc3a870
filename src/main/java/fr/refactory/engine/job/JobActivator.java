package fr.refactory.engine.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activates up to N activatable jobs of a type in one transaction (rows locked with SKIP
 * LOCKED).
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobActivator {

	private final JobStore jobs;

	private final VariableStore variables;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ListenedTasks listenedTasks;

	JobActivator(JobStore jobs, VariableStore variables, ObjectMapper json, Clock clock,
			PlatformTransactionManager transactions, ListenedTasks listenedTasks) {
		this.listenedTasks = listenedTasks;
		this.jobs = jobs;
		this.variables = variables;
		this.json = json;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	public List<ActivatedJob> activate(ActivationRequest request, int max) {
		return this.transaction.execute((status) -> {
			// an activation lost in a crash only makes the job activatable again, which
			// job time-outs do anyway
			// (delivery is at least once); the durable commit of the job's completion
			// makes the activation before it
			// durable too. Saves one disk flush per activation (ADR 0231).
			this.jobs.commitWithoutWaitingForTheDisk();
			return activateNow(request, max);
		});
	}

	/**
	 * Puts activated jobs whose response never reached the worker back to activatable.
	 */
	public void release(List<Long> jobKeys) {
		this.transaction.executeWithoutResult((status) -> {
			this.jobs.commitWithoutWaitingForTheDisk();
			this.jobs.yielded(jobKeys);
		});
	}

	private List<ActivatedJob> activateNow(ActivationRequest request, int max) {
		long now = this.clock.millis();
		long deadline = now + request.timeout();
		List<ActivatedJob> jobs = this.jobs
			.activated(request.type(), request.workerName(), new Timestamp(deadline), new Timestamp(now), max)
			.stream()
			.map((job) -> new ActivatedJob(String.valueOf(job.key()), job.type(), job.processDefinitionId(),
					job.processDefinitionVersion(), String.valueOf(job.processDefinitionKey()),
					String.valueOf(job.processInstanceKey()), job.elementId(), String.valueOf(job.elementInstanceKey()),
					headers(job.customHeaders()), request.workerName(), job.retries(), deadline, null, "<default>",
					job.listener().kind(), job.listener().eventType(), List.of(), this.listenedTasks.of(job)))
			.toList();
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
				job.listenerEventType(), job.tags(), job.userTask());
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
