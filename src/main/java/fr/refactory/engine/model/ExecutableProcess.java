package fr.refactory.engine.model;

import java.util.Map;

/** A deployed process version, parsed once: its elements and flows by id. */
public record ExecutableProcess(long key, String processId, int version, String name,
		Map<String, ExecutableElement> elements, Map<String, ExecutableFlow> flows) {

	public ExecutableElement root() {
		return this.elements.get(this.processId);
	}

	public ExecutableElement element(String id) {
		return this.elements.get(id);
	}

	/** Message start events (top level) by their message name. */
	public java.util.List<ExecutableElement> messageStartEvents() {
		return this.elements.values()
			.stream()
			.filter((e) -> e.type() == ElementType.START_EVENT && e.message() != null
					&& this.processId.equals(e.flowScopeId()))
			.toList();
	}

	/** Timer start events (top level). */
	public java.util.List<ExecutableElement> timerStartEvents() {
		return this.elements.values()
			.stream()
			.filter((e) -> e.type() == ElementType.START_EVENT && e.eventDefinition() instanceof TimerDefinition
					&& this.processId.equals(e.flowScopeId()))
			.toList();
	}

	/** The boundary events attached to the activity, in id order (stable). */
	public java.util.List<ExecutableElement> boundaryEventsOf(String activityId) {
		return this.elements.values()
			.stream()
			.filter((e) -> e.boundary() != null && e.boundary().attachedToId().equals(activityId))
			.sorted(java.util.Comparator.comparing(ExecutableElement::id))
			.toList();
	}

	public ExecutableFlow flow(String id) {
		return this.flows.get(id);
	}

}
