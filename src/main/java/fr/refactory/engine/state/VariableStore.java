package fr.refactory.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Variables as JSON text, per scope (an element instance key; the process instance key is
 * the root scope).
 */
@Component
@ConditionalOnEmbeddedEngine
public class VariableStore {

	private static final String CHAIN = "with recursive chain(scope_key, parent_key, depth) as ("
			+ " select element_instance_key, flow_scope_key, 0 from engine_element_instance where element_instance_key = ?"
			+ " union all select e.element_instance_key, e.flow_scope_key, c.depth + 1 from engine_element_instance e"
			+ " join chain c on e.element_instance_key = c.parent_key) ";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final KeyGenerator keys;

	private final EventLog events;

	VariableStore(JdbcTemplate jdbc, ObjectMapper json, KeyGenerator keys, EventLog events) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.events = events;
	}

	/**
	 * The scope keys from the given scope up to the process instance, innermost first.
	 */
	public List<Long> scopeChain(long scopeKey) {
		return this.jdbc.queryForList(CHAIN + "select scope_key from chain order by depth", Long.class, scopeKey);
	}

	/** Every variable visible from the scope; inner scopes hide outer ones. */
	public Map<String, Object> visible(long scopeKey) {
		Map<String, Object> result = new LinkedHashMap<>();
		this.jdbc
			.query(CHAIN + "select v.name, v.value from engine_variable v join chain c on v.scope_key = c.scope_key"
					+ " order by c.depth desc", (rs) -> {
						result.put(rs.getString("name"), read(rs.getString("value")));
					}, scopeKey);
		return result;
	}

	public Map<String, Object> local(long scopeKey) {
		Map<String, Object> result = new LinkedHashMap<>();
		this.jdbc.query("select name, value from engine_variable where scope_key = ? order by variable_key", (rs) -> {
			result.put(rs.getString("name"), read(rs.getString("value")));
		}, scopeKey);
		return result;
	}

	public void setLocal(long scopeKey, long processInstanceKey, String name, Object value) {
		String text = write(value);
		// xmax is 0 on a freshly inserted row: one statement tells a created variable
		// from an updated one
		EngineEvent written = this.jdbc.queryForObject(
				"insert into engine_variable (variable_key, name, value,"
						+ " scope_key, process_instance_key) values (?,?,?,?,?) on conflict (scope_key, name)"
						+ " do update set value = excluded.value returning variable_key, (xmax = 0) as created",
				(rs, row) -> new EngineEvent(rs.getLong(1), ValueType.VARIABLE,
						rs.getBoolean(2) ? Intent.CREATED : Intent.UPDATED, processInstanceKey, scopeKey, null,
						Map.of(name, text)),
				this.keys.nextKey(), name, text, scopeKey, processInstanceKey);
		this.events.append(written);
	}

	/**
	 * Camunda 8 propagation: each variable goes to the nearest scope (from
	 * {@code scopeKey} upwards) that already has it, otherwise to the root scope.
	 */
	public void propagate(long scopeKey, long processInstanceKey, Map<String, Object> variables) {
		if (variables == null || variables.isEmpty()) {
			return;
		}
		List<Long> chain = scopeChain(scopeKey);
		Map<String, List<Long>> owners = owners(chain);
		long root = chain.get(chain.size() - 1);
		variables.forEach((name, value) -> {
			List<Long> scopes = owners.getOrDefault(name, List.of());
			long target = chain.stream().filter(scopes::contains).findFirst().orElse(root);
			setLocal(target, processInstanceKey, name, value);
		});
	}

	private Map<String, List<Long>> owners(List<Long> chain) {
		Map<String, List<Long>> owners = new LinkedHashMap<>();
		if (chain.isEmpty()) {
			return owners;
		}
		String in = String.join(",", chain.stream().map(String::valueOf).toList());
		this.jdbc.query("select name, scope_key from engine_variable where scope_key in (" + in + ")", (rs) -> {
			owners.computeIfAbsent(rs.getString("name"), (n) -> new ArrayList<>()).add(rs.getLong("scope_key"));
		});
		return owners;
	}

	public Object read(String value) {
		try {
			return this.json.readValue(value, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored variable is not JSON: " + value, ex);
		}
	}

	public String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Expected a JSON-serialisable variable value, but got " + value, ex);
		}
	}

	/**
	 * The variables of a deleted process definition's instances go with it (resource
	 * deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_variable where process_instance_key in (select process_instance_key"
				+ " from engine_process_instance where process_definition_key = ?)", processDefinitionKey);
	}

}
