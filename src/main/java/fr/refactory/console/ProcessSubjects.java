package fr.refactory.console;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import fr.refactory.system.subject.ProcessSubjectVariables;
import fr.refactory.system.subject.ProcessSubjectVariables.Subject;
import io.camunda.client.api.search.response.Variable;

import org.springframework.stereotype.Component;

/** The subject (VIN, battery or part serial) and root variables of a process instance, read through the client. */
@Component
class ProcessSubjects {

	private final CamundaClient client;

	private final ProcessSubjectVariables subjectVariables;

	private final ObjectMapper json;

	ProcessSubjects(CamundaClient client, ProcessSubjectVariables subjectVariables, ObjectMapper json) {
		this.client = client;
		this.subjectVariables = subjectVariables;
		this.json = json;
	}

	Subject subjectOf(long processInstanceKey) {
		return this.subjectVariables.subjectIn(rootVariablesOf(processInstanceKey));
	}

	Map<String, Object> rootVariablesOf(long processInstanceKey) {
		Map<String, Object> variables = new LinkedHashMap<>();
		this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
			.page((page) -> page.limit(500))
			.send()
			.join()
			.items()
			.forEach((variable) -> variables.put(variable.getName(), valueOf(variable)));
		return variables;
	}

	/** The variables visible from a user task, the innermost scope's value of a name winning. */
	Map<String, Object> visibleFrom(long userTaskKey) {
		Map<String, Object> variables = new LinkedHashMap<>();
		// the engine lists the task's own scope first, then each enclosing one
		this.client.newUserTaskVariableSearchRequest(userTaskKey)
			.page((page) -> page.limit(500))
			.send()
			.join()
			.items()
			.forEach((variable) -> variables.putIfAbsent(variable.getName(), valueOf(variable)));
		return variables;
	}

	private Object valueOf(Variable variable) {
		try {
			return this.json.readValue(variable.getValue(), Object.class);
		}
		catch (JsonProcessingException ex) {
			return variable.getValue();
		}
	}

}
