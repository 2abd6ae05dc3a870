package fr.refactory.engine.model;

import java.util.Map;

/**
 * A deployed process version, parsed once: its elements and flows by id, and their
 * listeners.
 */
public record ExecutableProcess(long key, String processId, int version, String name,
		Map<String, ExecutableElement> elements, Map<String, ExecutableFlow> flows, ElementListeners listeners) {

	/** This parsed process as the deployed version with this key. */
	public ExecutableProcess deployedAs(long deployedKey, int deployedVersion) {
		return new ExecutableProcess(deployedKey, this.processId, deployedVersion, this.name, this.elements, this.flows,
				this.listeners);
	}

	public ExecutableElement root() {
		return this.elements.get(this.processId);
	}

	/**
	 * The element a flow or a scope refers to by id: for a multi-instance activity, its
	 * body.
	 */
	public ExecutableElement element(String id) {
		return this.elements.get(id);
	}

	/**
	 * The element an instance of this type and id runs: the inner activity for the
	 * instances inside a body.
	 */
	public ExecutableElement element(String id, ElementType instanceType) {
		ExecutableElement element = this.elements.get(id);
		if (element.multiInstance() != null && instanceType != ElementType.MULTI_INSTANCE_BODY) {
			return element.multiInstance().inner();
		}
		return element;
	}

	/**
	 * The element whose instances contain the instances of {@code child} (null for the
	 * process): the body for an inner activity, the inner subprocess for the children of
	 * a multi-instance subprocess.
	 */
	public ExecutableElement flowScopeOf(ExecutableElement child) {
		if (child.flowScopeId() == null) {
			return null;
		}
		ExecutableElement scope = this.elements.get(child.flowScopeId());
		boolean insideInnerSubprocess = scope.multiInstance() != null && !scope.id().equals(child.id());
		return insideInnerSubprocess ? scope.multiInstance().inner() : scope;
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

	/** Signal start events (top level). */
	public java.util.List<ExecutableElement> signalStartEvents() {
		return this.elements.values()
			.stream()
			.filter((e) -> e.type() == ElementType.START_EVENT && e.eventDefinition() instanceof SignalDefinition
					&& this.processId.equals(e.flowScopeId()))
			.toList();
	}

	/**
	 * The link catch event with this name in the scope with this id (one per scope,
	 * checked at deployment).
	 */
	public ExecutableElement linkCatch(String scopeId, String linkName) {
		return this.elements.values()
			.stream()
			.filter((e) -> e.type() == ElementType.INTERMEDIATE_CATCH_EVENT
					&& e.eventDefinition() instanceof LinkDefinition link && link.name().equals(linkName)
					&& scopeId.equals(e.flowScopeId()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The boundary events attached to the activity, in id order (stable). On a
	 * multi-instance activity they belong to the body: its inner instances, which share
	 * the activity's id, have none.
	 */
	public java.util.List<ExecutableElement> boundaryEventsOf(String activityId, ElementType instanceType) {
		ExecutableElement attachedTo = this.elements.get(activityId);
		if (attachedTo != null && attachedTo.multiInstance() != null
				&& instanceType != ElementType.MULTI_INSTANCE_BODY) {
			return java.util.List.of();
		}
		return this.elements.values()
			.stream()
			.filter((e) -> e.boundary() != null && e.boundary().attachedToId().equals(activityId))
			.sorted(java.util.Comparator.comparing(ExecutableElement::id))
			.toList();
	}

	/**
	 * The start events of the event subprocesses directly inside the scope with this id,
	 * in id order. Only processes, subprocesses and event subprocesses have them; the
	 * body of a multi-instance subprocess has none either: they belong to its inner
	 * instances.
	 */
	public java.util.List<ExecutableElement> eventSubprocessStartsIn(String scopeId, ElementType instanceType) {
		if (instanceType != ElementType.PROCESS && instanceType != ElementType.SUB_PROCESS
				&& instanceType != ElementType.EVENT_SUB_PROCESS) {
			return java.util.List.of();
		}
		return this.elements.values()
			.stream()
			.filter((e) -> e.eventSubprocessStart() != null
					&& scopeId.equals(this.elements.get(e.flowScopeId()).flowScopeId()))
			.sorted(java.util.Comparator.comparing(ExecutableElement::id))
			.toList();
	}

	/**
	 * The compensation handlers of the activity whose instance of this type just
	 * completed (the body of a multi-instance activity, not its inner instances), one per
	 * compensation boundary event.
	 */
	public java.util.List<String> compensationHandlersOf(String activityId, ElementType instanceType) {
		return boundaryEventsOf(activityId, instanceType).stream()
			.filter((event) -> event.eventDefinition() instanceof CompensationDefinition)
			.map((event) -> ((CompensationDefinition) event.eventDefinition()).handlerId())
			.toList();
	}

	/**
	 * Whether the element is the compensation handler associated with a compensation
	 * boundary event.
	 */
	public boolean isCompensationHandler(String elementId) {
		return this.elements.values()
			.stream()
			.anyMatch((e) -> e.eventDefinition() instanceof CompensationDefinition compensation
					&& elementId.equals(compensation.handlerId()));
	}

	/** The ids of the activities that have a compensation boundary event. */
	public java.util.Set<String> compensableActivities() {
		return this.elements.values()
			.stream()
			.filter((e) -> e.boundary() != null && e.eventDefinition() instanceof CompensationDefinition)
			.map((e) -> e.boundary().attachedToId())
			.collect(java.util.stream.Collectors.toSet());
	}

	public ExecutableFlow flow(String id) {
		return this.flows.get(id);
	}

}
