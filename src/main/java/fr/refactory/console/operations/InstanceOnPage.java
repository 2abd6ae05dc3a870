package fr.refactory.console.operations;

import java.util.List;
import java.util.Map;

import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;

/**
 * One process instance as the operations page reads it before showing it or acting on it.
 */
record InstanceOnPage(long key, long definitionKey, String processId, int version, String state,
		Map<String, Object> variables, List<ElementInstance> elements, List<Incident> openIncidents) {

	public boolean isActive() {
		return "ACTIVE".equals(this.state);
	}

	public List<ActiveElement> activeElements() {
		return this.elements.stream()
			.filter((element) -> element.getState() != null && "ACTIVE".equals(element.getState().name()))
			.map((element) -> new ActiveElement(element.getElementInstanceKey(), element.getElementId(),
					element.getElementName(), Boolean.TRUE.equals(element.getIncident())))
			.toList();
	}

}
