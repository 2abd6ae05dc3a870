package fr.refactory.engine;

import java.util.List;

import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;

/**
 * Start instructions of a process-instance creation: the elements to start before instead
 * of the none start event. An element may lie inside embedded subprocesses (they are
 * created on the way); elements that cannot be started on their own are rejected, naming
 * the element: boundary events, elements inside a multi-instance activity or an event
 * subprocess, event subprocesses, compensation handlers (and what is inside them) and the
 * catch events of an event-based gateway.
 */
final class StartInstructions {

	private StartInstructions() {
	}

	static void validate(ExecutableProcess process, List<String> elementIds) {
		for (String elementId : elementIds) {
			String reason = whyNotStartable(process, elementId);
			if (reason != null) {
				throw Rejection.invalidArgument("Expected to create instance of process '" + process.processId()
						+ "' with start instructions, but the element with id '" + elementId + "' " + reason);
			}
		}
	}

	/** Why the element cannot be started on its own, or null when it can. */
	static String whyNotStartable(ExecutableProcess process, String elementId) {
		ExecutableElement element = elementId == null ? null : process.element(elementId);
		if (element == null || element.type() == ElementType.PROCESS) {
			return "is not a flow node of the process";
		}
		if (element.boundary() != null) {
			return "is a boundary event, which only its activity can trigger";
		}
		if (process.isCompensationHandler(elementId)) {
			return "is a compensation handler, which only a compensation throw event can start";
		}
		if (element.type() == ElementType.EVENT_SUB_PROCESS || element.eventSubprocessStart() != null) {
			return "belongs to an event subprocess, which only its event can start";
		}
		if (element.incoming()
			.stream()
			.map(process::flow)
			.map((flow) -> process.element(flow.sourceId()))
			.anyMatch((source) -> source.type() == ElementType.EVENT_BASED_GATEWAY)) {
			return "belongs to an event-based gateway, which must be started instead";
		}
		for (ExecutableElement scope = process.element(element.flowScopeId()); scope
			.type() != ElementType.PROCESS; scope = process.element(scope.flowScopeId())) {
			if (scope.multiInstance() != null) {
				return "is inside the multi-instance activity '" + scope.id() + "'";
			}
			if (process.isCompensationHandler(scope.id())) {
				return "is inside the compensation handler '" + scope.id() + "', which only a compensation throw"
						+ " event can start";
			}
			if (scope.type() == ElementType.EVENT_SUB_PROCESS) {
				return "is inside the event subprocess '" + scope.id() + "', which only its event can start";
			}
		}
		return null;
	}

}
