package fr.refactory.engine.state;

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
 * The engine's history: every event of every command, appended in the command's transaction. The events of one
 * transaction are collected and inserted with one batch statement just before it commits (no round trip per event),
 * so they are committed, or rolled back, with the state they describe.
 * <p>
 * Who caused an event is the authenticated user or API client of the request. A command the engine runs on its own
 * (a due timer, a job time-out) has none: its events carry the actor of the instance's latest event about the same
 * entity (who created the timer), else of the instance's latest event.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EventLog {

	private static final String INSERT = "insert into engine_event (key, value_type, intent, process_instance_key,"
			+ " element_instance_key, element_id, occurred_at, actor, variables) values (?,?,?,?,?,?,?,?,cast(? as jsonb))";

	private static final String CAUSING_ACTOR = "select actor from engine_event where process_instance_key = ?"
			+ " and actor is not null order by (key = ?) desc, position desc limit 1";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ObjectMapper json;

	EventLog(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	public void append(EngineEvent event) {
		Pending pending = new Pending(event, Timestamp.from(this.clock.instant()), currentActor());
		Batch batch = currentBatch();
		if (batch == null) {
			insert(List.of(pending));
		}
		else {
			batch.events.add(pending);
		}
	}

	/** Every event of the process instance, in the order they happened. */
	public List<LoggedEvent> ofProcessInstance(long processInstanceKey) {
		return this.jdbc.query("select * from engine_event where process_instance_key = ? order by position",
				this::map, processInstanceKey);
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
		Map<Long, String> causingActors = new HashMap<>();
		List<Object[]> rows = new ArrayList<>(events.size());
		for (Pending pending : events) {
			EngineEvent event = pending.event();
			String actor = (pending.actor() != null || event.processInstanceKey() == null) ? pending.actor()
					: causingActors.computeIfAbsent(event.processInstanceKey(), (instance) -> causingActor(event));
			rows.add(new Object[] { event.key(), event.valueType().name(), event.intent().name(),
					event.processInstanceKey(), event.elementInstanceKey(), event.elementId(), pending.time(), actor,
					variablesJson(event.variables()) });
		}
		this.jdbc.batchUpdate(INSERT, rows);
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

	/** The events of one transaction, inserted before it commits. */
	private final class Batch implements TransactionSynchronization {

		private final List<Pending> events = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.events.isEmpty()) {
				insert(this.events);
				this.events.clear();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(EventLog.this);
		}

	}

}
