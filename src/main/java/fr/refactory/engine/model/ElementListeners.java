package fr.refactory.engine.model;

import java.util.List;
import java.util.Map;

/**
 * The listeners of a process's elements by element id, in model order: execution
 * listeners of any element, task listeners of Camunda user tasks. On a multi-instance
 * activity the execution listeners belong to its body.
 */
public record ElementListeners(Map<String, List<ExecutionListener>> execution, Map<String, List<TaskListener>> task) {

	public static final ElementListeners NONE = new ElementListeners(Map.of(), Map.of());

	/**
	 * The user task's task listeners of this event type (e.g. COMPLETING), in model
	 * order.
	 */
	public List<TaskListener> task(String elementId, String eventType) {
		return this.task.getOrDefault(elementId, List.of())
			.stream()
			.filter((listener) -> listener.eventType().equals(eventType))
			.toList();
	}

	/** The element's execution listeners of this event type, in model order. */
	public List<ExecutionListener> execution(String elementId, ExecutionListener.EventType eventType) {
		return this.execution.getOrDefault(elementId, List.of())
			.stream()
			.filter((listener) -> listener.eventType() == eventType)
			.toList();
	}

}
