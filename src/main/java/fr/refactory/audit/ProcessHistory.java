package fr.refactory.audit;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.diagram.DiagramState;
import fr.refactory.system.subject.ProcessSubjectVariables;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * Read-only history of process instances for auditors, through the Camunda client's
 * search API (history is written by the engine in the same transaction as the state, so
 * what is shown is never behind).
 */
@Component
class ProcessHistory {

	private static final int LIMIT = 500;

	private final CamundaClient client;

	private final ObjectMapper json;

	private final ProcessSubjectVariables subjectVariables;

	ProcessHistory(@ConsoleClient CamundaClient client, ObjectMapper json, ProcessSubjectVariables subjectVariables) {
		this.client = client;
		this.json = json;
		this.subjectVariables = subjectVariables;
	}

	List<InstanceRow> search(InstanceQuery query) {
		if (query.state() != null && !query.state().isBlank() && java.util.Arrays.stream(ProcessInstanceState.values())
			.noneMatch((state) -> state.name().equals(query.state()))) {
			// a state the engine does not know (an edited address): no instance is in it
			return List.of();
		}
		List<ProcessInstance> found = this.client.newProcessInstanceSearchRequest().filter((filter) -> {
			if (query.process() != null && !query.process().isBlank()) {
				filter.processDefinitionId(query.process().trim());
			}
			if (query.state() != null && !query.state().isBlank()) {
				filter.state(ProcessInstanceState.valueOf(query.state()));
			}
			if (Boolean.TRUE.equals(query.withIncidents())) {
				filter.hasIncident(true);
			}
			if (query.startedFrom() != null || query.startedTo() != null) {
				filter.startDate((date) -> {
					if (query.startedFrom() != null) {
						date.gte(query.startedFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
					}
					if (query.startedTo() != null) {
						date.lt(query.startedTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
					}
				});
			}
		}).sort((sort) -> sort.startDate().desc()).page((page) -> page.limit(LIMIT)).send().join().items();
		return found.stream()
			.map((instance) -> toRow(instance, subjectOf(variablesOf(instance.getProcessInstanceKey()))))
			.filter((row) -> query.subject() == null || query.subject().isBlank()
					|| row.subject().equalsIgnoreCase(query.subject().trim()))
			.toList();
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

	InstanceRow rowOf(ProcessInstance instance, Map<String, Object> variables) {
		return toRow(instance, subjectOf(variables));
	}

	String diagramXml(ProcessInstance instance) {
		return this.client.newProcessDefinitionGetXmlRequest(instance.getProcessDefinitionKey()).send().join();
	}

	List<ElementInstance> elements(long instanceKey) {
		return this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey))
			.sort((sort) -> sort.startDate().asc())
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items();
	}

	List<Incident> incidents(long instanceKey) {
		return this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items();
	}

	/**
	 * Every decision evaluated in the instance, with its inputs, matched rules and
	 * result.
	 */
	List<DecisionInstance> decisions(long instanceKey) {
		return this.client.newDecisionInstanceSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items()
			.stream()
			.map((found) -> this.client.newDecisionInstanceGetRequest(found.getDecisionInstanceId()).send().join())
			.toList();
	}

	/** The user tasks of the instance: who was assigned, when they were completed. */
	List<UserTask> userTasks(long instanceKey) {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items();
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
				ElementInstance::getElementId),
				DiagramState.countsOf(
						incidents.stream().filter((incident) -> incident.getState() == IncidentState.ACTIVE).toList(),
						Incident::getElementId));
	}

	Map<String, Object> variablesOf(long instanceKey) {
		Map<String, Object> variables = new LinkedHashMap<>();
		this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey).scopeKey(instanceKey))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items()
			.forEach((variable) -> variables.put(variable.getName(), parse(variable.getValue())));
		return variables;
	}

	private static Set<String> idsIn(List<ElementInstance> elements, ElementInstanceState state) {
		return elements.stream()
			.filter((element) -> element.getState() == state)
			.map(ElementInstance::getElementId)
			.collect(Collectors.toSet());
	}

	private String subjectOf(Map<String, Object> variables) {
		return this.subjectVariables.subjectIn(variables).key();
	}

	private InstanceRow toRow(ProcessInstance instance, String subject) {
		return new InstanceRow(instance.getProcessInstanceKey(), instance.getProcessDefinitionId(),
				instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(), subject,
				instance.getState() == null ? "" : instance.getState().name(), instance.getStartDate(),
				instance.getEndDate(), Boolean.TRUE.equals(instance.getHasIncident()));
	}

	private Object parse(String value) {
		try {
			return this.json.readValue(value, Object.class);
		}
		catch (JsonProcessingException ex) {
			return value;
		}
	}

}
