package fr.refactory.engine;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CatchEvents;
import fr.refactory.engine.execution.behavior.MessageCorrelations;
import fr.refactory.engine.execution.behavior.MessageSubscriptionBehavior;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.KeyGenerator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message commands: publish (correlate to open subscriptions, at most one per process id, and buffer for the time to
 * live) and correlate (immediately, to the first open subscription, or not found).
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

	private final MessageCorrelations correlations;

	Messages(JdbcTemplate jdbc, ProcessExecutor executor, MessageSubscriptionBehavior subscriptions, KeyGenerator keys,
			ObjectMapper json, CatchEvents catchEvents, MessageCorrelations correlations) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.subscriptions = subscriptions;
		this.keys = keys;
		this.json = json;
		this.catchEvents = catchEvents;
		this.correlations = correlations;
	}

	@Transactional
	public long publish(String name, String correlationKey, long timeToLive, String messageId,
			Map<String, Object> variables) {
		requireName(name);
		String key = correlationKey == null ? "" : correlationKey;
		Timestamp now = this.executor.store().now();
		this.jdbc.update("delete from engine_message where deadline <= ?", now);
		if (messageId != null && !messageId.isEmpty()) {
			Integer existing = this.jdbc.queryForObject("select count(*) from engine_message where name = ?"
					+ " and correlation_key = ? and message_id = ?", Integer.class, name, key, messageId);
			if (existing != null && existing > 0) {
				throw new Rejection(Rejection.Kind.ALREADY_EXISTS, "Expected to publish a new message with id '"
						+ messageId + "', but a message with that id was already published");
			}
		}
		long messageKey = this.keys.nextKey();
		List<Map<String, Object>> open = this.jdbc.queryForList(
				"select distinct on (process_definition_id) subscription_key, element_instance_key,"
						+ " process_instance_key, process_definition_id from engine_message_subscription"
						+ " where message_name = ? and correlation_key = ? and state = 'CREATED'"
						+ " order by process_definition_id, subscription_key",
				name, key);
		List<String> correlatedProcesses = new java.util.ArrayList<>();
		for (Map<String, Object> subscription : open) {
			if (correlate(subscription, variables, messageKey)) {
				correlatedProcesses.add((String) subscription.get("process_definition_id"));
			}
		}
		for (ExecutableProcess process : processesStartedBy(name)) {
			if (!correlatedProcesses.contains(process.processId())
					&& startByMessage(process, name, key, variables, messageKey) != null) {
				correlatedProcesses.add(process.processId());
			}
		}
		if (timeToLive > 0) {
			this.jdbc.update("insert into engine_message (message_key, name, correlation_key, message_id, variables,"
					+ " deadline) values (?, ?, ?, ?, ?, ?)", messageKey, name, key, messageId, write(variables),
					new Timestamp(now.getTime() + timeToLive));
			for (String processId : correlatedProcesses) {
				this.jdbc.update(
						"insert into engine_message_correlation (message_key, process_definition_id) values (?, ?)",
						messageKey, processId);
			}
		}
		return messageKey;
	}

	/** @return the message key and the key of the process instance the message was correlated to */
	@Transactional
	public Map<String, Long> correlate(String name, String correlationKey, Map<String, Object> variables) {
		requireName(name);
		String key = correlationKey == null ? "" : correlationKey;
		long messageKey = this.keys.nextKey();
		List<Map<String, Object>> open = this.jdbc.queryForList(
				"select subscription_key, element_instance_key, process_instance_key, process_definition_id"
						+ " from engine_message_subscription where message_name = ? and correlation_key = ?"
						+ " and state = 'CREATED' order by subscription_key",
				name, key);
		for (Map<String, Object> subscription : open) {
			if (correlate(subscription, variables, messageKey)) {
				Map<String, Long> result = new LinkedHashMap<>();
				result.put("messageKey", messageKey);
				result.put("processInstanceKey", (Long) subscription.get("process_instance_key"));
				return result;
			}
		}
		for (ExecutableProcess process : processesStartedBy(name)) {
			Long instance = startByMessage(process, name, key, variables, messageKey);
			if (instance != null) {
				Map<String, Long> result = new LinkedHashMap<>();
				result.put("messageKey", messageKey);
				result.put("processInstanceKey", instance);
				return result;
			}
		}
		throw Rejection.notFound("Expected to find subscription for message with name '" + name
				+ "' and correlation key '" + key + "', but none was found.");
	}

	/** The latest version of every process whose message start event has this message name. */
	private List<ExecutableProcess> processesStartedBy(String name) {
		return this.executor.definitions()
			.latestExecutables()
			.stream()
			.filter((process) -> startEventFor(process, name) != null)
			.toList();
	}

	private static ExecutableElement startEventFor(ExecutableProcess process, String name) {
		for (ExecutableElement start : process.messageStartEvents()) {
			if (name.equals(FeelExpressions.evaluateString(start.message().name(), Map.of()))) {
				return start;
			}
		}
		return null;
	}

	/**
	 * Starts an instance at the message start event, unless an active instance of the process was started by a
	 * message with the same (non-empty) correlation key.
	 * @return the new instance's key, or null
	 */
	private Long startByMessage(ExecutableProcess process, String name, String correlationKey,
			Map<String, Object> variables, long messageKey) {
		if (!correlationKey.isEmpty()) {
			this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", process.processId() + "\n"
					+ correlationKey);
			Integer active = this.jdbc.queryForObject("select count(*) from engine_message_start_instance s"
					+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
					+ " where s.process_definition_id = ? and s.correlation_key = ? and p.state = 'ACTIVE'",
					Integer.class, process.processId(), correlationKey);
			if (active != null && active > 0) {
				return null;
			}
		}
		ExecutableElement start = startEventFor(process, name);
		Execution execution = this.executor.begin();
		long instanceKey = this.executor.startProcessInstance(execution, process, variables, null);
		execution.startAt(instanceKey, start.id());
		this.jdbc.update("insert into engine_message_start_instance (process_instance_key, process_definition_id,"
				+ " correlation_key) values (?, ?, ?)", instanceKey, process.processId(), correlationKey);
		this.correlations.toStartEvent(messageKey, name, correlationKey, start.id(), instanceKey, process.key(),
				process.processId(), this.executor.store().now());
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
		this.catchEvents.occurred(execution, element, eventId, variables == null ? Map.of() : variables);
		this.executor.drain(execution);
		return true;
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
