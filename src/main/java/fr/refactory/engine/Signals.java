package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.SignalBehavior;
import fr.refactory.engine.state.KeyGenerator;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signal broadcast: one transaction that triggers every open signal subscription and
 * signal start event.
 */
@Component
@ConditionalOnEmbeddedEngine
public class Signals {

	private final ProcessExecutor executor;

	private final SignalBehavior signals;

	private final KeyGenerator keys;

	Signals(ProcessExecutor executor, SignalBehavior signals, KeyGenerator keys) {
		this.executor = executor;
		this.signals = signals;
		this.keys = keys;
	}

	/**
	 * @return the signal key
	 */
	@Transactional
	public long broadcast(String signalName, Map<String, Object> variables) {
		if (signalName == null || signalName.isBlank()) {
			throw Rejection.invalidArgument("Expected a signalName, but none was given");
		}
		long key = this.keys.nextKey();
		this.signals.broadcast(this.executor, signalName, variables == null ? Map.of() : variables);
		return key;
	}

}
