package fr.refactory.engine;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CatchEvents;
import fr.refactory.engine.execution.behavior.MessageStartEvents;
import fr.refactory.engine.execution.behavior.MessageSubscriptionBehavior;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.EngineMetrics;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.MessageLocks;
import fr.refactory.engine.state.MessageStore;
import fr.refactory.engine.state.MessageSubscriptionStore;
import fr.refactory.engine.state.MessageSubscriptionStore.OpenSubscription;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message commands: publish (correlate to open subscriptions, at most one per process id,
 * and buffer for the time to live) and correlate (the same correlation, never buffered,
 * answering the first instance, or not found).
 */
@Component
@ConditionalOnEmbeddedEngine
public class Messages {

	private final MessageStore messages;

	private final MessageSubscriptionStore openSubscriptions;

	private final ProcessExecutor executor;

	private final MessageSubscriptionBehavior subscriptions;

	private final KeyGenerator keys;

	private final ObjectMapper json;

	private final CatchEvents catchEvents;

	private final MessageStartEvents messageStarts;

	private final MessageLocks locks;

	private final EngineMetrics metrics;

	Messages(MessageStore messages, MessageSubscriptionStore openSubscriptions, ProcessExecutor executor,
			MessageSubscriptionBehavior subscriptions, KeyGenerator keys, ObjectMapper json, CatchEvents catchEvents,
			MessageStartEvents messageStarts, MessageLocks locks, EngineMetrics metrics) {
		this.metrics = metrics;
		this.messages = messages;
		this.openSubscriptions = openSubscriptions;
		this.executor = executor;
		this.subscriptions = subscriptions;
		this.keys = keys;
		this.json = json;
		this.catchEvents = catchEvents;
		this.messageStarts = messageStarts;
		this.locks = locks;
	}

	@Transactional
	public long publish(String name, String correlationKey, long timeToLive, String messageId,
			Map<String, Object> variables) {
		requireName(name);
		String key = correlationKey == null ? "" : correlationKey;
		this.locks.lock(name, key);
		Timestamp now = this.executor.store().now();
		this.messages.expired(now);
		if (messageId != null && !messageId.isEmpty() && this.messages.isBuffered(name, key, messageId)) {
			throw duplicate(messageId);
		}
		long messageKey = this.keys.nextKey();
		List<String> correlatedProcesses = correlateToWaiting(name, key, variables, messageKey).stream()
			.map(Correlation::processId)
			.toList();
		if (timeToLive > 0) {
			try {
				this.messages.published(messageKey, name, key, messageId, write(variables),
						new Timestamp(now.getTime() + timeToLive));
			}
			catch (DuplicateKeyException ex) {
				throw duplicate(messageId);
			}
			for (String processId : correlatedProcesses) {
				this.messages.correlatedToProcess(messageKey, processId);
			}
		}
		this.metrics.messagePublished();
		return messageKey;
	}

	/**
	 * Camunda 8's correlate: like a publication (each process waiting for the name and
	 * key gets the message once, a message start event included) but never buffered,
	 * answering the first instance it correlated with, or not found
	 * (docs/decisions/0284).
	 * @return the message key and the key of the first process instance the message was
	 * correlated to
	 */
	@Transactional
	public Map<String, Long> correlate(String name, String correlationKey, Map<String, Object> variables) {
		requireName(name);
		String key = correlationKey == null ? "" : correlationKey;
		this.locks.lock(name, key);
		long messageKey = this.keys.nextKey();
		List<Correlation> correlations = correlateToWaiting(name, key, variables, messageKey);
		if (correlations.isEmpty()) {
			throw Rejection.notFound("Expected to find subscription for message with name '" + name
					+ "' and correlation key '" + key + "', but none was found.");
		}
		this.metrics.messagePublished();
		Map<String, Long> result = new LinkedHashMap<>();
		result.put("messageKey", messageKey);
		result.put("processInstanceKey", correlations.get(0).processInstanceKey());
		return result;
	}

	/**
	 * Correlates the message to the first open subscription of each process id waiting
	 * for it, then starts each process with a matching message start event that did not
	 * get it yet.
	 * @return the correlations in the order they happened
	 */
	private List<Correlation> correlateToWaiting(String name, String key, Map<String, Object> variables,
			long messageKey) {
		// the first subscription per process id; their instances are locked in root key
		// order, so that two
		// concurrent publications never wait for each other's locks
		List<Correlation> correlations = new ArrayList<>();
		for (OpenSubscription subscription : this.openSubscriptions.firstOpenPerProcess(name, key)) {
			if (correlate(subscription, variables, messageKey)) {
				correlations
					.add(new Correlation(subscription.processDefinitionId(), subscription.processInstanceKey()));
			}
		}
		for (ExecutableProcess process : this.messageStarts.processesStartedBy(this.executor, name)) {
			if (correlations.stream().noneMatch((correlation) -> correlation.processId().equals(process.processId()))) {
				Long instance = startByMessage(process, name, key, variables, messageKey);
				if (instance != null) {
					correlations.add(new Correlation(process.processId(), instance));
				}
			}
		}
		return correlations;
	}

	private record Correlation(String processId, long processInstanceKey) {
	}

	/**
	 * @return the key of the instance the message started, or null (one started by that
	 * key is active)
	 */
	private Long startByMessage(ExecutableProcess process, String name, String correlationKey,
			Map<String, Object> variables, long messageKey) {
		Execution execution = this.executor.begin();
		Long instanceKey = this.messageStarts.start(this.executor, execution, process, name, correlationKey, variables,
				messageKey);
		this.executor.drain(execution);
		return instanceKey;
	}

	private boolean correlate(OpenSubscription subscription, Map<String, Object> variables, long messageKey) {
		this.executor.store().lockRoot(subscription.processInstanceKey());
		Optional<String> openEvent = this.openSubscriptions.openEventOf(subscription.subscriptionKey());
		if (openEvent.isEmpty()) {
			return false;
		}
		ElementInstance element = this.executor.store().elementInstance(subscription.elementInstanceKey()).orElse(null);
		if (element == null || !element.isActive()) {
			return false;
		}
		Execution execution = this.executor.begin();
		String eventId = openEvent.get();
		this.subscriptions.correlated(messageKey, subscription.subscriptionKey(),
				this.executor.definitions().executable(element.processDefinitionKey()).element(eventId),
				this.executor.store().now());
		this.catchEvents.occurred(this.executor.context(execution, element), eventId,
				variables == null ? Map.of() : variables);
		this.executor.drain(execution);
		return true;
	}

	private static Rejection duplicate(String messageId) {
		return new Rejection(Rejection.Kind.ALREADY_EXISTS, "Expected to publish a new message with id '" + messageId
				+ "', but a message with that id was already published");
	}

	private static void requireName(String name) {
		if (name == null || name.isBlank()) {
			throw Rejection.invalidArgument("Expected a message name, but none was given");
		}
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables == null ? Map.of() : variables);
		}
		catch (JsonProcessingException ex) {
			throw Rejection.invalidArgument("Expected JSON variables, but they could not be written");
		}
	}

}
