package fr.refactory.engine.state;

import java.util.HashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The collections of each active multi-instance body in {@code engine_multi_instance}
 * (input and output collection as JSON, keyed by the body's element instance): the only
 * writer of that table, its writing methods named after the body's events (ADR 1110,
 * 1111). Not logged as events: the body's element events are.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MultiInstanceStore {

	private final JdbcTemplate jdbc;

	MultiInstanceStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The body activated with its input collection and an output collection of nulls
	 * (both JSON).
	 */
	public void bodyActivated(long bodyKey, String inputCollection, String outputCollection) {
		this.jdbc.update("insert into engine_multi_instance (body_key, input_collection, output_collection)"
				+ " values (?, ?, ?) on conflict (body_key) do update set input_collection = excluded.input_collection,"
				+ " output_collection = excluded.output_collection", bodyKey, inputCollection, outputCollection);
	}

	/** The input collection (JSON) kept when the body activated. */
	public String inputCollection(long bodyKey) {
		return this.jdbc.queryForObject("select input_collection from engine_multi_instance where body_key = ?",
				String.class, bodyKey);
	}

	/** The output collection (JSON) as collected so far. */
	public String outputCollection(long bodyKey) {
		return this.jdbc.queryForObject("select output_collection from engine_multi_instance where body_key = ?",
				String.class, bodyKey);
	}

	/**
	 * An inner instance's output element was collected: the body's output collection
	 * (JSON) is now this one.
	 */
	public void outputCollected(long bodyKey, String outputCollection) {
		this.jdbc.update("update engine_multi_instance set output_collection = ? where body_key = ?", outputCollection,
				bodyKey);
	}

	/** The body was left (completed or terminated): its collections are forgotten. */
	public void bodyLeft(long bodyKey) {
		this.jdbc.update("delete from engine_multi_instance where body_key = ?", bodyKey);
	}

	/** The number of the body's inner instances per state. */
	public Map<String, Integer> innerInstancesByState(long bodyKey) {
		Map<String, Integer> byState = new HashMap<>();
		this.jdbc.query("select state, count(*) from engine_element_instance where flow_scope_key = ? group by state",
				(rs) -> {
					byState.put(rs.getString(1), rs.getInt(2));
				}, bodyKey);
		return byState;
	}

	/**
	 * The multi-instance bodies of a deleted process definition go with it (resource
	 * deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_multi_instance where body_key in (select element_instance_key"
				+ " from engine_element_instance where process_definition_key = ?)", processDefinitionKey);
	}

}
