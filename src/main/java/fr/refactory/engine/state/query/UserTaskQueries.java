package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of user tasks and their linked forms. */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskQueries {

	private static final Search SEARCH = new Search("engine_user_task t", "user_task_key")
		.filter("userTaskKey", "user_task_key", Type.KEY)
		.field("state", "state", Type.STRING)
		.filter("assignee", "assignee", Type.STRING)
		.field("priority", "priority", Type.INT)
		.filter("elementId", "element_id", Type.STRING)
		.field("name", "name", Type.STRING)
		.filter("processDefinitionId", "process_definition_id", Type.STRING)
		.filter("processDefinitionKey", "process_definition_key", Type.KEY)
		.filter("processInstanceKey", "process_instance_key", Type.KEY)
		.filter("elementInstanceKey", "element_instance_key", Type.KEY)
		.filter("tenantId", "'<default>'", Type.STRING)
		.field("creationDate", "creation_date", Type.DATE)
		.field("completionDate", "completion_date", Type.DATE)
		.field("followUpDate", "follow_up_date", Type.DATE)
		.field("dueDate", "due_date", Type.DATE)
		.custom("candidateGroup", (value, params) -> contains("candidate_groups", value, params))
		.custom("candidateUser", (value, params) -> contains("candidate_users", value, params))
		.custom("processInstanceVariables", (value, params) -> variables("t.process_instance_key", value, params))
		.custom("localVariables", (value, params) -> variables("t.element_instance_key", value, params));

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	UserTaskQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public SearchResult<UserTask> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	public UserTask get(long key) {
		return this.jdbc
			.query("select * from engine_user_task where user_task_key = :key", Map.of("key", key), (rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a user task with key '" + key + "', but none was found"));
	}

	public Optional<Form> form(long key) {
		UserTask task = get(key);
		if (task.formKey() == null) {
			return Optional.empty();
		}
		return formByKey(Long.parseLong(task.formKey()));
	}

	/** A deployed form version by its key. */
	public Optional<Form> formByKey(long formKey) {
		return this.jdbc
			.query("select * from engine_form where form_key = :key", Map.of("key", formKey), (rs, i) -> mapForm(rs))
			.stream()
			.findFirst();
	}

	private static Form mapForm(ResultSet rs) throws SQLException {
		return new Form(String.valueOf(rs.getLong("form_key")), rs.getString("form_id"), rs.getLong("version"),
				rs.getString("form_schema"), "<default>");
	}

	private static String contains(String column, JsonNode value, Search.Params params) {
		if (!value.isObject()) {
			return column + " @> jsonb_build_array(" + params.add(value.asText()) + ")";
		}
		List<String> parts = new ArrayList<>();
		value.fields().forEachRemaining((operator) -> {
			JsonNode operand = operator.getValue();
			switch (operator.getKey()) {
				case "$eq" -> parts.add(column + " @> jsonb_build_array(" + params.add(operand.asText()) + ")");
				case "$in" -> {
					List<String> any = new ArrayList<>();
					operand.forEach((v) -> any.add(column + " @> jsonb_build_array(" + params.add(v.asText()) + ")"));
					if (!any.isEmpty()) {
						parts.add("(" + String.join(" or ", any) + ")");
					}
				}
				case "$exists" ->
					parts.add("jsonb_array_length(" + column + ")" + (operand.asBoolean() ? " > 0" : " = 0"));
				case "$notIn", "$neq" -> {
					operand.forEach((v) -> parts
						.add("not " + column + " @> jsonb_build_array(" + params.add(v.asText()) + ")"));
					if (operand.isTextual()) {
						parts.add("not " + column + " @> jsonb_build_array(" + params.add(operand.asText()) + ")");
					}
				}
				default -> throw Rejection.invalidArgument("Expected a supported operator for a candidate filter,"
						+ " but got '" + operator.getKey() + "'");
			}
		});
		return parts.isEmpty() ? null : String.join(" and ", parts);
	}

	private static String variables(String scopeColumn, JsonNode value, Search.Params params) {
		List<String> parts = new ArrayList<>();
		for (JsonNode variable : value) {
			String condition = new Operators(new Search.Column("v.value", Type.STRING), params).sql("variables",
					variable.path("value"));
			parts.add("exists (select 1 from engine_variable v where v.scope_key = " + scopeColumn + " and v.name = "
					+ params.add(variable.path("name").asText()) + (condition == null ? "" : " and " + condition)
					+ ")");
		}
		return parts.isEmpty() ? null : String.join(" and ", parts);
	}

	private UserTask map(ResultSet rs) throws SQLException {
		Long formKey = (Long) rs.getObject("form_key");
		return new UserTask(String.valueOf(rs.getLong("user_task_key")), rs.getString("name"), rs.getString("state"),
				rs.getString("assignee"), rs.getString("element_id"),
				String.valueOf(rs.getLong("element_instance_key")),
				read(rs.getString("candidate_groups"), new TypeReference<List<String>>() {
				}), read(rs.getString("candidate_users"), new TypeReference<List<String>>() {
				}), rs.getString("process_definition_id"), String.valueOf(rs.getLong("process_definition_key")),
				rs.getInt("process_definition_version"), String.valueOf(rs.getLong("process_instance_key")),
				rs.getString("process_definition_id"), Dates.format(rs.getTimestamp("creation_date")),
				Dates.format(rs.getTimestamp("completion_date")), Dates.format(rs.getTimestamp("follow_up_date")),
				Dates.format(rs.getTimestamp("due_date")), "<default>",
				read(rs.getString("custom_headers"), new TypeReference<Map<String, String>>() {
				}), rs.getInt("priority"), Dates.key(formKey));
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return this.json.readValue(text, type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code UserTaskResult}. */
	public record UserTask(String userTaskKey, String name, String state, String assignee, String elementId,
			String elementInstanceKey, List<String> candidateGroups, List<String> candidateUsers,
			String processDefinitionId, String processDefinitionKey, int processDefinitionVersion,
			String processInstanceKey, String processName, String creationDate, String completionDate,
			String followUpDate, String dueDate, String tenantId, Map<String, String> customHeaders, int priority,
			String formKey) {
	}

	/** {@code FormResult}: the schema is the form's JSON text. */
	public record Form(String formKey, String formId, long version, String schema, String tenantId) {
	}

}
