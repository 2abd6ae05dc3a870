package fr.refactory.engine.execution.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.CatchEventSubscriptions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableFlow;

import org.springframework.stereotype.Component;

/**
 * Event-based gateway: on activation it waits, on its own element instance, for every
 * intermediate catch event after it (message, timer, signal). The first to occur wins:
 * the gateway's other subscriptions close, it completes taking the flow to that event,
 * and the event completes at once with its variables. A buffered message that matches
 * when the gateway is entered wins at once.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EventBasedGatewayProcessor implements ElementProcessor {

	private final CatchEventSubscriptions subscriptions;

	EventBasedGatewayProcessor(CatchEventSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public void onActivate(ElementContext gateway) {
		for (String flowId : gateway.element().outgoing()) {
			ExecutableElement event = gateway.process().element(gateway.process().flow(flowId).targetId());
			Optional<Map<String, Object>> occurred = this.subscriptions.open(gateway, event);
			if (occurred.isPresent()) {
				eventOccurred(gateway, event, occurred.get());
				return;
			}
		}
	}

	/** The event after the (active) gateway occurred first. */
	public void eventOccurred(ElementContext gateway, ExecutableElement event, Map<String, Object> variables) {
		this.subscriptions.closeAll(gateway);
		ExecutableFlow flow = gateway.element()
			.outgoing()
			.stream()
			.map(gateway.process()::flow)
			.filter((candidate) -> candidate.targetId().equals(event.id()))
			.findFirst()
			.orElseThrow();
		gateway.execution().eventOccurredAhead(gateway.instance().flowScopeKey(), event.id(), variables);
		gateway.completeTaking(List.of(flow.id()));
	}

	@Override
	public void onTerminate(ElementContext gateway) {
		this.subscriptions.closeAll(gateway);
	}

}
