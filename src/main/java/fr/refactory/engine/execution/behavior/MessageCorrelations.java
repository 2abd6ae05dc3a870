package fr.refactory.engine.execution.behavior;

import java.sql.Timestamp;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

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

	MessageCorrelations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The message correlated to an open subscription (its name, key, element and instance are the subscription's). */
	public void toSubscription(long messageKey, long subscriptionKey, Timestamp now) {
		this.jdbc.update("insert into engine_correlated_message (message_key, message_name, correlation_key,"
				+ " subscription_key, element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, correlation_time) select ?, message_name, correlation_key, subscription_key,"
				+ " element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, ? from engine_message_subscription where subscription_key = ?", messageKey,
				now, subscriptionKey);
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
	}

}
