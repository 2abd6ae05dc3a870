package fr.refactory.engine.execution.behavior;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.EngineEvent;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.ValueType;
import fr.refactory.engine.state.VariableStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates the job of a job-worker element and cancels it when the element is terminated. */
@Component
@ConditionalOnEmbeddedEngine
public class JobBehavior {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final RuntimeStore store;

	private final VariableStore variables;

	private final JobWaiters waiters;

	private final EventLog events;

	JobBehavior(JdbcTemplate jdbc, KeyGenerator keys, RuntimeStore store, VariableStore variables,
			JobWaiters waiters, EventLog events) {
		this.events = events;
		this.jdbc = jdbc;
		this.keys = keys;
		this.store = store;
		this.variables = variables;
		this.waiters = waiters;
	}

	public void createJob(ElementContext context, JobDefinition definition) {
		boolean needsVariables = !definition.type().isStatic() || !definition.retries().isStatic();
		Map<String, Object> scope = needsVariables ? context.variables() : Map.of();
		String type = FeelExpressions.evaluateString(definition.type(), scope);
		int retries = retries(definition, FeelExpressions.evaluate(definition.retries(), scope));
		ElementInstance instance = context.instance();
		long key = this.keys.nextKey();
		this.jdbc.update("insert into engine_job (job_key, type, state, retries, custom_headers, process_instance_key,"
				+ " element_instance_key, element_id, process_definition_key, process_definition_id,"
				+ " process_definition_version, creation_time) values (?,?,'CREATED',?,?,?,?,?,?,?,?,?)",
				key, type, retries, this.variables.write(definition.headers()),
				instance.processInstanceKey(), instance.key(), instance.elementId(), instance.processDefinitionKey(),
				instance.processDefinitionId(), context.process().version(), this.store.now());
		this.events.append(EngineEvent.about(instance, key, ValueType.JOB, Intent.CREATED));
		context.execution().afterCommit(() -> this.waiters.jobsAvailable(type));
	}

	public void cancelJobs(long elementInstanceKey) {
		this.jdbc.query("update engine_job set state = 'CANCELED' where element_instance_key = ?"
				+ " and state in ('CREATED', 'ACTIVATED', 'FAILED') returning job_key, process_instance_key, element_id",
				(rs, row) -> new EngineEvent(rs.getLong(1), ValueType.JOB, Intent.CANCELED, rs.getLong(2),
						elementInstanceKey, rs.getString(3), Map.of()),
				elementInstanceKey)
			.forEach(this.events::append);
	}

	private static int retries(JobDefinition definition, Object value) {
		try {
			return (value instanceof Number number) ? number.intValue() : Integer.parseInt(String.valueOf(value).trim());
		}
		catch (NumberFormatException ex) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '"
					+ definition.retries() + "' to be a number, but was '" + value + "'");
		}
	}

}
