package fr.refactory.engine.state;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a waiting element instance waits for (message subscriptions, timers, signal
 * subscriptions) when a migration moves it to another version: the subscriptions keep
 * their keys, names, correlation keys and due dates, and now refer to the target
 * version's catch event (decision 1001).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CatchSubscriptionStore {

	private static final String[][] TABLES = {
			{ "engine_message_subscription", "subscription_key", "PROCESS_MESSAGE_SUBSCRIPTION" },
			{ "engine_timer", "timer_key", "TIMER" },
			{ "engine_signal_subscription", "subscription_key", "SIGNAL_SUBSCRIPTION" } };

	private final JdbcTemplate jdbc;

	private final EventLog events;

	CatchSubscriptionStore(JdbcTemplate jdbc, EventLog events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * The open subscriptions owned by the element instance for its catch event
	 * {@code sourceEventId} (its own id, or a boundary event's, or an event-subprocess
	 * start's) now refer to {@code targetEventId} of the target version.
	 */
	public void migrate(ElementInstance owner, String sourceEventId, String targetEventId) {
		for (String[] table : TABLES) {
			this.jdbc
				.queryForList(
						"update " + table[0] + " set element_id = ?, process_definition_key = ?,"
								+ " process_definition_id = ? where element_instance_key = ? and element_id = ?"
								+ (table[0].equals("engine_message_subscription") ? " and state = 'CREATED'" : "")
								+ " returning " + table[1],
						Long.class, targetEventId, owner.processDefinitionKey(), owner.processDefinitionId(),
						owner.key(), sourceEventId)
				.forEach((key) -> this.events.append(new EngineEvent(key, ValueType.valueOf(table[2]), Intent.MIGRATED,
						owner.processInstanceKey(), owner.key(), targetEventId, Map.of())));
		}
	}

	/** The catch-event ids the element instance holds open subscriptions for. */
	public java.util.List<String> openEventIds(long elementInstanceKey) {
		return this.jdbc
			.queryForList("select element_id from engine_message_subscription where element_instance_key = ?"
					+ " and state = 'CREATED' union select element_id from engine_timer where element_instance_key = ?"
					+ " union select element_id from engine_signal_subscription where element_instance_key = ?",
					String.class, elementInstanceKey, elementInstanceKey, elementInstanceKey);
	}

}
