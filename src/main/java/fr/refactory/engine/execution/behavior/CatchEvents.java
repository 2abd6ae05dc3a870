package fr.refactory.engine.execution.behavior;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.processor.EventBasedGatewayProcessor;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;

import org.springframework.stereotype.Component;

/**
 * A subscribed or thrown event occurred (message correlated, timer due, signal broadcast,
 * error or escalation caught): the one place that tells what waits for it — a catch event
 * (it completes with the event's variables), an event-based gateway (the event wins), a
 * boundary event (its activity is interrupted or not) or an event subprocess start (its
 * scope is interrupted or not).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CatchEvents {

	private final BoundaryEvents boundaryEvents;

	private final EventSubprocesses eventSubprocesses;

	private final EventBasedGatewayProcessor eventBasedGateways;

	CatchEvents(BoundaryEvents boundaryEvents, EventSubprocesses eventSubprocesses,
			EventBasedGatewayProcessor eventBasedGateways) {
		this.boundaryEvents = boundaryEvents;
		this.eventSubprocesses = eventSubprocesses;
		this.eventBasedGateways = eventBasedGateways;
	}

	/**
	 * @param owner the element instance that subscribed (active)
	 * @param eventId the id of the event that occurred: the owner itself, an event after
	 * the owning event-based gateway, one of the owner's boundary events or an
	 * event-subprocess start inside the owner
	 */
	public void occurred(ElementContext owner, String eventId, Map<String, Object> variables) {
		if (owner.element().id().equals(eventId)) {
			owner.executor().variableBehavior().mergeCompletionVariables(owner, variables);
			owner.complete();
			return;
		}
		ExecutableElement event = owner.process().element(eventId);
		if (owner.element().type() == ElementType.EVENT_BASED_GATEWAY) {
			this.eventBasedGateways.eventOccurred(owner, event, variables);
			return;
		}
		caught(owner, event, variables);
	}

	/**
	 * A boundary event of {@code scope} or an event-subprocess start inside it caught the
	 * event.
	 */
	public void caught(ElementContext scope, ExecutableElement event, Map<String, Object> variables) {
		if (event.eventSubprocessStart() != null) {
			this.eventSubprocesses.trigger(scope, event, variables);
		}
		else {
			this.boundaryEvents.trigger(scope, event, variables);
		}
	}

}
