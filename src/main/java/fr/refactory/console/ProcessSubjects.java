package fr.refactory.console;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import fr.refactory.system.subject.ProcessSubjectVariables;
import fr.refactory.system.subject.ProcessSubjectVariables.Subject;
import io.camunda.client.api.search.response.Variable;

import org.springframework.stereotype.Component;

/**
 * The subject (VIN, battery or part serial) and root variables of a process instance,
 * read through the client.
 */
@Component
class ProcessSubjects {

	private final CamundaClient client;

	private final ProcessSubjectVariables subjectVariables;

	private final ObjectMapper json;

	ProcessSubjects(@ConsoleClient CamundaClient client, ProcessSubjectVariables subjectVariables, ObjectMapper json) {
		this.client = client;
		this.subjectVariables = subjectVariables;
		this.json = json;
	}

	/** Instances per subject search: each gives at most one row per subject variable. */
	private static final int INSTANCES_PER_SEARCH = 100;

	Subject subjectOf(long processInstanceKey) {
		return this.subjectVariables.subjectIn(rootVariablesOf(processInstanceKey));
	}

	/**
	 * The subjects of many instances with one variable search per hundred instances, not
	 * one per instance: a task list of 25 tasks would otherwise make 25 searches.
	 */
	Map<Long, Subject> subjectsOf(Collection<Long> processInstanceKeys) {
		List<Long> keys = processInstanceKeys.stream().distinct().toList();
		Map<Long, Map<String, Object>> rootSubjectVariables = new HashMap<>();
		for (int from = 0; from < keys.size(); from += INSTANCES_PER_SEARCH) {
			List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + INSTANCES_PER_SEARCH));
			rootSubjectVariablesOf(chunk).forEach((variable) -> rootSubjectVariables
				.computeIfAbsent(variable.getProcessInstanceKey(), (key) -> new HashMap<>())
				.put(variable.getName(), valueOf(variable)));
		}
		Map<Long, Subject> subjects = new HashMap<>();
		keys.forEach((key) -> subjects.put(key,
				this.subjectVariables.subjectIn(rootSubjectVariables.getOrDefault(key, Map.of()))));
		return subjects;
	}

	private List<Variable> rootSubjectVariablesOf(List<Long> processInstanceKeys) {
		List<String> names = this.subjectVariables.variables();
		return this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey((key) -> key.in(processInstanceKeys))
				.name((name) -> name.in(names)))
			.page((page) -> page.limit(processInstanceKeys.size() * names.size()))
			.send()
			.join()
			.items()
			.stream()
			// the instance's own variables, not those of inner scopes with the same name
			.filter((variable) -> Objects.equals(variable.getScopeKey(), variable.getProcessInstanceKey()))
			.toList();
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

	/**
	 * The variables a user task sees: the process instance's, overlaid with those of the
	 * scopes around the task (a multi-instance element such as the component a reman
	 * inspector measures, the task's input mappings).
	 */
	Map<String, Object> taskVariablesOf(long userTaskKey, long processInstanceKey) {
		Map<String, Object> visible = new LinkedHashMap<>();
		// inner scopes are created after the scopes around them, so they have larger
		// keys: the innermost value wins
		this.client.newUserTaskVariableSearchRequest(userTaskKey)
			.page((page) -> page.limit(500))
			.send()
			.join()
			.items()
			.stream()
			.sorted(Comparator.comparing(Variable::getScopeKey).reversed())
			.forEach((variable) -> visible.putIfAbsent(variable.getName(), valueOf(variable)));
		Map<String, Object> variables = rootVariablesOf(processInstanceKey);
		variables.putAll(visible);
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
