package fr.refactory.engine.execution.behavior;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * A subscribed event occurred (message correlated, timer due): the one place that tells a waiting catch event (it
 * completes with the event's variables) from a boundary event (its activity is interrupted or not).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CatchEvents {

	private final ProcessExecutor executor;

	private final BoundaryEvents boundaryEvents;

	CatchEvents(ProcessExecutor executor, BoundaryEvents boundaryEvents) {
		this.executor = executor;
		this.boundaryEvents = boundaryEvents;
	}

	/**
	 * @param owner the element instance that subscribed (active)
	 * @param eventId the id of the event that occurred: the owner itself, or one of its boundary events
	 */
	public void occurred(Execution execution, ElementInstance owner, String eventId, Map<String, Object> variables) {
		ElementContext context = this.executor.context(execution, owner);
		if (owner.elementId().equals(eventId)) {
			this.executor.variableBehavior().mergeCompletionVariables(context, variables);
			context.complete();
			return;
		}
		this.boundaryEvents.trigger(context, context.process().element(eventId), variables);
	}

}
