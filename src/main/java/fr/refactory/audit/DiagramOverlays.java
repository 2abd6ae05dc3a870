package fr.refactory.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.refactory.system.diagram.DiagramState;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;

/**
 * What bpmn-js marks on an instance's diagram (ADR 1401): the elements completed and the flows taken, and per element
 * the tokens waiting there and its open incidents, drawn as counts.
 */
record DiagramOverlays(List<String> completed, List<String> takenFlows, Map<String, Long> active,
		Map<String, Long> incidents) {

	static DiagramOverlays of(DiagramState state, List<ElementInstance> elements, List<Incident> incidents) {
		Map<String, Long> active = new TreeMap<>();
		elements.stream()
			.filter((element) -> element.getState() == ElementInstanceState.ACTIVE)
			.forEach((element) -> active.merge(element.getElementId(), 1L, Long::sum));
		Map<String, Long> open = new TreeMap<>();
		incidents.stream()
			.filter((incident) -> incident.getState() == IncidentState.ACTIVE)
			.forEach((incident) -> open.merge(incident.getElementId(), 1L, Long::sum));
		return new DiagramOverlays(List.copyOf(new TreeSet<>(state.completed())),
				List.copyOf(new TreeSet<>(state.takenFlows())), active, open);
	}

}
