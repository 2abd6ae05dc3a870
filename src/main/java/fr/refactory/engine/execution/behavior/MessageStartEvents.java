package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.MessageLocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Top-level message start events, with Camunda's uniqueness per correlation key: while an instance of a process started
 * by a message with correlation key K is active, no other message with K starts that process; once it ends, the oldest
 * buffered message with K (not yet correlated to the process) starts the next instance.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageStartEvents {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final MessageCorrelations correlations;

	private final MessageLocks locks;

	MessageStartEvents(JdbcTemplate jdbc, ObjectMapper json, MessageCorrelations correlations, MessageLocks locks) {
		this.jdbc = jdbc;
		this.json = json;
		this.correlations = correlations;
		this.locks = locks;
	}

	/** The latest version of every process whose message start event has this message name. */
	public List<ExecutableProcess> processesStartedBy(ProcessExecutor executor, String name) {
		return executor.definitions()
			.latestExecutables()
			.stream()
			.filter((process) -> startEventFor(process, name) != null)
			.toList();
	}

	/**
	 * Starts an instance at the message start event (its steps queued on the execution) and records the correlation,
	 * unless an active instance of the process was started by a message with the same (non-empty) correlation key.
	 * @return the new instance's key, or null
	 */
	public Long start(ProcessExecutor executor, Execution execution, ExecutableProcess process, String name,
			String correlationKey, Map<String, Object> variables, long messageKey) {
		if (!correlationKey.isEmpty()) {
			this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))",
					process.processId() + "\n" + correlationKey);
			Integer active = this.jdbc.queryForObject("select count(*) from engine_message_start_instance s"
					+ " join engine_process_instance p on p.process_instance_key = s.process_instance_key"
					+ " where s.process_definition_id = ? and s.correlation_key = ? and p.state = 'ACTIVE'",
					Integer.class, process.processId(), correlationKey);
			if (active != null && active > 0) {
				return null;
			}
		}
		ExecutableElement start = startEventFor(process, name);
		long instanceKey = executor.startProcessInstance(execution, process, variables, null);
		execution.startAt(instanceKey, start.id());
		this.jdbc.update("insert into engine_message_start_instance (process_instance_key, process_definition_id,"
				+ " correlation_key) values (?, ?, ?)", instanceKey, process.processId(), correlationKey);
		this.correlations.toStartEvent(messageKey, name, correlationKey, start.id(), instanceKey, process.key(),
				process.processId(), executor.store().now());
		return instanceKey;
	}

	/** The (root) process instance ended: a buffered message with its start correlation key starts the next one. */
	public void instanceEnded(ElementContext process) {
		if (process.process().messageStartEvents().isEmpty()) {
			return;
		}
		long instanceKey = process.instance().processInstanceKey();
		List<String> keys = this.jdbc.queryForList(
				"select correlation_key from engine_message_start_instance where process_instance_key = ?",
				String.class, instanceKey);
		if (keys.isEmpty() || keys.get(0).isEmpty()) {
			return;
		}
		ProcessExecutor executor = process.executor();
		ExecutableProcess latest = executor.definitions()
			.latestProcess(process.process().processId())
			.map((row) -> executor.definitions().executable(row.key()))
			.orElseThrow();
		for (ExecutableElement start : latest.messageStartEvents()) {
			String name = FeelExpressions.evaluateString(start.message().name(), Map.of());
			this.locks.lock(name, keys.get(0));
			List<Map<String, Object>> buffered = this.jdbc.queryForList(
					"select message_key, variables from engine_message m where name = ? and correlation_key = ?"
							+ " and deadline > ? and not exists (select 1 from engine_message_correlation c"
							+ " where c.message_key = m.message_key and c.process_definition_id = ?)"
							+ " order by message_key limit 1",
					name, keys.get(0), executor.store().now(), latest.processId());
			if (!buffered.isEmpty()) {
				this.jdbc.update("insert into engine_message_correlation (message_key, process_definition_id)"
						+ " values (?, ?)", buffered.get(0).get("message_key"), latest.processId());
				start(executor, process.execution(), latest, name, keys.get(0),
						read((String) buffered.get(0).get("variables")), (Long) buffered.get(0).get("message_key"));
				return;
			}
		}
	}

	private static ExecutableElement startEventFor(ExecutableProcess process, String name) {
		for (ExecutableElement start : process.messageStartEvents()) {
			if (name.equals(FeelExpressions.evaluateString(start.message().name(), Map.of()))) {
				return start;
			}
		}
		return null;
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
