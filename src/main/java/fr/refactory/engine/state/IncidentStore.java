package fr.refactory.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents in {@code engine_incident}: the only writer of the table, appending the
 * incident's events.
 */
@Component
@ConditionalOnEmbeddedEngine
public class IncidentStore {

	private static final String RESOLVED_COLUMNS = "incident_key, process_instance_key, element_instance_key,"
			+ " element_id, process_definition_id, error_type";

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final EventLog events;

	IncidentStore(JdbcTemplate jdbc, KeyGenerator keys, EventLog events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	/** Creates an active incident on the element instance; returns its key. */
	public long create(ElementInstance instance, NewIncident incident) {
		long key = this.keys.nextKey();
		this.jdbc.update(
				"insert into engine_incident (incident_key, error_type, error_message, state,"
						+ " process_instance_key, process_definition_key, process_definition_id, element_id,"
						+ " element_instance_key, job_key, retry_phase, creation_time, error_message_hash)"
						+ " values (?,?,?,'ACTIVE',?,?,?,?,?,?,?,?,?)",
				key, incident.errorType(), incident.message() == null ? "" : incident.message(),
				instance.processInstanceKey(), instance.processDefinitionKey(), instance.processDefinitionId(),
				instance.elementId(), instance.key(), incident.jobKey(), incident.retryPhase(), incident.creationTime(),
				(incident.message() == null ? "" : incident.message()).hashCode());
		this.events.append(EngineEvent.about(instance, key, ValueType.INCIDENT, Intent.CREATED, incident.errorType()));
		return key;
	}

	/**
	 * The active incidents of the migrated element instance stay open and now refer to
	 * the target version.
	 */
	public void migrated(ElementInstance migrated) {
		this.jdbc
			.queryForList(
					"update engine_incident set element_id = ?, process_definition_key = ?,"
							+ " process_definition_id = ? where element_instance_key = ? and state = 'ACTIVE'"
							+ " returning incident_key, error_type",
					migrated.elementId(), migrated.processDefinitionKey(), migrated.processDefinitionId(),
					migrated.key())
			.forEach((incident) -> this.events
				.append(EngineEvent.about(migrated, ((Number) incident.get("incident_key")).longValue(),
						ValueType.INCIDENT, Intent.MIGRATED, (String) incident.get("error_type"))));
	}

	public void resolve(long incidentKey) {
		this.jdbc
			.query("update engine_incident set state = 'RESOLVED' where incident_key = ?" + " returning "
					+ RESOLVED_COLUMNS, IncidentStore::resolved, incidentKey)
			.forEach(this.events::append);
	}

	/** Resolves the element instance's active incidents (it was terminated). */
	public void resolveAllOf(long elementInstanceKey) {
		this.jdbc
			.query("update engine_incident set state = 'RESOLVED' where element_instance_key = ?"
					+ " and state = 'ACTIVE' returning " + RESOLVED_COLUMNS, IncidentStore::resolved,
					elementInstanceKey)
			.forEach(this.events::append);
	}

	public Optional<Long> processInstanceOf(long incidentKey) {
		List<Long> instances = this.jdbc.queryForList(
				"select process_instance_key from engine_incident where incident_key = ?", Long.class, incidentKey);
		return instances.stream().findFirst();
	}

	/** The incident's row, column by column. */
	public Map<String, Object> find(long incidentKey) {
		return this.jdbc.queryForMap("select * from engine_incident where incident_key = ?", incidentKey);
	}

	private static EngineEvent resolved(ResultSet rs, int row) throws SQLException {
		return new EngineEvent(rs.getLong(1), ValueType.INCIDENT, Intent.RESOLVED, rs.getLong(2), rs.getLong(3),
				rs.getString(4), Map.of(), rs.getString(5), rs.getString(6));
	}

	/**
	 * An incident to create; {@code retryPhase} tells the resolution what to run again
	 * (null for a job incident).
	 */
	public record NewIncident(String errorType, String message, String retryPhase, Long jobKey,
			Timestamp creationTime) {
	}

	/**
	 * The incidents of a deleted process definition go with it (resource deletion, ADR
	 * 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_incident where process_definition_key = ?", processDefinitionKey);
	}

}
