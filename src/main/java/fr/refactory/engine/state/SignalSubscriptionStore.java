package fr.refactory.engine.state;

import java.sql.Timestamp;
import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signal subscriptions of waiting element instances ({@code engine_signal_subscription}):
 * the only writer of the table, its writing methods named after the subscription events
 * (ADR 1110; not logged as events yet).
 */
@Component
@ConditionalOnEmbeddedEngine
public class SignalSubscriptionStore {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	SignalSubscriptionStore(JdbcTemplate jdbc, KeyGenerator keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/**
	 * A subscription of the element instance's event {@code elementId} to the signal is
	 * created.
	 */
	public void created(ElementInstance instance, String elementId, String signalName, Timestamp now) {
		this.jdbc.update(
				"insert into engine_signal_subscription (subscription_key, signal_name, element_instance_key,"
						+ " element_id, process_instance_key, process_definition_key, process_definition_id, created)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?)",
				this.keys.nextKey(), signalName, instance.key(), elementId, instance.processInstanceKey(),
				instance.processDefinitionKey(), instance.processDefinitionId(), now);
	}

	/**
	 * The subscription of one event of the element instance is deleted (the event
	 * closed).
	 */
	public void deleted(long elementInstanceKey, String elementId) {
		this.jdbc.update("delete from engine_signal_subscription where element_instance_key = ? and element_id = ?",
				elementInstanceKey, elementId);
	}

	/** Every subscription of the element instance is deleted (it was left). */
	public void deleted(long elementInstanceKey) {
		this.jdbc.update("delete from engine_signal_subscription where element_instance_key = ?", elementInstanceKey);
	}

	/**
	 * The subscriptions open for the signal, in root instance key order (so two
	 * broadcasts lock their instances in the same order and never wait for each other's
	 * locks).
	 */
	public List<SignalSubscription> openFor(String signalName) {
		return this.jdbc.query(
				"select s.subscription_key, s.element_instance_key,"
						+ " s.element_id, s.process_instance_key from engine_signal_subscription s"
						+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
						+ " where s.signal_name = ? order by p.root_process_instance_key, s.subscription_key",
				(rs, row) -> new SignalSubscription(rs.getLong("subscription_key"), rs.getLong("element_instance_key"),
						rs.getString("element_id"), rs.getLong("process_instance_key")),
				signalName);
	}

	/** Whether the subscription is still open. */
	public boolean isOpen(long subscriptionKey) {
		Integer stillOpen = this.jdbc.queryForObject(
				"select count(*) from engine_signal_subscription where subscription_key = ?", Integer.class,
				subscriptionKey);
		return stillOpen != null && stillOpen != 0;
	}

	/**
	 * An open subscription: its key, the element instance waiting, the event and its
	 * process instance.
	 */
	public record SignalSubscription(long subscriptionKey, long elementInstanceKey, String elementId,
			long processInstanceKey) {
	}

	/**
	 * The signal subscriptions of a deleted process definition go with it (resource
	 * deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_signal_subscription where process_definition_key = ?",
				processDefinitionKey);
	}

}
