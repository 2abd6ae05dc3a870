package fr.refactory.system.diagram;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts to draw on a version's diagram, per element id: tokens waiting there (active, in
 * an incident) and element instances completed. Written as JSON for
 * {@code static/js/bpmn-diagram.js}, which shades an element with tokens by its share of
 * the busiest element's tokens (ADR 1070, 1403).
 */
public record HeatMap(Map<String, Counts> counts) {

	public HeatMap {
		counts = new TreeMap<>(counts);
	}

	/** One element's counts (ADR 1020's meaning of active, incidents, completed). */
	public record Counts(long active, long incidents, long completed) {
	}

}
