package fr.refactory.engine.model;

import java.util.List;

import fr.refactory.engine.expression.Expression;

/**
 * One flow node (or the process itself) of a deployed process, immutable. Only the attributes of its own type are set;
 * the others are null.
 *
 * @param flowScopeId the id of the enclosing process or subprocess (null for the process)
 * @param startEventId for processes and subprocesses: the none start event to activate
 * @param eventDefinition for events: what they catch or throw (null for none events and non-events)
 * @param boundary for boundary events: the activity they are attached to
 */
public record ExecutableElement(String id, String name, ElementType type, String flowScopeId, List<String> incoming,
		List<String> outgoing, String defaultFlowId, List<Mapping> inputs, List<Mapping> outputs, JobDefinition job,
		UserTaskDefinition userTask, CalledDecision calledDecision, CalledElement calledElement, Expression script,
		String resultVariable, String startEventId, MessageDefinition message, EventDefinition eventDefinition,
		BoundaryDefinition boundary) {

	public String nameOrId() {
		return this.name != null ? this.name : this.id;
	}

}
