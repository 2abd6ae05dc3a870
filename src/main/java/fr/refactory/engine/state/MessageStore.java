package fr.refactory.engine.state;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Published messages: the buffer ({@code engine_message}, kept for their time to live),
 * the processes each one correlated to ({@code engine_message_correlation}, once per
 * process id), the instances a message started ({@code engine_message_start_instance})
 * and the record of each correlation to a start event
 * ({@code engine_correlated_message}). The only writer of these tables; its writing
 * methods are named after the message events they apply (ADR 1110).
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageStore {

	private final JdbcTemplate jdbc;

	private final EventLog events;

	private final ObjectMapper json;

	MessageStore(JdbcTemplate jdbc, EventLog events, ObjectMapper json) {
		this.jdbc = jdbc;
		this.events = events;
		this.json = json;
	}

	/**
	 * The buffered messages whose time to live ran out by {@code now} expired (not logged
	 * as events).
	 */
	public void expired(Timestamp now) {
		this.jdbc.update("delete from engine_message where deadline <= ?", now);
	}

	/** Whether a buffered message with the name and correlation key has this id. */
	public boolean isBuffered(String name, String correlationKey, String messageId) {
		Integer existing = this.jdbc.queryForObject(
				"select count(*) from engine_message where name = ?" + " and correlation_key = ? and message_id = ?",
				Integer.class, name, correlationKey, messageId);
		return existing != null && existing > 0;
	}

	/**
	 * A message was published with a time to live: buffered until {@code deadline}
	 * ({@code variables} as JSON).
	 * @throws org.springframework.dao.DuplicateKeyException when a buffered message has
	 * the same id
	 */
	public void published(long messageKey, String name, String correlationKey, String messageId, String variables,
			Timestamp deadline) {
		this.jdbc.update(
				"insert into engine_message (message_key, name, correlation_key, message_id,"
						+ " variables, deadline) values (?, ?, ?, ?, ?, ?)",
				messageKey, name, correlationKey, messageId, variables, deadline);
	}

	/**
	 * The message correlated to (an instance of) the process: the buffer never hands it
	 * to that process again.
	 */
	public void correlatedToProcess(long messageKey, String processDefinitionId) {
		this.jdbc.update("insert into engine_message_correlation (message_key, process_definition_id) values (?, ?)",
				messageKey, processDefinitionId);
	}

	/**
	 * The oldest message buffered with the name and correlation key, alive at
	 * {@code now}, the process did not get.
	 */
	public Optional<BufferedMessage> oldestBufferedFor(String name, String correlationKey, Timestamp now,
			String processDefinitionId) {
		List<Map<String, Object>> buffered = this.jdbc
			.queryForList("select message_key, variables from engine_message m where name = ? and correlation_key = ?"
					+ " and deadline > ? and not exists (select 1 from engine_message_correlation c"
					+ " where c.message_key = m.message_key and c.process_definition_id = ?)"
					+ " order by message_key limit 1", name, correlationKey, now, processDefinitionId);
		return buffered.stream()
			.findFirst()
			.map((row) -> new BufferedMessage((Long) row.get("message_key"), read((String) row.get("variables"))));
	}

	/**
	 * Whether an active instance of the process was started by a message with this
	 * correlation key.
	 */
	public boolean hasActiveInstanceStartedBy(String processDefinitionId, String correlationKey) {
		Integer active = this.jdbc.queryForObject(
				"select count(*) from engine_message_start_instance s"
						+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
						+ " where s.process_definition_id = ? and s.correlation_key = ? and p.state = 'ACTIVE'",
				Integer.class, processDefinitionId, correlationKey);
		return active != null && active > 0;
	}

	/**
	 * The correlation key of the message that started the instance, if a message started
	 * it.
	 */
	public Optional<String> startCorrelationKey(long processInstanceKey) {
		return this.jdbc
			.queryForList("select correlation_key from engine_message_start_instance where process_instance_key = ?",
					String.class, processInstanceKey)
			.stream()
			.findFirst();
	}

	/**
	 * The message started an instance at a message start event. Such a subscription has
	 * no element instance and no key of its own here: the process definition key stands
	 * for it (docs/decisions/0244).
	 */
	public void startEventCorrelated(long messageKey, String messageName, String correlationKey, String startEventId,
			long processInstanceKey, long processDefinitionKey, String processDefinitionId, Timestamp now) {
		this.jdbc.update(
				"insert into engine_message_start_instance (process_instance_key, process_definition_id,"
						+ " correlation_key) values (?, ?, ?)",
				processInstanceKey, processDefinitionId, correlationKey);
		this.jdbc.update("insert into engine_correlated_message (message_key, message_name, correlation_key,"
				+ " subscription_key, element_instance_key, element_id, process_instance_key, process_definition_key,"
				+ " process_definition_id, correlation_time) values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)", messageKey,
				messageName, correlationKey, processDefinitionKey, startEventId, processInstanceKey,
				processDefinitionKey, processDefinitionId, now);
		this.events.append(new EngineEvent(processDefinitionKey, ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
				Intent.CORRELATED, processInstanceKey, null, startEventId, Map.of()));
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

	/** A buffered message: its key and variables. */
	public record BufferedMessage(long key, Map<String, Object> variables) {
	}

	/**
	 * The message-started instances of a deleted process definition go with it (resource
	 * deletion, ADR 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update(
				"delete from engine_message_start_instance where process_instance_key in (select"
						+ " process_instance_key from engine_process_instance where process_definition_key = ?)",
				processDefinitionKey);
	}

}
