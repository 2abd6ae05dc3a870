package fr.refactory.engine.execution.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableFlow;

/** Sequence-flow conditions of exclusive and inclusive gateways. */
final class Conditions {

	private Conditions() {
	}

	/**
	 * The non-default outgoing flows whose condition is true, in model order; stops at
	 * the first if asked.
	 */
	static List<String> matching(ElementContext context, boolean firstOnly) {
		Map<String, Object> variables = context.variables();
		List<String> taken = new ArrayList<>();
		for (String flowId : context.element().outgoing()) {
			if (flowId.equals(context.element().defaultFlowId())) {
				continue;
			}
			if (isTrue(context.process().flow(flowId), variables)) {
				taken.add(flowId);
				if (firstOnly) {
					break;
				}
			}
		}
		if (taken.isEmpty() && context.element().defaultFlowId() != null) {
			taken.add(context.element().defaultFlowId());
		}
		if (taken.isEmpty()) {
			throw new ElementFailure("CONDITION_ERROR", "Expected at least one condition to evaluate to true, or to"
					+ " have a default flow, but no condition of gateway '" + context.element().id() + "' was true");
		}
		return taken;
	}

	private static boolean isTrue(ExecutableFlow flow, Map<String, Object> variables) {
		if (flow.condition() == null) {
			return true;
		}
		Object value;
		try {
			value = FeelExpressions.evaluate(flow.condition(), variables);
		}
		catch (ExpressionFailure failure) {
			throw new ElementFailure("CONDITION_ERROR", failure.getMessage());
		}
		if (!(value instanceof Boolean)) {
			throw new ElementFailure("CONDITION_ERROR",
					"Expected result of the expression '" + flow.condition().source() + "' to be 'BOOLEAN', but was '"
							+ (value == null ? "NULL" : value) + "'");
		}
		return Boolean.TRUE.equals(value);
	}

}
