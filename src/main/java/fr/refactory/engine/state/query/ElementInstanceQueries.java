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

/**
 * Read model of element instances. The process instance's own row (type PROCESS) is kept
 * by the engine (scope of the root variables, parent of the elements) but, as in Camunda
 * 8.8, is not an element instance of the API: neither searched nor fetched
 * (docs/decisions/0245).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ElementInstanceQueries {

	private static final String FROM = "engine_element_instance";

	private static final String NOT_THE_PROCESS = "element_type <> 'PROCESS'";

	private static final Search SEARCH = new Search(FROM, "element_instance_key")
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("elementId", "element_id", Type.STRING)
		.field("elementName", "element_name", Type.STRING)
		.field("type", "element_type", Type.STRING)
		.field("state", "state", Type.STRING)
		.field("startDate", "start_date", Type.DATE)
		.field("endDate", "end_date", Type.DATE)
		.field("incidentKey", "incident_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING)
		.filter("hasIncident", "(incident_key is not null)", Type.BOOLEAN)
		.filter("elementInstanceScopeKey", "flow_scope_key", Type.KEY);

	private final NamedParameterJdbcTemplate jdbc;

	ElementInstanceQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<ElementInstance> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs), NOT_THE_PROCESS, Map.of());
	}

	public ElementInstance get(long key) {
		return this.jdbc
			.query("select * from " + FROM + " where element_instance_key = :key and " + NOT_THE_PROCESS,
					Map.of("key", key), (rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find an element instance with key '" + key + "', but none was found"));
	}

	private static ElementInstance map(ResultSet rs) throws SQLException {
		Long incident = (Long) rs.getObject("incident_key");
		return new ElementInstance(String.valueOf(rs.getLong("element_instance_key")),
				String.valueOf(rs.getLong("process_instance_key")),
				String.valueOf(rs.getLong("process_definition_key")), rs.getString("process_definition_id"),
				rs.getString("element_id"), rs.getString("element_name"), rs.getString("element_type"),
				rs.getString("state"), incident != null, Dates.format(rs.getTimestamp("start_date")),
				Dates.format(rs.getTimestamp("end_date")), Dates.key(incident), "<default>");
	}

	/** {@code ElementInstanceResult}. */
	public record ElementInstance(String elementInstanceKey, String processInstanceKey, String processDefinitionKey,
			String processDefinitionId, String elementId, String elementName, String type, String state,
			boolean hasIncident, String startDate, String endDate, String incidentKey, String tenantId) {
	}

}
