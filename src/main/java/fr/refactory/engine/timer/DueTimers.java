package fr.refactory.engine.timer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CatchEvents;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.TimerStore;
import fr.refactory.engine.state.TimerStore.TimerRow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires due timers, each in its own transaction: locks the process instance (the lock
 * every command on it takes), claims the timer row by deleting it, and applies the event.
 * A timer already claimed by a concurrent checker, or whose owner ended meanwhile, is
 * gone and fires nothing. Repeating timers are re-armed in the same transaction.
 */
@Component
@ConditionalOnEmbeddedEngine
public class DueTimers {

	private final TimerStore timers;

	private final ProcessExecutor executor;

	private final CatchEvents catchEvents;

	private final Clock clock;

	DueTimers(TimerStore timers, ProcessExecutor executor, CatchEvents catchEvents, Clock clock) {
		this.timers = timers;
		this.executor = executor;
		this.catchEvents = catchEvents;
		this.clock = clock;
	}

	/** Due timers on the engine clock, earliest first. */
	public List<TimerRow> due(int limit) {
		return this.timers.due(this.clock.instant(), limit);
	}

	/**
	 * @return whether the timer fired (false: not due any more, already fired or
	 * cancelled)
	 */
	@Transactional
	public boolean fire(TimerRow candidate) {
		if (!candidate.isStartTimer()) {
			this.executor.store().lockRoot(candidate.processInstanceKey());
		}
		Optional<TimerRow> claimed = this.timers.triggered(candidate.key(), this.clock.instant());
		if (claimed.isEmpty()) {
			return false;
		}
		TimerRow timer = claimed.get();
		Execution execution = this.executor.begin();
		if (timer.isStartTimer()) {
			startInstance(execution, timer);
		}
		else {
			triggerEvent(execution, timer);
		}
		this.executor.drain(execution);
		return true;
	}

	private void startInstance(Execution execution, TimerRow timer) {
		ExecutableProcess process = this.executor.definitions().executable(timer.processDefinitionKey());
		long instanceKey = this.executor.startProcessInstance(execution, process, Map.of(), null);
		execution.startAt(instanceKey, timer.elementId());
		timer.schedule().next(this.clock.instant()).ifPresent((next) -> this.timers.created(timer, next));
	}

	private void triggerEvent(Execution execution, TimerRow timer) {
		Optional<ElementInstance> owner = this.executor.store().elementInstance(timer.elementInstanceKey());
		if (owner.isEmpty() || !owner.get().isActive()) {
			return;
		}
		this.catchEvents.occurred(this.executor.context(execution, owner.get()), timer.elementId(), Map.of());
		ExecutableElement event = this.executor.definitions()
			.executable(timer.processDefinitionKey())
			.element(timer.elementId());
		boolean repeats = event.isNonInterruptingEvent();
		if (repeats) {
			timer.schedule().next(this.clock.instant()).ifPresent((next) -> this.timers.created(timer, next));
		}
	}

}
