package fr.refactory.engine;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CatchEvents;
import fr.refactory.engine.execution.behavior.MessageCorrelations;
import fr.refactory.engine.execution.behavior.MessageStartEvents;
import fr.refactory.engine.execution.behavior.MessageSubscriptionBehavior;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.EngineMetrics;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.MessageLocks;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message commands: publish (correlate to open subscriptions, at most one per process id, and buffer for the time to
 * live) and correlate (the same correlation, never buffered, answering the first instance, or not found).
 */
@Component
@ConditionalOnEmbeddedEngine
public class Messages {

	private final JdbcTemplate jdbc;

	private final ProcessExecutor executor;

	private final MessageSubscriptionBehavior subscriptions;

	private final KeyGenerator keys;

	private final ObjectMapper json;

	private final CatchEvents catchEvents;

	private final MessageStartEvents messageStarts;

	private final MessageCorrelations correlations;

	private final MessageLocks locks;

	private final EngineMetrics metrics;

	Messages(JdbcTemplate jdbc, ProcessExecutor executor, MessageSubscriptionBehavior subscriptions, KeyGenerator keys,
			ObjectMapper json, CatchEvents catchEvents, MessageStartEvents messageStarts,
			MessageCorrelations correlations, MessageLocks locks, EngineMetrics metrics) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.executor = executor;
		this.subscriptions = subscriptions;
		this.keys = keys;
		this.json = json;
		this.catchEvents = catchEvents;
		this.messageStarts = messageStarts;
		this.correlations = correlations;
		this.locks = locks;
	}

	@Transactional
	public long publish(String name, String correlationKey, long timeToLive, String messageId,
			Map<String, Object> variables) {
		requireName(name);
		String key = correlationKey == null ? "" : correlationKey;
		this.locks.lock(name, key);
		Timestamp now = this.executor.store().now();
		this.jdbc.update("delete from engine_message where deadline <= ?", now);
		if (messageId != null && !messageId.isEmpty()) {
			Integer existing = this.jdbc.queryForObject("select count(*) from engine_message where name = ?"
					+ " and correlation_key = ? and message_id = ?", Integer.class, name, key, messageId);
			if (existing != null && existing > 0) {
					throw duplicate(messageId);
			}
		}
		long messageKey = this.keys.nextKey();
		List<String> correlatedProcesses = correlateToWaiting(name, key, variables, messageKey).stream()
			.map(Correlation::processId)
			.toList();
		if (timeToLive > 0) {
			try {
				this.jdbc.update("insert into engine_message (message_key, name, correlation_key, message_id,"
						+ " variables, deadline) values (?, ?, ?, ?, ?, ?)", messageKey, name, key, messageId,
						write(variables), new Timestamp(now.getTime() + timeToLive));
			}
			catch (DuplicateKeyException ex) {
				throw duplicate(messageId);
			}
			for (String processId : correlatedProcesses) {
				this.jdbc.update(
						"insert into engine_message_correlation (message_key, process_definition_id) values (?, ?)",
						messageKey, processId);
			}
		}
		this.metrics.messagePublished();
		return messageKey;
	}

	/**
	 * Camunda 8's correlate: like a publication (each process waiting for the name and key gets the message once, a
	 * message start event included) but never buffered, answering the first instance it correlated with, or not
	 * found (docs/decisions/0284).
	 * @return the message key and the key of the first process instance the message was correlated to
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
	 * Correlates the message to the first open subscription of each process id waiting for it, then starts each
	 * process with a matching message start event that did not get it yet.
	 * @return the correlations in the order they happened
	 */
	private List<Correlation> correlateToWaiting(String name, String key, Map<String, Object> variables,
			long messageKey) {
		// the first subscription per process id; their instances are locked in root key order, so that two
		// concurrent publications never wait for each other's locks
		List<Map<String, Object>> open = this.jdbc.queryForList("select first.* from (select distinct on"
				+ " (s.process_definition_id) s.subscription_key, s.element_instance_key, s.process_instance_key,"
				+ " s.process_definition_id, p.root_process_instance_key from engine_message_subscription s"
				+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
				+ " where s.message_name = ? and s.correlation_key = ? and s.state = 'CREATED'"
				+ " order by s.process_definition_id, s.subscription_key) first"
				+ " order by first.root_process_instance_key", name, key);
		List<Correlation> correlations = new ArrayList<>();
		for (Map<String, Object> subscription : open) {
			if (correlate(subscription, variables, messageKey)) {
				correlations.add(new Correlation((String) subscription.get("process_definition_id"),
						(Long) subscription.get("process_instance_key")));
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

	/** @return the key of the instance the message started, or null (one started by that key is active) */
	private Long startByMessage(ExecutableProcess process, String name, String correlationKey,
			Map<String, Object> variables, long messageKey) {
		Execution execution = this.executor.begin();
		Long instanceKey = this.messageStarts.start(this.executor, execution, process, name, correlationKey,
				variables, messageKey);
		this.executor.drain(execution);
		return instanceKey;
	}

	private boolean correlate(Map<String, Object> subscription, Map<String, Object> variables, long messageKey) {
		long processInstanceKey = (Long) subscription.get("process_instance_key");
		long subscriptionKey = (Long) subscription.get("subscription_key");
		this.executor.store().lockRoot(processInstanceKey);
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select state, element_id from engine_message_subscription where subscription_key = ?", subscriptionKey);
		if (rows.isEmpty() || !"CREATED".equals(rows.get(0).get("state"))) {
			return false;
		}
		ElementInstance element = this.executor.store()
			.elementInstance((Long) subscription.get("element_instance_key"))
			.orElse(null);
		if (element == null || !element.isActive()) {
			return false;
		}
		Execution execution = this.executor.begin();
		String eventId = (String) rows.get(0).get("element_id");
		this.correlations.toSubscription(messageKey, subscriptionKey, this.executor.store().now());
		this.subscriptions.correlated(subscriptionKey,
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
