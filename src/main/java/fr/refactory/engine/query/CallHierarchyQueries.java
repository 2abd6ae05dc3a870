package fr.refactory.engine.query;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The chain of call activities that led to a process instance: its root first, the instance itself last. */
@Component
@ConditionalOnEmbeddedEngine
public class CallHierarchyQueries {

	private static final String CHAIN = "with recursive chain as ("
			+ " select process_instance_key, parent_process_instance_key, process_definition_key,"
			+ " process_definition_id, process_definition_name, 0 as depth"
			+ " from engine_process_instance where process_instance_key = :key"
			+ " union all select p.process_instance_key, p.parent_process_instance_key, p.process_definition_key,"
			+ " p.process_definition_id, p.process_definition_name, c.depth + 1"
			+ " from engine_process_instance p join chain c on p.process_instance_key = c.parent_process_instance_key)"
			+ " select * from chain order by depth desc";

	private final NamedParameterJdbcTemplate jdbc;

	CallHierarchyQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> of(long processInstanceKey) {
		List<Entry> chain = this.jdbc.query(CHAIN, Map.of("key", processInstanceKey), (rs, i) -> {
			String name = rs.getString("process_definition_name");
			return new Entry(String.valueOf(rs.getLong("process_instance_key")),
					String.valueOf(rs.getLong("process_definition_key")),
					name == null ? rs.getString("process_definition_id") : name);
		});
		if (chain.isEmpty()) {
			throw Rejection.notFound(
					"Expected to find a process instance with key '" + processInstanceKey + "', but none was found");
		}
		return chain;
	}

	/** {@code ProcessInstanceCallHierarchyEntry}; the name falls back to the process id, as Camunda's does. */
	public record Entry(String processInstanceKey, String processDefinitionKey, String processDefinitionName) {
	}

}
