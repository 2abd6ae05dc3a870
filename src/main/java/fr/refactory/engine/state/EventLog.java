package fr.refactory.engine.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's history: every event of every command, appended in the command's
 * transaction. The events of one transaction are collected and inserted with one
 * statement (one array per column, unnested) just before it commits: no round trip per
 * event, one execution, and they commit or roll back with the state they describe.
 * <p>
 * Who caused an event is the authenticated user or API client of the request. A command
 * the engine runs on its own (a due timer, a job time-out) has none: its events carry the
 * actor of the instance's latest event about the same entity (who created the timer),
 * else of the instance's latest event.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EventLog {

	/**
	 * All the events of a transaction in one statement, one execution: one array per
	 * column, in log order.
	 */
	private static final String INSERT = "insert into engine_event (key, value_type, intent, process_instance_key,"
			+ " element_instance_key, element_id, occurred_at, actor, variables)"
			+ " select k, vt, i, pi, ei, el, t, a, cast(v as jsonb)"
			+ " from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) with ordinality as e(k, vt, i, pi, ei, el, t, a, v, n) order by n";

	private static final String CAUSING_ACTOR = "select actor from engine_event where process_instance_key = ?"
			+ " and actor is not null order by (key = ?) desc, position desc limit 1";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ObjectMapper json;

	private final EngineMetrics metrics;

	EventLog(JdbcTemplate jdbc, Clock clock, ObjectMapper json, EngineMetrics metrics) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.metrics = metrics;
	}

	public void append(EngineEvent event) {
		Pending pending = new Pending(event, Timestamp.from(this.clock.instant()), currentActor());
		Batch batch = currentBatch();
		if (batch == null) {
			insert(List.of(pending));
			this.metrics.committed(List.of(event));
		}
		else {
			batch.events.add(pending);
		}
	}

	/** Every event of the process instance, in the order they happened. */
	public List<LoggedEvent> ofProcessInstance(long processInstanceKey) {
		return this.jdbc.query("select * from engine_event where process_instance_key = ? order by position", this::map,
				processInstanceKey);
	}

	private Batch currentBatch() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.bindResource(this, batch);
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		return batch;
	}

	private void insert(List<Pending> events) {
		int size = events.size();
		Long[] keys = new Long[size];
		String[] valueTypes = new String[size];
		String[] intents = new String[size];
		Long[] instances = new Long[size];
		Long[] elementInstances = new Long[size];
		String[] elements = new String[size];
		Timestamp[] times = new Timestamp[size];
		String[] actors = new String[size];
		String[] variables = new String[size];
		Map<Long, String> causingActors = new HashMap<>();
		for (int row = 0; row < size; row++) {
			Pending pending = events.get(row);
			EngineEvent event = pending.event();
			keys[row] = event.key();
			valueTypes[row] = event.valueType().name();
			intents[row] = event.intent().name();
			instances[row] = event.processInstanceKey();
			elementInstances[row] = event.elementInstanceKey();
			elements[row] = event.elementId();
			times[row] = pending.time();
			actors[row] = (pending.actor() != null || event.processInstanceKey() == null) ? pending.actor()
					: causingActors.computeIfAbsent(event.processInstanceKey(), (instance) -> causingActor(event));
			variables[row] = variablesJson(event.variables());
		}
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(INSERT);
			insert.setArray(1, connection.createArrayOf("bigint", keys));
			insert.setArray(2, connection.createArrayOf("text", valueTypes));
			insert.setArray(3, connection.createArrayOf("text", intents));
			insert.setArray(4, connection.createArrayOf("bigint", instances));
			insert.setArray(5, connection.createArrayOf("bigint", elementInstances));
			insert.setArray(6, connection.createArrayOf("text", elements));
			insert.setArray(7, connection.createArrayOf("timestamptz", times));
			insert.setArray(8, connection.createArrayOf("text", actors));
			insert.setArray(9, connection.createArrayOf("text", variables));
			return insert;
		});
	}

	private String causingActor(EngineEvent event) {
		return this.jdbc.queryForList(CAUSING_ACTOR, String.class, event.processInstanceKey(), event.key())
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private String variablesJson(Map<String, String> variables) {
		if (variables.isEmpty()) {
			return null;
		}
		StringBuilder object = new StringBuilder("{");
		variables.forEach((name, value) -> {
			object.append(object.length() > 1 ? "," : "").append(quoted(name)).append(':').append(value);
		});
		return object.append('}').toString();
	}

	private String quoted(String name) {
		try {
			return this.json.writeValueAsString(name);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A string is always JSON-serialisable", ex);
		}
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

	private LoggedEvent map(ResultSet rs, int row) throws SQLException {
		return new LoggedEvent(rs.getLong("position"), rs.getLong("key"), ValueType.valueOf(rs.getString("value_type")),
				Intent.valueOf(rs.getString("intent")), (Long) rs.getObject("process_instance_key"),
				(Long) rs.getObject("element_instance_key"), rs.getString("element_id"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("variables"));
	}

	private record Pending(EngineEvent event, Timestamp time, String actor) {
	}

	/**
	 * The events of one transaction, inserted before it commits and counted in the
	 * metrics once it committed.
	 */
	private final class Batch implements TransactionSynchronization {

		private final List<Pending> events = new ArrayList<>();

		private final List<EngineEvent> inserted = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.events.isEmpty()) {
				insert(this.events);
				for (Pending pending : this.events) {
					this.inserted.add(pending.event());
				}
				this.events.clear();
			}
		}

		@Override
		public void afterCommit() {
			EventLog.this.metrics.committed(this.inserted);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(EventLog.this);
		}

	}

}
