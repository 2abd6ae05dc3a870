package fr.refactory.workers;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.refactory.workers.support.JobContract;
import io.camunda.client.annotation.JobWorker;

/**
 * Generates one Camunda 8 element template per job type from the workers' {@link JobContract} declarations (ADR 0800):
 * the task definition is fixed, headers are configuration, required inputs are mapped by default, every output is
 * mapped to a variable of the same name unless cleared (a task with output mappings keeps only the mapped variables).
 */
final class ElementTemplates {

	static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ElementTemplates() {
	}

	/** The template of each job type, by job type, from the worker classes. */
	static Map<String, ObjectNode> ofWorkers() {
		Map<String, ObjectNode> templates = new TreeMap<>();
		for (Class<?> type : JobTypeCoverageTest.workerClasses()) {
			for (Method method : type.getDeclaredMethods()) {
				JobWorker worker = method.getAnnotation(JobWorker.class);
				JobContract contract = method.getAnnotation(JobContract.class);
				if (worker != null && contract != null) {
					templates.put(worker.type(), of(worker.type(), contract));
				}
			}
		}
		return templates;
	}

	static ObjectNode of(String jobType, JobContract contract) {
		ObjectNode template = JSON.createObjectNode();
		template.put("$schema", SCHEMA);
		template.put("name", contract.name());
		template.put("id", "fr.refactory." + jobType);
		template.put("version", 1);
		template.put("description", description(contract));
		template.putObject("engines").put("camunda", "^8.8");
		template.putArray("appliesTo").add("bpmn:Task");
		template.putObject("elementType").put("value", contract.elementType());
		ArrayNode groups = template.putArray("groups");
		group(groups, "headers", "Configuration");
		group(groups, "inputs", "Inputs");
		group(groups, "outputs", "Outputs");
		ArrayNode properties = template.putArray("properties");
		hidden(properties, jobType, "type");
		if (contract.retries() > 0) {
			hidden(properties, String.valueOf(contract.retries()), "retries");
		}
		Arrays.stream(contract.headers()).forEach((header) -> header(properties.addObject(), header));
		Arrays.stream(contract.inputs()).forEach((input) -> input(properties.addObject(), input));
		Arrays.stream(contract.outputs()).forEach((output) -> output(properties.addObject(), output));
		return template;
	}

	static String json(ObjectNode template) {
		try {
			return JSON.writeValueAsString(template).replace("\r\n", "\n") + "\n";
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String description(JobContract contract) {
		return (contract.errors().length == 0) ? contract.description()
				: contract.description() + " BPMN errors: " + String.join(", ", contract.errors())
						+ " (catch them with an error boundary event).";
	}

	private static void group(ArrayNode groups, String id, String label) {
		groups.addObject().put("id", id).put("label", label);
	}

	private static void hidden(ArrayNode properties, String value, String property) {
		ObjectNode hidden = properties.addObject().put("type", "Hidden").put("value", value);
		hidden.putObject("binding").put("type", "zeebe:taskDefinition").put("property", property);
	}

	private static void header(ObjectNode property, JobContract.Header header) {
		property.put("label", header.key()).put("description", header.description()).put("group", "headers");
		if (header.required() && header.values().length > 0) {
			property.put("type", "Dropdown").put("value", header.values()[0]);
			ArrayNode choices = property.putArray("choices");
			Arrays.stream(header.values()).forEach((value) -> choices.addObject().put("name", value).put("value", value));
		}
		else {
			property.put("type", "String");
			if (header.values().length > 0) {
				property.put("description", header.description() + " (one of " + String.join(", ", header.values()) + ")");
			}
			optionalOrNotEmpty(property, header.required());
		}
		property.putObject("binding").put("type", "zeebe:taskHeader").put("key", header.key());
	}

	private static void input(ObjectNode property, JobContract.Var input) {
		property.put("label", input.name())
			.put("description", input.description() + " (" + input.type().name().toLowerCase() + ")")
			.put("group", "inputs")
			.put("type", "String")
			.put("feel", "required");
		if (input.required()) {
			property.put("value", "=" + input.name());
		}
		optionalOrNotEmpty(property, input.required());
		property.putObject("binding").put("type", "zeebe:input").put("name", input.name());
	}

	private static void output(ObjectNode property, JobContract.Var output) {
		property.put("label", output.name())
			.put("description", output.description() + " (" + output.type().name().toLowerCase()
					+ "); the process variable it is stored in")
			.put("group", "outputs")
			.put("type", "String")
			.put("value", output.name())
			.put("optional", true);
		property.putObject("binding").put("type", "zeebe:output").put("source", "=" + output.name());
	}

	private static void optionalOrNotEmpty(ObjectNode property, boolean required) {
		if (required) {
			property.putObject("constraints").put("notEmpty", true);
		}
		else {
			property.put("optional", true);
		}
	}

}
