package fr.refactory.engine.state.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Search.Type;
import fr.refactory.engine.state.query.VariableQueries.Variable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code POST /v2/user-tasks/{key}/variables/search}: every variable visible from the
 * task's element instance — its local variables and those of each enclosing scope up to
 * the process instance. As in Camunda 8.8, a name set at several levels is returned once
 * per level (no shadowing); without a sort, the innermost scope comes first, then names
 * in order (docs/decisions/0248).
 */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskVariableQueries {

	/**
	 * The task's element instance and its flow scopes, depth 0 being the task itself;
	 * same process instance only.
	 */
	private static final String FROM = "(with recursive scopes(scope_key, depth) as ("
			+ " select element_instance_key, 0 from engine_user_task where user_task_key = :_task"
			+ " union all select e.flow_scope_key, s.depth + 1 from scopes s join engine_element_instance e"
			+ " on e.element_instance_key = s.scope_key where e.flow_scope_key is not null and s.depth < 1000)"
			+ " select v.*, s.depth from engine_variable v join scopes s on v.scope_key = s.scope_key"
			+ " where v.process_instance_key = :_instance) t";

	private static final Search SEARCH = new Search(FROM, "depth, name, variable_key")
		.filter("name", "name", Type.STRING)
		.sortable("value", "value")
		.sortable("name", "name")
		.sortable("tenantId", "'<default>'")
		.sortable("variableKey", "variable_key")
		.sortable("scopeKey", "scope_key")
		.sortable("processInstanceKey", "process_instance_key");

	private static final RowMapper<Variable> MAPPER = (rs, i) -> new Variable(rs.getString("name"),
			rs.getString("value"), false, "<default>", String.valueOf(rs.getLong("variable_key")),
			String.valueOf(rs.getLong("scope_key")), String.valueOf(rs.getLong("process_instance_key")));

	private final NamedParameterJdbcTemplate jdbc;

	UserTaskVariableQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<Variable> search(long userTaskKey, JsonNode body) {
		List<Long> instance = this.jdbc.queryForList(
				"select process_instance_key from engine_user_task where user_task_key = :key",
				Map.of("key", userTaskKey), Long.class);
		if (instance.isEmpty()) {
			throw Rejection.notFound("Expected to find a user task with key '" + userTaskKey + "', but none was found");
		}
		return SEARCH.run(this.jdbc, body, MAPPER, null, Map.of("_task", userTaskKey, "_instance", instance.get(0)));
	}

}
