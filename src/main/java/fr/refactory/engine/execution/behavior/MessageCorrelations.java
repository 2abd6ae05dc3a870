package fr.refactory.engine.execution.behavior;

import java.sql.Timestamp;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.EngineEvent;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.ValueType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every correlation of a message (read by {@code /v2/correlated-message-subscriptions/search}), written
 * in the transaction of the correlation itself.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageCorrelations {

	private final JdbcTemplate jdbc;

	private final EventLog events;

	MessageCorrelations(JdbcTemplate jdbc, EventLog events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The message correlated to an open subscription (its name, key, element and instance are the subscription's). */
	public void toSubscription(long messageKey, long subscriptionKey, Timestamp now) {
		this.jdbc.query("insert into engine_correlated_message (message_key, message_name, correlation_key,"
				+ " subscription_key, element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, correlation_time) select ?, message_name, correlation_key, subscription_key,"
				+ " element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, ? from engine_message_subscription where subscription_key = ?"
				+ " returning subscription_key, process_instance_key, element_instance_key, element_id",
				(rs, row) -> new EngineEvent(rs.getLong(1), ValueType.PROCESS_MESSAGE_SUBSCRIPTION, Intent.CORRELATED,
						rs.getLong(2), rs.getLong(3), rs.getString(4), Map.of()),
				messageKey, now, subscriptionKey)
			.forEach(this.events::append);
	}

	/**
	 * The message started an instance at a message start event. Such a subscription has no element instance and no key
	 * of its own here: the process definition key stands for it (docs/decisions/0244).
	 */
	public void toStartEvent(long messageKey, String messageName, String correlationKey, String startEventId,
			long processInstanceKey, long processDefinitionKey, String processDefinitionId, Timestamp now) {
		this.jdbc.update("insert into engine_correlated_message (message_key, message_name, correlation_key,"
				+ " subscription_key, element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, correlation_time) values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)", messageKey,
				messageName, correlationKey, processDefinitionKey, startEventId, processInstanceKey,
				processDefinitionKey, processDefinitionId, now);
		this.events.append(new EngineEvent(processDefinitionKey, ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
				Intent.CORRELATED, processInstanceKey, null, startEventId, Map.of()));
	}

}
