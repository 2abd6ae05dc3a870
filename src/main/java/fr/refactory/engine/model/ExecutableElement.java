package fr.refactory.engine.model;

import java.util.List;

import fr.refactory.engine.expression.Expression;

/**
 * One flow node (or the process itself) of a deployed process, immutable. Only the
 * attributes of its own type are set; the others are null.
 *
 * @param flowScopeId the id of the enclosing process or subprocess (null for the process)
 * @param startEventId for processes and subprocesses: the none start event to activate
 * @param eventDefinition for events: what they catch or throw (null for none events and
 * non-events)
 * @param boundary for boundary events: the activity they are attached to
 * @param multiInstance for a multi-instance body: its loop characteristics and inner
 * activity
 * @param eventSubprocessStart for the start event of an event subprocess: whether it
 * interrupts
 */
public record ExecutableElement(String id, String name, ElementType type, String flowScopeId, List<String> incoming,
		List<String> outgoing, String defaultFlowId, List<Mapping> inputs, List<Mapping> outputs, JobDefinition job,
		UserTaskDefinition userTask, CalledDecision calledDecision, CalledElement calledElement, Expression script,
		String resultVariable, String startEventId, MessageDefinition message, EventDefinition eventDefinition,
		BoundaryDefinition boundary, MultiInstanceLoop multiInstance, EventSubprocessStart eventSubprocessStart) {

	/**
	 * A boundary event or event-subprocess start that leaves its owner running when it
	 * occurs, and so may occur again while the owner runs (its subscription stays open,
	 * its timer cycle repeats).
	 */
	public boolean isNonInterruptingEvent() {
		return (this.boundary != null && !this.boundary.interrupting())
				|| (this.eventSubprocessStart != null && !this.eventSubprocessStart.interrupting());
	}

	public String nameOrId() {
		return this.name != null ? this.name : this.id;
	}

	/**
	 * The activity as the inner instance of a multi-instance body: no flows of its own
	 * (the body takes them) and the body, which has the same id, as its flow scope.
	 */
	public ExecutableElement asInnerActivity() {
		return new ExecutableElement(this.id, this.name, this.type, this.id, List.of(), List.of(), null, this.inputs,
				this.outputs, this.job, this.userTask, this.calledDecision, this.calledElement, this.script,
				this.resultVariable, this.startEventId, this.message, this.eventDefinition, null, null, null);
	}

	/**
	 * The multi-instance body in place of this activity: its flows, none of its own
	 * behaviour or mappings.
	 */
	public ExecutableElement asMultiInstanceBody(MultiInstanceLoop loop) {
		return new ExecutableElement(this.id, this.name, ElementType.MULTI_INSTANCE_BODY, this.flowScopeId,
				this.incoming, this.outgoing, null, List.of(), List.of(), null, null, null, null, null, null, null,
				null, null, null, loop, null);
	}

}
