package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of process instances and their taken sequence flows. */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstanceQueries {

	private static final String FROM = "(select p.*, d.version_tag, exists (select 1 from engine_incident i where"
			+ " i.process_instance_key = p.process_instance_key and i.state = 'ACTIVE') as has_incident"
			+ " from engine_process_instance p join engine_process_definition d"
			+ " on d.process_definition_key = p.process_definition_key) t";

	private static final String ACTIVE_INCIDENT = "exists (select 1 from engine_incident i where"
			+ " i.process_instance_key = t.process_instance_key and i.state = 'ACTIVE' and ";

	/** Any element instance of the process instance, whatever its state. */
	private static final String ELEMENT_INSTANCE = "exists (select 1 from engine_element_instance e where"
			+ " e.process_instance_key = t.process_instance_key and e.element_type <> 'PROCESS' and ";

	/**
	 * Filter fields that constrain one and the same element instance of the process
	 * instance.
	 */
	private static final List<String> ELEMENT_INSTANCE_FIELDS = List.of("elementId", "elementInstanceState",
			"hasElementInstanceIncident");

	/** Where {@link #combineElementInstanceFields} gathers them. */
	private static final String ELEMENT_INSTANCE_FILTER = "elementInstance";

	private static final Search SEARCH = new Search(FROM, "process_instance_key")
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("processDefinitionName", "process_definition_name", Type.STRING)
		.field("processDefinitionVersion", "process_definition_version", Type.INT)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("parentProcessInstanceKey", "parent_process_instance_key", Type.KEY)
		.field("parentElementInstanceKey", "parent_element_instance_key", Type.KEY)
		.field("startDate", "start_date", Type.DATE)
		.field("endDate", "end_date", Type.DATE)
		.field("state", "state", Type.STRING)
		.field("hasIncident", "has_incident", Type.BOOLEAN)
		.field("tenantId", "'<default>'", Type.STRING)
		.field("processDefinitionVersionTag", "version_tag", Type.STRING)
		.custom("variables", ProcessInstanceQueries::variables)
		.custom("tags", ProcessInstanceQueries::tags)
		.custom(ELEMENT_INSTANCE_FILTER, ProcessInstanceQueries::elementInstance)
		.custom("errorMessage",
				(value, params) -> exists(ACTIVE_INCIDENT, "i.error_message", Type.STRING, "errorMessage", value,
						params))
		.custom("incidentErrorHashCode",
				(value, params) -> exists(ACTIVE_INCIDENT, "i.error_message_hash", Type.INT, "incidentErrorHashCode",
						value, params))
		.custom("hasRetriesLeft", ProcessInstanceQueries::hasRetriesLeft);

	/**
	 * A job that failed and is waiting for its next attempt: retries left, an error
	 * message and no BPMN error.
	 */
	private static final String FAILED_JOB_WITH_RETRIES = "exists (select 1 from engine_job j where"
			+ " j.process_instance_key = t.process_instance_key and j.state in ('CREATED', 'ACTIVATED')"
			+ " and j.retries > 0 and j.error_message is not null and j.error_code is null)";

	/**
	 * Counts per element id. A multi-instance body counts only when it holds the
	 * incident: its inner instances are the element's instances. Served by the index
	 * engine_element_instance_statistics (V084).
	 */
	private static final String ELEMENT_COUNTS = "select e.element_id,"
			+ " count(*) filter (where e.state = 'ACTIVE' and e.incident_key is null"
			+ " and e.element_type <> 'MULTI_INSTANCE_BODY') as active,"
			+ " count(*) filter (where e.state = 'TERMINATED' and e.element_type <> 'MULTI_INSTANCE_BODY') as canceled,"
			+ " count(*) filter (where e.state = 'ACTIVE' and e.incident_key is not null) as incidents,"
			+ " count(*) filter (where e.state = 'COMPLETED' and e.element_type <> 'MULTI_INSTANCE_BODY') as completed"
			+ " from engine_element_instance e where e.element_type <> 'PROCESS' and ";

	private static final String BY_ELEMENT = " group by e.element_id order by e.element_id";

	private static final RowMapper<ElementStatistics> ELEMENT_STATISTICS = (rs, i) -> new ElementStatistics(
			rs.getString("element_id"), rs.getLong("active"), rs.getLong("canceled"), rs.getLong("incidents"),
			rs.getLong("completed"));

	private static final String CALL_CHAIN = "with recursive chain as ("
			+ " select process_instance_key, parent_process_instance_key, process_definition_key,"
			+ " process_definition_id, process_definition_name, 0 as depth"
			+ " from engine_process_instance where process_instance_key = :key"
			+ " union all select p.process_instance_key, p.parent_process_instance_key, p.process_definition_key,"
			+ " p.process_definition_id, p.process_definition_name, c.depth + 1"
			+ " from engine_process_instance p join chain c on p.process_instance_key = c.parent_process_instance_key)"
			+ " select * from chain order by depth desc";

	private final NamedParameterJdbcTemplate jdbc;

	ProcessInstanceQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<ProcessInstance> search(JsonNode body) {
		JsonNode request = body == null || !body.isObject() ? body
				: ((ObjectNode) body.deepCopy()).set("filter", combineElementInstanceFields(body.path("filter")));
		return SEARCH.run(this.jdbc, request, (rs, i) -> map(rs));
	}

	/**
	 * Element statistics of a process version over its instances that the
	 * process-instance filter matches (ADR 1020): per element id, its element instances
	 * active without an incident, canceled, in an incident, completed.
	 */
	public List<ElementStatistics> elementStatisticsOfDefinition(long definitionKey, JsonNode filter) {
		Map<String, Object> params = new java.util.HashMap<>(Map.of("definitionKey", definitionKey));
		String condition = SEARCH.condition(combineElementInstanceFields(filter), params);
		String instances = condition.isEmpty() ? "" : " and e.process_instance_key in (select t.process_instance_key"
				+ " from " + FROM + " where t.process_definition_key = :definitionKey and " + condition + ")";
		return this.jdbc.query(ELEMENT_COUNTS + "e.process_definition_key = :definitionKey" + instances + BY_ELEMENT,
				params, ELEMENT_STATISTICS);
	}

	/** Element statistics of one process instance (not of the instances it called). */
	public List<ElementStatistics> elementStatisticsOfInstance(long processInstanceKey) {
		get(processInstanceKey);
		return this.jdbc.query(ELEMENT_COUNTS + "e.process_instance_key = :key" + BY_ELEMENT,
				Map.of("key", processInstanceKey), ELEMENT_STATISTICS);
	}

	/**
	 * The instances that called this one through call activities: the root first, the
	 * instance itself last.
	 */
	public List<CallHierarchyEntry> callHierarchy(long processInstanceKey) {
		List<CallHierarchyEntry> chain = this.jdbc.query(CALL_CHAIN, Map.of("key", processInstanceKey), (rs, i) -> {
			String name = rs.getString("process_definition_name");
			return new CallHierarchyEntry(String.valueOf(rs.getLong("process_instance_key")),
					String.valueOf(rs.getLong("process_definition_key")),
					name == null ? rs.getString("process_definition_id") : name);
		});
		if (chain.isEmpty()) {
			throw Rejection.notFound(
					"Expected to find a process instance with key '" + processInstanceKey + "', but none was found");
		}
		return chain;
	}

	/**
	 * Gathers elementId, elementInstanceState and hasElementInstanceIncident (also in
	 * each {@code $or} branch) into one field: together they ask for one element instance
	 * that meets all of them, as Camunda's filter does.
	 */
	private static JsonNode combineElementInstanceFields(JsonNode filter) {
		if (!filter.isObject()) {
			return filter;
		}
		ObjectNode combined = ((ObjectNode) filter).deepCopy();
		ObjectNode element = combined.objectNode();
		for (String field : ELEMENT_INSTANCE_FIELDS) {
			JsonNode value = combined.remove(field);
			if (value != null && !value.isNull()) {
				element.set(field, value);
			}
		}
		if (!element.isEmpty()) {
			combined.set(ELEMENT_INSTANCE_FILTER, element);
		}
		JsonNode alternatives = combined.path("$or");
		if (alternatives.isArray()) {
			ArrayNode branches = combined.putArray("$or");
			alternatives.forEach((branch) -> branches.add(combineElementInstanceFields(branch)));
		}
		return combined;
	}

	private static String elementInstance(JsonNode element, Search.Params params) {
		List<String> conditions = new java.util.ArrayList<>();
		add(conditions, element.path("elementId"), "e.element_id", Type.STRING, "elementId", params);
		add(conditions, element.path("elementInstanceState"), "e.state", Type.STRING, "elementInstanceState", params);
		JsonNode incident = element.path("hasElementInstanceIncident");
		if (!incident.isMissingNode()) {
			if (!incident.isBoolean()) {
				throw Rejection.invalidArgument("Expected filter field 'hasElementInstanceIncident' to be a boolean,"
						+ " but got '" + incident + "'");
			}
			conditions.add("e.incident_key is " + (incident.asBoolean() ? "not null" : "null"));
		}
		return conditions.isEmpty() ? null : ELEMENT_INSTANCE + String.join(" and ", conditions) + ")";
	}

	private static void add(List<String> conditions, JsonNode value, String column, Type type, String field,
			Search.Params params) {
		if (!value.isMissingNode()) {
			String condition = new Operators(new Search.Column(column, type), params).sql(field, value);
			if (condition != null) {
				conditions.add(condition);
			}
		}
	}

	/**
	 * The active root instances the filter selects, in key order: what a cancellation
	 * batch works on. Its {@code state} and {@code parentProcessInstanceKey} are
	 * replaced, as Camunda 8.8 documents (only active root instances can be cancelled).
	 */
	public List<Selected> activeRootInstances(JsonNode filter) {
		com.fasterxml.jackson.databind.node.ObjectNode rootFilter = filter.deepCopy();
		rootFilter.remove(List.of("state", "parentProcessInstanceKey"));
		Map<String, Object> params = new java.util.HashMap<>();
		String keys = SEARCH.selectKeys(rootFilter, "state = 'ACTIVE' and parent_process_instance_key is null", params);
		return this.jdbc.query(keys + " order by 1", params, (rs, i) -> new Selected(rs.getLong(1), rs.getLong(1)));
	}

	/**
	 * The active instances the filter selects, in key order: what a migration batch works
	 * on. Its {@code state} is replaced (only active instances can be migrated); called
	 * instances are selected too, each is migrated on its own (ADR 1001).
	 */
	public List<Selected> activeInstances(JsonNode filter) {
		com.fasterxml.jackson.databind.node.ObjectNode activeFilter = filter.deepCopy();
		activeFilter.remove("state");
		Map<String, Object> params = new java.util.HashMap<>();
		String keys = SEARCH.selectKeys(activeFilter, "state = 'ACTIVE'", params);
		return this.jdbc.query(keys + " order by 1", params, (rs, i) -> new Selected(rs.getLong(1), rs.getLong(1)));
	}

	/**
	 * The active incidents of the instances the filter selects, in key order: what an
	 * incident-resolution batch works on.
	 */
	public List<Selected> activeIncidents(JsonNode filter) {
		Map<String, Object> params = new java.util.HashMap<>();
		String instances = SEARCH.selectKeys(filter, null, params);
		return this.jdbc.query(
				"select incident_key, process_instance_key from engine_incident where state = 'ACTIVE'"
						+ " and process_instance_key in (" + instances + ") order by incident_key",
				params, (rs, i) -> new Selected(rs.getLong(1), rs.getLong(2)));
	}

	public ProcessInstance get(long key) {
		return this.jdbc
			.query("select * from " + FROM + " where process_instance_key = :key", Map.of("key", key),
					(rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a process instance with key '" + key + "', but none was found"));
	}

	public List<SequenceFlow> sequenceFlows(long key) {
		get(key);
		return this.jdbc.query("select * from engine_sequence_flow where process_instance_key = :key order by id",
				Map.of("key", key),
				(rs, i) -> new SequenceFlow(rs.getString("process_instance_key") + "_" + rs.getString("flow_id"),
						String.valueOf(key), String.valueOf(rs.getLong("process_definition_key")),
						rs.getString("process_definition_id"), rs.getString("flow_id"), "<default>"));
	}

	private static String exists(String prefix, String column, Type type, String field, JsonNode value,
			Search.Params params) {
		String condition = new Operators(new Search.Column(column, type), params).sql(field, value);
		return condition == null ? null : prefix + condition + ")";
	}

	/** Instances carrying every given tag. */
	private static String tags(JsonNode value, Search.Params params) {
		if (!value.isArray()) {
			throw Rejection
				.invalidArgument("Expected filter field 'tags' to be an array of tags, but got '" + value + "'");
		}
		List<String> conditions = new java.util.ArrayList<>();
		value.forEach((tag) -> conditions.add(params.add(tag.asText()) + " = any(t.tags)"));
		return String.join(" and ", conditions);
	}

	private static String hasRetriesLeft(JsonNode value, Search.Params params) {
		if (!value.isBoolean()) {
			throw Rejection
				.invalidArgument("Expected filter field 'hasRetriesLeft' to be a boolean, but got '" + value + "'");
		}
		return value.asBoolean() ? FAILED_JOB_WITH_RETRIES : "not " + FAILED_JOB_WITH_RETRIES;
	}

	private static String variables(JsonNode value, Search.Params params) {
		StringBuilder sql = new StringBuilder();
		for (JsonNode variable : value) {
			String name = params.add(variable.path("name").asText());
			String condition = new Operators(new Search.Column("v.value", Type.STRING), params).sql("variables",
					variable.path("value"));
			sql.append(sql.length() == 0 ? "" : " and ")
				.append("exists (select 1 from engine_variable v where v.scope_key = t.process_instance_key and v.name = ")
				.append(name)
				.append(condition == null ? "" : " and " + condition)
				.append(")");
		}
		return sql.length() == 0 ? null : sql.toString();
	}

	private static ProcessInstance map(ResultSet rs) throws SQLException {
		String id = rs.getString("process_definition_id");
		String name = rs.getString("process_definition_name");
		return new ProcessInstance(String.valueOf(rs.getLong("process_instance_key")), id, name == null ? id : name,
				rs.getInt("process_definition_version"), rs.getString("version_tag"),
				String.valueOf(rs.getLong("process_definition_key")), Dates.format(rs.getTimestamp("start_date")),
				Dates.format(rs.getTimestamp("end_date")), rs.getString("state"), rs.getBoolean("has_incident"),
				"<default>", Dates.key((Long) rs.getObject("parent_process_instance_key")),
				Dates.key((Long) rs.getObject("parent_element_instance_key")), tags(rs));
	}

	private static List<String> tags(ResultSet rs) throws SQLException {
		java.sql.Array tags = rs.getArray("tags");
		return tags == null ? List.of() : java.util.Arrays.stream((String[]) tags.getArray()).sorted().toList();
	}

	/** {@code ProcessInstanceResult}. */
	public record ProcessInstance(String processInstanceKey, String processDefinitionId, String processDefinitionName,
			int processDefinitionVersion, String processDefinitionVersionTag, String processDefinitionKey,
			String startDate, String endDate, String state, boolean hasIncident, String tenantId,
			String parentProcessInstanceKey, String parentElementInstanceKey, List<String> tags) {
	}

	/**
	 * What a batch operation acts on: the item's key (an instance, an incident) and its
	 * process instance.
	 */
	public record Selected(long itemKey, long processInstanceKey) {
	}

	/** One taken sequence flow. */
	public record SequenceFlow(String sequenceFlowId, String processInstanceKey, String processDefinitionKey,
			String processDefinitionId, String elementId, String tenantId) {
	}

	/** {@code ProcessElementStatisticsResult}. */
	public record ElementStatistics(String elementId, long active, long canceled, long incidents, long completed) {
	}

	/**
	 * {@code ProcessInstanceCallHierarchyEntry}; the name falls back to the process id,
	 * as Camunda's does.
	 */
	public record CallHierarchyEntry(String processInstanceKey, String processDefinitionKey,
			String processDefinitionName) {
	}

}
