package fr.refactory.system.diagram;

import java.util.Set;

/**
 * What to mark on a diagram: element ids completed, active (a token waits there), with an open incident, and the
 * sequence flows taken.
 */
public record DiagramState(Set<String> completed, Set<String> active, Set<String> incidents, Set<String> takenFlows) {

	public static final DiagramState NONE = new DiagramState(Set.of(), Set.of(), Set.of(), Set.of());

	String classOf(String elementId) {
		if (this.incidents.contains(elementId)) {
			return " incident";
		}
		if (this.active.contains(elementId)) {
			return " active";
		}
		return this.completed.contains(elementId) || this.takenFlows.contains(elementId) ? " completed" : "";
	}

}
