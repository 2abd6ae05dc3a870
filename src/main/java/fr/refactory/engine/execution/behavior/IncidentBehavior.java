package fr.refactory.engine.execution.behavior;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates incidents (the element stays active and waits) and resolves them. {@code retryPhase} tells the resolution
 * what to run again: the activation, the completion, or nothing (a job incident: the job becomes activatable).
 */
@Component
@ConditionalOnEmbeddedEngine
public class IncidentBehavior {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final RuntimeStore store;

	IncidentBehavior(JdbcTemplate jdbc, KeyGenerator keys, RuntimeStore store) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.store = store;
	}

	public long create(ElementInstance instance, String errorType, String message, String retryPhase, Long jobKey) {
		long key = this.keys.nextKey();
		this.jdbc.update("insert into engine_incident (incident_key, error_type, error_message, state,"
				+ " process_instance_key, process_definition_key, process_definition_id, element_id,"
				+ " element_instance_key, job_key, retry_phase, creation_time) values (?,?,?,'ACTIVE',?,?,?,?,?,?,?,?)",
				key, errorType, message == null ? "" : message, instance.processInstanceKey(),
				instance.processDefinitionKey(), instance.processDefinitionId(), instance.elementId(), instance.key(),
				jobKey, retryPhase, this.store.now());
		this.store.setIncident(instance.key(), key);
		return key;
	}

	public void resolve(long incidentKey, long elementInstanceKey) {
		this.jdbc.update("update engine_incident set state = 'RESOLVED' where incident_key = ?", incidentKey);
		this.store.setIncident(elementInstanceKey, null);
	}

	public void resolveAllOf(long elementInstanceKey) {
		this.jdbc.update("update engine_incident set state = 'RESOLVED' where element_instance_key = ?"
				+ " and state = 'ACTIVE'", elementInstanceKey);
	}

}
