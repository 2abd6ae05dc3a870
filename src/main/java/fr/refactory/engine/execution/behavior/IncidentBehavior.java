package fr.refactory.engine.execution.behavior;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.EngineEvent;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.ValueType;
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

	private final EventLog events;

	IncidentBehavior(JdbcTemplate jdbc, KeyGenerator keys, RuntimeStore store, EventLog events) {
		this.events = events;
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
		this.events.append(EngineEvent.about(instance, key, ValueType.INCIDENT, Intent.CREATED));
		return key;
	}

	public void resolve(long incidentKey, long elementInstanceKey) {
		this.jdbc.query("update engine_incident set state = 'RESOLVED' where incident_key = ?"
				+ " returning incident_key, process_instance_key, element_instance_key, element_id", this::resolved,
				incidentKey)
			.forEach(this.events::append);
		this.store.setIncident(elementInstanceKey, null);
	}

	public void resolveAllOf(long elementInstanceKey) {
		this.jdbc.query("update engine_incident set state = 'RESOLVED' where element_instance_key = ?"
				+ " and state = 'ACTIVE' returning incident_key, process_instance_key, element_instance_key, element_id",
				this::resolved, elementInstanceKey)
			.forEach(this.events::append);
	}

	private EngineEvent resolved(ResultSet rs, int row) throws SQLException {
		return new EngineEvent(rs.getLong(1), ValueType.INCIDENT, Intent.RESOLVED, rs.getLong(2), rs.getLong(3),
				rs.getString(4), Map.of());
	}

}
