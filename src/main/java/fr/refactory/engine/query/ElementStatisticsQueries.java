package fr.refactory.engine.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Element statistics: per element id, how many of its element instances are active (without an incident), canceled,
 * in an incident, completed (ADR 1020). A multi-instance body counts only when it holds the incident; its inner
 * instances are the element's instances. Served by the index {@code engine_element_instance_statistics}.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ElementStatisticsQueries {

	private static final String COUNTS = "select e.element_id,"
			+ " count(*) filter (where e.state = 'ACTIVE' and e.incident_key is null and not e.element_type = 'MULTI_INSTANCE_BODY') as active,"
			+ " count(*) filter (where e.state = 'TERMINATED' and not e.element_type = 'MULTI_INSTANCE_BODY') as canceled,"
			+ " count(*) filter (where e.state = 'ACTIVE' and e.incident_key is not null) as incidents,"
			+ " count(*) filter (where e.state = 'COMPLETED' and not e.element_type = 'MULTI_INSTANCE_BODY') as completed"
			+ " from engine_element_instance e where e.element_type <> 'PROCESS' and ";

	private static final String GROUPED = " group by e.element_id order by e.element_id";

	private static final RowMapper<ElementStatistics> MAPPER = (rs, i) -> new ElementStatistics(
			rs.getString("element_id"), rs.getLong("active"), rs.getLong("canceled"), rs.getLong("incidents"),
			rs.getLong("completed"));

	private final NamedParameterJdbcTemplate jdbc;

	private final ProcessDefinitionQueries definitions;

	private final ProcessInstanceQueries instances;

	ElementStatisticsQueries(NamedParameterJdbcTemplate jdbc, ProcessDefinitionQueries definitions,
			ProcessInstanceQueries instances) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.instances = instances;
	}

	/** The elements of a process version over its instances that the process-instance filter matches. */
	public List<ElementStatistics> ofDefinition(long definitionKey, JsonNode filter) {
		this.definitions.get(definitionKey);
		Map<String, Object> params = new HashMap<>(Map.of("definitionKey", definitionKey));
		String instances = this.instances.instancesOfDefinition("definitionKey", filter, params)
			.map((matching) -> " and e.process_instance_key in (" + matching + ")")
			.orElse("");
		return this.jdbc.query(COUNTS + "e.process_definition_key = :definitionKey" + instances + GROUPED, params,
				MAPPER);
	}

	/** The elements of one process instance (not of the instances it called). */
	public List<ElementStatistics> ofInstance(long processInstanceKey) {
		this.instances.get(processInstanceKey);
		return this.jdbc.query(COUNTS + "e.process_instance_key = :key" + GROUPED, Map.of("key", processInstanceKey),
				MAPPER);
	}

	/** {@code ProcessElementStatisticsResult}. */
	public record ElementStatistics(String elementId, long active, long canceled, long incidents, long completed) {
	}

	/** The answer's shape: {@code {"items": [...]}}. */
	public record Items(List<ElementStatistics> items) {
	}

}
