package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ArrivalContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.model.ExecutableFlow;

/**
 * Parallel gateway: joins one token from every incoming flow, then forks onto every
 * outgoing flow.
 */
public class ParallelGatewayProcessor implements ElementProcessor {

	@Override
	public void onArrive(ArrivalContext arrival, ExecutableFlow flow) {
		if (arrival.incoming().size() <= 1) {
			arrival.activate();
			return;
		}
		String gatewayId = arrival.element().id();
		arrival.store().addJoinToken(arrival.flowScopeKey(), gatewayId, flow.id());
		if (arrival.store().joinedFlows(arrival.flowScopeKey(), gatewayId).containsAll(arrival.incoming())) {
			arrival.store().consumeJoinTokens(arrival.flowScopeKey(), gatewayId);
			arrival.activate();
		}
	}

}
