package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.TimerDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.TimerSchedule;
import fr.refactory.engine.state.TimerStore;
import fr.refactory.engine.timer.TimerExpressions;

import org.springframework.stereotype.Component;

/**
 * Timer catch events and timer boundary events wait through a persisted timer, evaluated
 * on the engine clock in the owner's scope; the timer checker fires it when due.
 */
@Component
@ConditionalOnEmbeddedEngine
class TimerEventSubscription implements CatchEventSubscription {

	private final TimerStore timers;

	TimerEventSubscription(TimerStore timers) {
		this.timers = timers;
	}

	@Override
	public boolean handles(EventDefinition definition) {
		return definition instanceof TimerDefinition;
	}

	@Override
	public void check(ElementContext owner, ExecutableElement event) {
		schedule(owner, event);
	}

	@Override
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		TimerSchedule schedule = schedule(owner, event);
		ElementInstance instance = owner.instance();
		this.timers.created(instance.key(), instance.processInstanceKey(), instance.processDefinitionKey(),
				instance.processDefinitionId(), event.id(), schedule);
		return Optional.empty();
	}

	private static TimerSchedule schedule(ElementContext owner, ExecutableElement event) {
		return TimerExpressions.schedule((TimerDefinition) event.eventDefinition(), owner.variables(),
				owner.executor().store().now().toInstant());
	}

	@Override
	public void close(ElementContext owner) {
		this.timers.canceled(owner.instance().key());
	}

	@Override
	public void close(ElementContext owner, ExecutableElement event) {
		this.timers.canceled(owner.instance().key(), event.id());
	}

}
