package fr.refactory.system.diagram;

import java.util.Map;

/**
 * Counts to draw on a version's diagram, per element id: tokens waiting there (active, in an incident) and element
 * instances completed. An element with tokens is shaded by its share of the busiest element's tokens.
 */
public record HeatMap(Map<String, Counts> counts) {

	public static final HeatMap NONE = new HeatMap(Map.of());

	public HeatMap {
		counts = Map.copyOf(counts);
	}

	long busiest() {
		return this.counts.values().stream().mapToLong(Counts::tokens).max().orElse(0);
	}

	/** One element's counts (ADR 1020's meaning of active, incidents, completed). */
	public record Counts(long active, long incidents, long completed) {

		long tokens() {
			return this.active + this.incidents;
		}

	}

}
