package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ArrivalContext;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.model.ExecutableFlow;

/**
 * Inclusive gateway: forks onto every flow whose condition is true (else the default
 * flow, else an incident); joins when every incoming flow has a token or no other token
 * is active in the scope.
 */
public class InclusiveGatewayProcessor implements ElementProcessor {

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().outgoing().size() <= 1) {
			context.complete();
			return;
		}
		context.completeTaking(Conditions.matching(context, false));
	}

	@Override
	public void onArrive(ArrivalContext arrival, ExecutableFlow flow) {
		if (arrival.incoming().size() <= 1) {
			arrival.activate();
			return;
		}
		String gatewayId = arrival.element().id();
		arrival.store().addJoinToken(arrival.flowScopeKey(), gatewayId, flow.id());
		boolean allArrived = arrival.store()
			.joinedFlows(arrival.flowScopeKey(), gatewayId)
			.containsAll(arrival.incoming());
		if (allArrived || !arrival.scopeHasOtherActiveElements()) {
			arrival.store().consumeJoinTokens(arrival.flowScopeKey(), gatewayId);
			arrival.activate();
		}
	}

}
