package fr.refactory.engine.execution.behavior;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.MessageDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.MessageLocks;
import fr.refactory.engine.state.MessageStore;
import fr.refactory.engine.state.MessageStore.BufferedMessage;
import fr.refactory.engine.state.MessageSubscriptionStore;

import org.springframework.stereotype.Component;

/**
 * Message subscriptions of catch events and receive tasks: opened on activation (name and
 * correlation key evaluated then), correlated by a published message or, on opening, by a
 * buffered one (once per process id), closed when the element is left.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageSubscriptionBehavior {

	private final MessageSubscriptionStore subscriptions;

	private final MessageStore messages;

	private final MessageLocks locks;

	MessageSubscriptionBehavior(MessageSubscriptionStore subscriptions, MessageStore messages, MessageLocks locks) {
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.locks = locks;
	}

	/**
	 * Evaluates the name and correlation key the subscription would open with (failing as
	 * opening would).
	 */
	public void check(ElementContext owner, ExecutableElement event) {
		Map<String, Object> variables = owner.variables();
		FeelExpressions.evaluateString(event.message().name(), variables);
		correlationKey(event.message(), variables);
	}

	/**
	 * Opens the subscription of {@code event} for the waiting element instance
	 * {@code owner} (the catch event itself, or the activity a boundary event is attached
	 * to), with name and correlation key evaluated in the owner's scope.
	 * @return the variables of a buffered message that correlated at once (the
	 * subscription is then correlated)
	 */
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		MessageDefinition message = event.message();
		Map<String, Object> variables = owner.variables();
		String name = FeelExpressions.evaluateString(message.name(), variables);
		String correlationKey = correlationKey(message, variables);
		this.locks.lock(name, correlationKey);
		Timestamp now = owner.executor().store().now();
		ElementInstance instance = owner.instance();
		long key = this.subscriptions.created(instance, event.id(), name, correlationKey, now);
		Optional<BufferedMessage> buffered = this.messages.oldestBufferedFor(name, correlationKey, now,
				instance.processDefinitionId());
		if (buffered.isEmpty()) {
			return Optional.empty();
		}
		long messageKey = buffered.get().key();
		this.messages.correlatedToProcess(messageKey, instance.processDefinitionId());
		correlated(messageKey, key, event, now);
		return Optional.of(buffered.get().variables());
	}

	/**
	 * The message correlated to the subscription: recorded, and the subscription marked
	 * correlated, except for a non-interrupting boundary event or event-subprocess start,
	 * whose subscription stays open for the next message as long as its owner runs.
	 */
	public void correlated(long messageKey, long subscriptionKey, ExecutableElement event, Timestamp now) {
		this.subscriptions.correlated(messageKey, subscriptionKey, !event.isNonInterruptingEvent(), now);
	}

	/** Closes the open subscription of one event of the element instance. */
	public void close(ElementContext context, String elementId) {
		this.subscriptions.deleted(context.instance().key(), elementId, context.executor().store().now());
	}

	/**
	 * Closes every open subscription of the element instance (its own, and those of its
	 * boundary events).
	 */
	public void close(ElementContext context) {
		this.subscriptions.deleted(context.instance().key(), context.executor().store().now());
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
		throw new ElementFailure("EXTRACT_VALUE_ERROR",
				"Failed to extract the correlation key for '" + message.correlationKey().source()
						+ "': The value must be either a string or a number, but was '"
						+ (value == null ? "NULL" : value) + "'.");
	}

}
