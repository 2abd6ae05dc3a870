package fr.refactory.engine.state.query;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of variables: values are JSON text and never truncated. */
@Component
@ConditionalOnEmbeddedEngine
public class VariableQueries {

	private static final Search SEARCH = new Search("engine_variable", "variable_key")
		.field("variableKey", "variable_key", Type.KEY)
		.field("name", "name", Type.STRING)
		.field("value", "value", Type.STRING)
		.field("scopeKey", "scope_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING)
		.filter("isTruncated", "false", Type.BOOLEAN);

	private static final RowMapper<Variable> MAPPER = (rs, i) -> new Variable(rs.getString("name"),
			rs.getString("value"), false, "<default>", String.valueOf(rs.getLong("variable_key")),
			String.valueOf(rs.getLong("scope_key")), String.valueOf(rs.getLong("process_instance_key")));

	private final NamedParameterJdbcTemplate jdbc;

	VariableQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<Variable> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, MAPPER);
	}

	public Variable get(long key) {
		return this.jdbc.query("select * from engine_variable where variable_key = :key", Map.of("key", key), MAPPER)
			.stream()
			.findFirst()
			.orElseThrow(
					() -> Rejection.notFound("Expected to find a variable with key '" + key + "', but none was found"));
	}

	/** A variable search item. */
	public record Variable(String name, String value, boolean isTruncated, String tenantId, String variableKey,
			String scopeKey, String processInstanceKey) {
	}

}
