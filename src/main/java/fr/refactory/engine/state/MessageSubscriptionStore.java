package fr.refactory.engine.state;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Message subscriptions of waiting element instances
 * ({@code engine_message_subscription}) and the record of every correlation to one
 * ({@code engine_correlated_message}, read by
 * {@code /v2/correlated-message-subscriptions/search}). The only writer of the
 * subscriptions; its writing methods are named after the subscription events (ADR 1110).
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageSubscriptionStore {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final EventLog events;

	MessageSubscriptionStore(JdbcTemplate jdbc, KeyGenerator keys, EventLog events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	/**
	 * A subscription of the element instance's event {@code elementId} is created;
	 * returns its key.
	 */
	public long created(ElementInstance instance, String elementId, String messageName, String correlationKey,
			Timestamp now) {
		long key = this.keys.nextKey();
		this.jdbc.update("insert into engine_message_subscription (subscription_key, element_instance_key,"
				+ " process_instance_key, process_definition_key, process_definition_id, element_id, message_name,"
				+ " correlation_key, state, created, last_updated) values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?)",
				key, instance.key(), instance.processInstanceKey(), instance.processDefinitionKey(),
				instance.processDefinitionId(), elementId, messageName, correlationKey, now, now);
		return key;
	}

	/**
	 * The message correlated to the open subscription (the record takes its name, key,
	 * element and instance from the subscription); the subscription is marked correlated
	 * when it {@code closes}, and stays open otherwise (a non-interrupting event waits
	 * for the next message as long as its owner runs).
	 */
	public void correlated(long messageKey, long subscriptionKey, boolean closes, Timestamp now) {
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
		if (closes) {
			this.jdbc.update("update engine_message_subscription set state = 'CORRELATED', last_updated = ?"
					+ " where subscription_key = ?", now, subscriptionKey);
		}
	}

	/**
	 * The open subscription of one event of the element instance is deleted (the event
	 * closed).
	 */
	public void deleted(long elementInstanceKey, String elementId, Timestamp now) {
		this.jdbc.update(
				"update engine_message_subscription set state = 'DELETED', last_updated = ?"
						+ " where element_instance_key = ? and element_id = ? and state = 'CREATED'",
				now, elementInstanceKey, elementId);
	}

	/**
	 * Every open subscription of the element instance is deleted (its own, and those of
	 * its boundary events).
	 */
	public void deleted(long elementInstanceKey, Timestamp now) {
		this.jdbc.update("update engine_message_subscription set state = 'DELETED', last_updated = ?"
				+ " where element_instance_key = ? and state = 'CREATED'", now, elementInstanceKey);
	}

	/**
	 * The first open subscription per process id waiting for the name and correlation
	 * key, in root instance key order (so two concurrent publications lock their
	 * instances in the same order and never wait for each other).
	 */
	public List<OpenSubscription> firstOpenPerProcess(String messageName, String correlationKey) {
		return this.jdbc.query("select first.* from (select distinct on"
				+ " (s.process_definition_id) s.subscription_key, s.element_instance_key, s.process_instance_key,"
				+ " s.process_definition_id, p.root_process_instance_key from engine_message_subscription s"
				+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
				+ " where s.message_name = ? and s.correlation_key = ? and s.state = 'CREATED'"
				+ " order by s.process_definition_id, s.subscription_key) first"
				+ " order by first.root_process_instance_key",
				(rs, row) -> new OpenSubscription(rs.getLong("subscription_key"), rs.getLong("element_instance_key"),
						rs.getLong("process_instance_key"), rs.getString("process_definition_id")),
				messageName, correlationKey);
	}

	/** The event (element id) of the subscription, if it is still open. */
	public Optional<String> openEventOf(long subscriptionKey) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select state, element_id from engine_message_subscription where subscription_key = ?",
				subscriptionKey);
		if (rows.isEmpty() || !"CREATED".equals(rows.get(0).get("state"))) {
			return Optional.empty();
		}
		return Optional.of((String) rows.get(0).get("element_id"));
	}

	/**
	 * An open subscription: its key, the element instance waiting, its process instance
	 * and process id.
	 */
	public record OpenSubscription(long subscriptionKey, long elementInstanceKey, long processInstanceKey,
			String processDefinitionId) {
	}

	/**
	 * The message subscriptions of a deleted process definition and the records of their
	 * correlations go with it (resource deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_message_subscription where process_definition_key = ?",
				processDefinitionKey);
		this.jdbc.update("delete from engine_correlated_message where process_definition_key = ?",
				processDefinitionKey);
	}

}
