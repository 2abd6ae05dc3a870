package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.SignalDefinition;

import org.springframework.stereotype.Component;

/**
 * Signal catch events and signal boundary events wait through a signal subscription
 * (signals are never buffered).
 */
@Component
@ConditionalOnEmbeddedEngine
class SignalEventSubscription implements CatchEventSubscription {

	private final SignalBehavior signals;

	SignalEventSubscription(SignalBehavior signals) {
		this.signals = signals;
	}

	@Override
	public boolean handles(EventDefinition definition) {
		return definition instanceof SignalDefinition;
	}

	@Override
	public void check(ElementContext owner, ExecutableElement event) {
		this.signals.check(owner, event);
	}

	@Override
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		this.signals.open(owner, event);
		return Optional.empty();
	}

	@Override
	public void close(ElementContext owner) {
		this.signals.close(owner);
	}

	@Override
	public void close(ElementContext owner, ExecutableElement event) {
		this.signals.close(owner, event.id());
	}

}
