package fr.refactory.system.diagram;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What bpmn-js marks on an instance's diagram (ADR 1401, 1403), written as JSON for
 * {@code static/js/bpmn-diagram.js}: the elements completed and the sequence flows taken,
 * and per element the tokens waiting there and its open incidents, drawn as counts.
 * Sorted, so that the page is the same for the same instance.
 */
public record DiagramState(Set<String> completed, Set<String> takenFlows, Map<String, Long> active,
		Map<String, Long> incidents) {

	public DiagramState {
		completed = new TreeSet<>(completed);
		takenFlows = new TreeSet<>(takenFlows);
		active = new TreeMap<>(active);
		incidents = new TreeMap<>(incidents);
	}

	/**
	 * Counts the element ids of tokens or incidents, e.g.
	 * {@code countsOf(activeElements, ElementInstance::getElementId)}.
	 */
	public static <T> Map<String, Long> countsOf(Collection<T> items, Function<T, String> elementId) {
		Map<String, Long> counts = new TreeMap<>();
		items.forEach((item) -> counts.merge(elementId.apply(item), 1L, Long::sum));
		return counts;
	}

}
