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

/** Read model of deployed processes. */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessDefinitionQueries {

	private static final String FROM = "(select d.*, d.version = (select max(o.version) from engine_process_definition o"
			+ " where o.process_definition_id = d.process_definition_id) as is_latest from engine_process_definition d) t";

	private static final Search SEARCH = new Search(FROM, "process_definition_key")
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("name", "name", Type.STRING)
		.field("resourceName", "resource_name", Type.STRING)
		.field("version", "version", Type.INT)
		.field("versionTag", "version_tag", Type.STRING)
		.field("tenantId", "'<default>'", Type.STRING)
		.filter("isLatestVersion", "is_latest", Type.BOOLEAN)
		.filter("hasStartForm", "has_start_form", Type.BOOLEAN);

	private final NamedParameterJdbcTemplate jdbc;

	ProcessDefinitionQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<ProcessDefinition> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	public ProcessDefinition get(long key) {
		return this.jdbc
			.query("select * from " + FROM + " where process_definition_key = :key", Map.of("key", key),
					(rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a process definition with key '" + key + "', but none was found"));
	}

	private static ProcessDefinition map(ResultSet rs) throws SQLException {
		String id = rs.getString("process_definition_id");
		String name = rs.getString("name");
		return new ProcessDefinition(String.valueOf(rs.getLong("process_definition_key")), id, name == null ? id : name,
				rs.getString("resource_name"), rs.getInt("version"), rs.getString("version_tag"), "<default>",
				rs.getBoolean("has_start_form"));
	}

	/** {@code ProcessDefinitionResult}. */
	public record ProcessDefinition(String processDefinitionKey, String processDefinitionId, String name,
			String resourceName, int version, String versionTag, String tenantId, boolean hasStartForm) {
	}

}
