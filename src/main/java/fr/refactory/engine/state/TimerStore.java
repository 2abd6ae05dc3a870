package fr.refactory.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pending timers in {@code engine_timer}: one row per waiting timer, deleted when it
 * fires or its owner ends. The only writer of that table; its writing methods are named
 * after the timer events they apply (ADR 1110).
 */
@Component
@ConditionalOnEmbeddedEngine
public class TimerStore {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final EventLog events;

	private final EngineMetrics metrics;

	TimerStore(JdbcTemplate jdbc, KeyGenerator keys, EventLog events, EngineMetrics metrics) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
		this.metrics = metrics;
	}

	/**
	 * A timer is created; {@code elementInstanceKey} and {@code processInstanceKey} are
	 * null for start timers.
	 */
	public long created(Long elementInstanceKey, Long processInstanceKey, long processDefinitionKey,
			String processDefinitionId, String elementId, TimerSchedule schedule) {
		long key = this.keys.nextKey();
		this.jdbc.update(
				"insert into engine_timer (timer_key, element_instance_key, process_instance_key,"
						+ " process_definition_key, process_definition_id, element_id, due_date, repetitions, interval)"
						+ " values (?,?,?,?,?,?,?,?,?)",
				key, elementInstanceKey, processInstanceKey, processDefinitionKey, processDefinitionId, elementId,
				Timestamp.from(schedule.dueDate()), schedule.repetitions(), schedule.interval());
		this.events.append(new EngineEvent(key, ValueType.TIMER, Intent.CREATED, processInstanceKey, elementInstanceKey,
				elementId, Map.of()));
		return key;
	}

	/**
	 * The next timer of a cycle is created after {@code fired} (same owner and event,
	 * next schedule).
	 */
	public void created(TimerRow fired, TimerSchedule next) {
		created(fired.elementInstanceKey(), fired.processInstanceKey(), fired.processDefinitionKey(),
				fired.processDefinitionId(), fired.elementId(), next);
	}

	/**
	 * The timer of one event of the element instance is canceled (the instance left it or
	 * the event closed).
	 */
	public void canceled(long elementInstanceKey, String elementId) {
		this.jdbc
			.query("delete from engine_timer where element_instance_key = ? and element_id = ? returning *",
					TimerStore::map, elementInstanceKey, elementId)
			.forEach((timer) -> this.events.append(timer.event(Intent.CANCELED)));
	}

	/** The timers of the element instance are canceled (it ended). */
	public void canceled(long elementInstanceKey) {
		this.jdbc
			.query("delete from engine_timer where element_instance_key = ? returning *", TimerStore::map,
					elementInstanceKey)
			.forEach((timer) -> this.events.append(timer.event(Intent.CANCELED)));
	}

	/**
	 * The start-event timers of every version of the process are superseded by those of
	 * the version now latest (deployed, or back after a deletion); not logged as events.
	 */
	public void startTimersSuperseded(String processDefinitionId) {
		this.jdbc.update("delete from engine_timer where process_definition_id = ? and process_instance_key is null",
				processDefinitionId);
	}

	/**
	 * Timers due at {@code now}, earliest first (read without locks; firing claims each
	 * one).
	 */
	public List<TimerRow> due(Instant now, int limit) {
		return this.jdbc.query("select * from engine_timer where due_date <= ? order by due_date, timer_key limit ?",
				TimerStore::map, Timestamp.from(now), limit);
	}

	public Optional<TimerRow> find(long timerKey) {
		return this.jdbc.query("select * from engine_timer where timer_key = ?", TimerStore::map, timerKey)
			.stream()
			.findFirst();
	}

	/**
	 * A due timer is triggered: claimed by deleting it, so only one transaction gets the
	 * row back and a timer fires once even with several checkers (the others wait for the
	 * row lock and then find nothing).
	 */
	public Optional<TimerRow> triggered(long timerKey, Instant now) {
		Optional<TimerRow> claimed = this.jdbc
			.query("delete from engine_timer where timer_key = ? and due_date <= ? returning *", TimerStore::map,
					timerKey, Timestamp.from(now))
			.stream()
			.findFirst();
		claimed.ifPresent((timer) -> {
			this.events.append(timer.event(Intent.TRIGGERED));
			this.metrics.timerFired(Duration.between(timer.schedule().dueDate(), now));
		});
		return claimed;
	}

	/**
	 * The due date of the earliest timer that is due at {@code now} and has not fired
	 * yet, if any.
	 */
	public Optional<Instant> earliestDue(Instant now) {
		Timestamp earliest = this.jdbc.queryForObject("select min(due_date) from engine_timer where due_date <= ?",
				Timestamp.class, Timestamp.from(now));
		return Optional.ofNullable(earliest).map(Timestamp::toInstant);
	}

	public List<TimerRow> ownedBy(long elementInstanceKey) {
		return this.jdbc.query("select * from engine_timer where element_instance_key = ? order by timer_key",
				TimerStore::map, elementInstanceKey);
	}

	private static TimerRow map(ResultSet rs, int row) throws SQLException {
		return new TimerRow(rs.getLong("timer_key"), (Long) rs.getObject("element_instance_key"),
				(Long) rs.getObject("process_instance_key"), rs.getLong("process_definition_key"),
				rs.getString("process_definition_id"), rs.getString("element_id"), new TimerSchedule(
						rs.getTimestamp("due_date").toInstant(), rs.getInt("repetitions"), rs.getString("interval")));
	}

	/**
	 * A pending timer: its owner (element instance waiting for it, null for start timers)
	 * and schedule.
	 */
	public record TimerRow(long key, Long elementInstanceKey, Long processInstanceKey, long processDefinitionKey,
			String processDefinitionId, String elementId, TimerSchedule schedule) {

		public boolean isStartTimer() {
			return this.processInstanceKey == null;
		}

		EngineEvent event(Intent intent) {
			return new EngineEvent(this.key, ValueType.TIMER, intent, this.processInstanceKey, this.elementInstanceKey,
					this.elementId, Map.of());
		}

	}

	/**
	 * The timers of a deleted process definition go with it (resource deletion, ADR
	 * 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_timer where process_definition_key = ?", processDefinitionKey);
	}

}
