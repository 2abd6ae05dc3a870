package fr.refactory.engine.execution.behavior;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.MessageDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.MessageLocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Message subscriptions of catch events and receive tasks: opened on activation (name and correlation key evaluated
 * then), correlated by a published message or, on opening, by a buffered one (once per process id), closed when the
 * element is left.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageSubscriptionBehavior {

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final ObjectMapper json;

	private final MessageCorrelations correlations;

	private final MessageLocks locks;

	MessageSubscriptionBehavior(JdbcTemplate jdbc, KeyGenerator keys, ObjectMapper json,
			MessageCorrelations correlations, MessageLocks locks) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.json = json;
		this.correlations = correlations;
		this.locks = locks;
	}

	/** Evaluates the name and correlation key the subscription would open with (failing as opening would). */
	public void check(ElementContext owner, ExecutableElement event) {
		Map<String, Object> variables = owner.variables();
		FeelExpressions.evaluateString(event.message().name(), variables);
		correlationKey(event.message(), variables);
	}

	/**
	 * Opens the subscription of {@code event} for the waiting element instance {@code owner} (the catch event itself,
	 * or the activity a boundary event is attached to), with name and correlation key evaluated in the owner's scope.
	 * @return the variables of a buffered message that correlated at once (the subscription is then correlated)
	 */
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		MessageDefinition message = event.message();
		Map<String, Object> variables = owner.variables();
		String name = FeelExpressions.evaluateString(message.name(), variables);
		String correlationKey = correlationKey(message, variables);
		this.locks.lock(name, correlationKey);
		Timestamp now = owner.executor().store().now();
		long key = this.keys.nextKey();
		ElementInstance instance = owner.instance();
		this.jdbc.update("insert into engine_message_subscription (subscription_key, element_instance_key,"
				+ " process_instance_key, process_definition_key, process_definition_id, element_id, message_name,"
				+ " correlation_key, state, created, last_updated) values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?)", key,
				instance.key(), instance.processInstanceKey(), instance.processDefinitionKey(),
				instance.processDefinitionId(), event.id(), name, correlationKey, now, now);
		List<Map<String, Object>> buffered = this.jdbc.queryForList(
				"select message_key, variables from engine_message m where name = ? and correlation_key = ?"
						+ " and deadline > ? and not exists (select 1 from engine_message_correlation c"
						+ " where c.message_key = m.message_key and c.process_definition_id = ?)"
						+ " order by message_key limit 1",
				name, correlationKey, now, instance.processDefinitionId());
		if (buffered.isEmpty()) {
			return Optional.empty();
		}
		long messageKey = (Long) buffered.get(0).get("message_key");
		this.jdbc.update("insert into engine_message_correlation (message_key, process_definition_id) values (?, ?)",
				messageKey, instance.processDefinitionId());
		this.correlations.toSubscription(messageKey, key, now);
		correlated(key, event, now);
		return Optional.of(read((String) buffered.get(0).get("variables")));
	}

	/**
	 * Marks the subscription correlated, except for a non-interrupting boundary event or event-subprocess start, whose
	 * subscription stays open for the next message as long as its owner runs.
	 */
	public void correlated(long subscriptionKey, ExecutableElement event, Timestamp now) {
		if (!event.isNonInterruptingEvent()) {
			markCorrelated(subscriptionKey, now);
		}
	}

	private void markCorrelated(long subscriptionKey, Timestamp now) {
		this.jdbc.update("update engine_message_subscription set state = 'CORRELATED', last_updated = ?"
				+ " where subscription_key = ?", now, subscriptionKey);
	}

	/** Closes the open subscription of one event of the element instance. */
	public void close(ElementContext context, String elementId) {
		this.jdbc.update("update engine_message_subscription set state = 'DELETED', last_updated = ?"
				+ " where element_instance_key = ? and element_id = ? and state = 'CREATED'",
				context.executor().store().now(), context.instance().key(), elementId);
	}

	/** Closes every open subscription of the element instance (its own, and those of its boundary events). */
	public void close(ElementContext context) {
		this.jdbc.update("update engine_message_subscription set state = 'DELETED', last_updated = ?"
				+ " where element_instance_key = ? and state = 'CREATED'", context.executor().store().now(),
				context.instance().key());
	}

	private static String correlationKey(MessageDefinition message, Map<String, Object> variables) {
		Object value = FeelExpressions.evaluate(message.correlationKey(), variables);
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number number) {
			return (number instanceof java.math.BigDecimal decimal) ? decimal.stripTrailingZeros().toPlainString()
					: number.toString();
		}
		throw new ElementFailure("EXTRACT_VALUE_ERROR", "Failed to extract the correlation key for '"
				+ message.correlationKey().source() + "': The value must be either a string or a number, but was '"
				+ (value == null ? "NULL" : value) + "'.");
	}

	private Map<String, Object> read(String text) {
		try {
			return this.json.readValue(text, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
