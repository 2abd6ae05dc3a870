package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;

/**
 * Exclusive gateway: the first flow whose condition is true, else the default flow, else
 * an incident.
 */
public class ExclusiveGatewayProcessor implements ElementProcessor {

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().outgoing().size() <= 1) {
			context.complete();
			return;
		}
		context.completeTaking(Conditions.matching(context, true));
	}

}
