package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.MessageLocks;
import fr.refactory.engine.state.MessageStore;
import fr.refactory.engine.state.MessageStore.BufferedMessage;

import org.springframework.stereotype.Component;

/**
 * Top-level message start events, with Camunda's uniqueness per correlation key: while an
 * instance of a process started by a message with correlation key K is active, no other
 * message with K starts that process; once it ends, the oldest buffered message with K
 * (not yet correlated to the process) starts the next instance.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageStartEvents {

	private final MessageStore messages;

	private final MessageLocks locks;

	MessageStartEvents(MessageStore messages, MessageLocks locks) {
		this.messages = messages;
		this.locks = locks;
	}

	/**
	 * The latest version of every process whose message start event has this message
	 * name.
	 */
	public List<ExecutableProcess> processesStartedBy(ProcessExecutor executor, String name) {
		return executor.definitions()
			.latestExecutables()
			.stream()
			.filter((process) -> startEventFor(process, name) != null)
			.toList();
	}

	/**
	 * Starts an instance at the message start event (its steps queued on the execution)
	 * and records the correlation, unless an active instance of the process was started
	 * by a message with the same (non-empty) correlation key.
	 * @return the new instance's key, or null
	 */
	public Long start(ProcessExecutor executor, Execution execution, ExecutableProcess process, String name,
			String correlationKey, Map<String, Object> variables, long messageKey) {
		if (!correlationKey.isEmpty()) {
			this.locks.lockMessageStart(process.processId(), correlationKey);
			if (this.messages.hasActiveInstanceStartedBy(process.processId(), correlationKey)) {
				return null;
			}
		}
		ExecutableElement start = startEventFor(process, name);
		long instanceKey = executor.startProcessInstance(execution, process, variables, null);
		execution.startAt(instanceKey, start.id());
		this.messages.startEventCorrelated(messageKey, name, correlationKey, start.id(), instanceKey, process.key(),
				process.processId(), executor.store().now());
		return instanceKey;
	}

	/**
	 * The (root) process instance ended: a buffered message with its start correlation
	 * key starts the next one.
	 */
	public void instanceEnded(ElementContext process) {
		if (process.process().messageStartEvents().isEmpty()) {
			return;
		}
		long instanceKey = process.instance().processInstanceKey();
		Optional<String> startKey = this.messages.startCorrelationKey(instanceKey);
		if (startKey.isEmpty() || startKey.get().isEmpty()) {
			return;
		}
		String correlationKey = startKey.get();
		ProcessExecutor executor = process.executor();
		ExecutableProcess latest = executor.definitions()
			.latestProcess(process.process().processId())
			.map((row) -> executor.definitions().executable(row.key()))
			.orElseThrow();
		for (ExecutableElement start : latest.messageStartEvents()) {
			String name = FeelExpressions.evaluateString(start.message().name(), Map.of());
			this.locks.lock(name, correlationKey);
			Optional<BufferedMessage> buffered = this.messages.oldestBufferedFor(name, correlationKey,
					executor.store().now(), latest.processId());
			if (buffered.isPresent()) {
				this.messages.correlatedToProcess(buffered.get().key(), latest.processId());
				start(executor, process.execution(), latest, name, correlationKey, buffered.get().variables(),
						buffered.get().key());
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

}
