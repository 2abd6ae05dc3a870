package fr.refactory.console.operations;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.diagram.DiagramState;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;

import org.springframework.stereotype.Component;

/**
 * What the operations pages read and change, only through {@code /v2} with the console's
 * client (ADR 1060): the engine checks every command as for any client, and answers a
 * refusal as a problem the page shows.
 */
@Component
class OperationsEngine {

	private static final int PAGE = 1000;

	/**
	 * Open incidents read for the incidents page; beyond them the page says it shows the
	 * first ones.
	 */
	static final int MOST_INCIDENTS = 10_000;

	private final CamundaClient client;

	private final ObjectMapper json;

	OperationsEngine(@ConsoleClient CamundaClient client, ObjectMapper json) {
		this.client = client;
		this.json = json;
	}

	Optional<ProcessInstance> instance(long key) {
		try {
			return Optional.of(this.client.newProcessInstanceGetRequest(key).send().join());
		}
		catch (ProblemException ex) {
			if (ex.code() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	String diagramXml(long processDefinitionKey) {
		return this.client.newProcessDefinitionGetXmlRequest(processDefinitionKey).send().join();
	}

	List<ElementInstance> elements(long instanceKey) {
		return this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey))
			.sort((sort) -> sort.startDate().asc())
			.page((page) -> page.limit(PAGE))
			.send()
			.join()
			.items();
	}

	List<Incident> openIncidents(long instanceKey) {
		return this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey).state(IncidentState.ACTIVE))
			.page((page) -> page.limit(PAGE))
			.send()
			.join()
			.items();
	}

	Map<String, Object> rootVariables(long instanceKey) {
		Map<String, Object> variables = new LinkedHashMap<>();
		this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey).scopeKey(instanceKey))
			.page((page) -> page.limit(PAGE))
			.send()
			.join()
			.items()
			.forEach((variable) -> variables.put(variable.getName(), parse(variable.getValue())));
		return variables;
	}

	DiagramState stateOf(long instanceKey, List<ElementInstance> elements, List<Incident> incidents) {
		Set<String> taken = this.client.newProcessInstanceSequenceFlowsRequest(instanceKey)
			.send()
			.join()
			.stream()
			.map((flow) -> flow.getElementId() != null ? flow.getElementId() : flow.getSequenceFlowId())
			.collect(Collectors.toSet());
		return new DiagramState(idsIn(elements, ElementInstanceState.COMPLETED), taken, DiagramState.countsOf(
				elements.stream().filter((element) -> element.getState() == ElementInstanceState.ACTIVE).toList(),
				ElementInstance::getElementId), DiagramState.countsOf(incidents, Incident::getElementId));
	}

	/**
	 * The model's elements a token can be moved to; the engine still refuses, naming why,
	 * one it cannot start.
	 */
	static List<TargetElement> targets(String bpmnXml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)))
			.getModelElementsByType(FlowNode.class)
			.stream()
			.filter((node) -> !(node instanceof StartEvent) && !(node instanceof BoundaryEvent))
			.map((node) -> new TargetElement(node.getId(), node.getName()))
			.sorted(Comparator.comparing(TargetElement::label))
			.toList();
	}

	/**
	 * Moves a token: the chosen element starts as if a token arrived, then the active one
	 * is terminated.
	 */
	void move(long instanceKey, long from, String to) {
		this.client.newModifyProcessInstanceCommand(instanceKey)
			.activateElement(to)
			.and()
			.terminateElement(from)
			.send()
			.join();
	}

	/**
	 * A job incident gets one retry first (the single resolution refuses a job left
	 * without retries).
	 */
	void retry(Incident incident) {
		if (incident.getJobKey() != null) {
			this.client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
		}
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
	}

	void cancel(long instanceKey) {
		this.client.newCancelInstanceCommand(instanceKey).send().join();
	}

	/**
	 * Every open incident, grouped by process, element and error type, the largest group
	 * first.
	 */
	List<IncidentGroup> incidentGroups() {
		Map<String, List<Incident>> byGroup = new LinkedHashMap<>();
		for (Incident incident : allOpenIncidents()) {
			String id = incident.getProcessDefinitionId() + "|" + incident.getElementId() + "|"
					+ incident.getErrorType();
			byGroup.computeIfAbsent(id, (key) -> new ArrayList<>()).add(incident);
		}
		return byGroup.values()
			.stream()
			.map(OperationsEngine::group)
			.sorted(Comparator.comparingInt(IncidentGroup::incidents)
				.reversed()
				.thenComparing(IncidentGroup::processDefinitionId)
				.thenComparing(IncidentGroup::elementId))
			.toList();
	}

	/**
	 * One incident-resolution batch over exactly the group's instances that still have an
	 * incident: the filter names them, so instances that fail the same way after the page
	 * was read are left for the next look. As in Camunda 8.8, the batch resolves every
	 * open incident of a selected instance (ADR 1061).
	 */
	String resolve(IncidentGroup group) {
		return this.client.newCreateBatchOperationCommand()
			.resolveIncident()
			.filter((filter) -> filter.processInstanceKey((key) -> key.in(group.instanceKeys()))
				.processDefinitionId(group.processDefinitionId())
				.hasIncident(true))
			.send()
			.join()
			.getBatchOperationKey();
	}

	Optional<BatchOperation> batch(String batchKey) {
		try {
			return Optional.of(this.client.newBatchOperationGetRequest(batchKey).send().join());
		}
		catch (ProblemException ex) {
			if (ex.code() == 404 || ex.code() == 400) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private List<Incident> allOpenIncidents() {
		List<Incident> all = new ArrayList<>();
		List<Incident> page;
		do {
			int from = all.size();
			page = this.client.newIncidentSearchRequest()
				.filter((filter) -> filter.state(IncidentState.ACTIVE))
				.sort((sort) -> sort.incidentKey().asc())
				.page((p) -> p.from(from).limit(PAGE))
				.send()
				.join()
				.items();
			all.addAll(page);
		}
		while (page.size() == PAGE && all.size() < MOST_INCIDENTS);
		return all;
	}

	private static IncidentGroup group(List<Incident> incidents) {
		Incident first = incidents.get(0);
		List<Long> instances = incidents.stream().map(Incident::getProcessInstanceKey).distinct().toList();
		return new IncidentGroup(first.getProcessDefinitionId(), first.getElementId(),
				String.valueOf(first.getErrorType()), first.getErrorMessage(), instances, incidents.size());
	}

	private Object parse(String value) {
		try {
			return this.json.readValue(value, Object.class);
		}
		catch (JsonProcessingException ex) {
			return value;
		}
	}

	private static Set<String> idsIn(List<ElementInstance> elements, ElementInstanceState state) {
		return elements.stream()
			.filter((element) -> element.getState() == state)
			.map(ElementInstance::getElementId)
			.collect(Collectors.toSet());
	}

}
