package fr.refactory.console;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;

import org.springframework.stereotype.Component;

/** The subject (VIN, battery or part serial) and root variables of a process instance, read through the client. */
@Component
class ProcessSubjects {

	private final CamundaClient client;

	private final ConsoleProperties properties;

	private final ObjectMapper json;

	ProcessSubjects(CamundaClient client, ConsoleProperties properties, ObjectMapper json) {
		this.client = client;
		this.properties = properties;
		this.json = json;
	}

	String subjectOf(long processInstanceKey) {
		return subjectIn(rootVariablesOf(processInstanceKey)).key();
	}

	/** The first subject variable present, typed for the audit log; the process instance itself when none is. */
	Subject subjectIn(Map<String, Object> variables) {
		return this.properties.subjectVariables()
			.stream()
			.filter((name) -> variables.get(name) != null)
			.findFirst()
			.map((name) -> new Subject(Subject.typeOf(name), variables.get(name).toString()))
			.orElse(new Subject("PROCESS_INSTANCE", ""));
	}

	/** What a process is about: a vehicle (VIN), a battery or a part, and its key. */
	record Subject(String type, String key) {

		static String typeOf(String variable) {
			return switch (variable) {
				case "vin" -> "VEHICLE";
				case "batteryId" -> "BATTERY";
				default -> "PART";
			};
		}

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

	private Object valueOf(Variable variable) {
		try {
			return this.json.readValue(variable.getValue(), Object.class);
		}
		catch (JsonProcessingException ex) {
			return variable.getValue();
		}
	}

}
