package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of incidents. */
@Component
@ConditionalOnEmbeddedEngine
public class IncidentQueries {

	private static final Search SEARCH = new Search("engine_incident", "incident_key")
		.field("incidentKey", "incident_key", Type.KEY)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("errorType", "error_type", Type.STRING)
		.field("errorMessage", "error_message", Type.STRING)
		.field("elementId", "element_id", Type.STRING)
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("creationTime", "creation_time", Type.DATE)
		.field("state", "state", Type.STRING)
		.field("jobKey", "job_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	IncidentQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<Incident> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	public SearchResult<Incident> searchOfProcessInstance(long processInstanceKey, JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs), "process_instance_key = :_pi",
				Map.of("_pi", processInstanceKey));
	}

	public Incident get(long key) {
		return this.jdbc
			.query("select * from engine_incident where incident_key = :key", Map.of("key", key), (rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find an incident with key '" + key + "', but none was found"));
	}

	private static Incident map(ResultSet rs) throws SQLException {
		return new Incident(String.valueOf(rs.getLong("incident_key")), rs.getString("process_definition_id"),
				String.valueOf(rs.getLong("process_definition_key")),
				String.valueOf(rs.getLong("process_instance_key")), rs.getString("error_type"),
				rs.getString("error_message"), rs.getString("element_id"),
				String.valueOf(rs.getLong("element_instance_key")), Dates.format(rs.getTimestamp("creation_time")),
				rs.getString("state"), Dates.key((Long) rs.getObject("job_key")), "<default>");
	}

	/** {@code IncidentResult}. */
	public record Incident(String incidentKey, String processDefinitionId, String processDefinitionKey,
			String processInstanceKey, String errorType, String errorMessage, String elementId,
			String elementInstanceKey, String creationTime, String state, String jobKey, String tenantId) {
	}

}
