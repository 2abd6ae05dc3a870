package fr.refactory.workers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structure the Camunda 8 element template JSON schema requires, as docs.camunda.io describes it (Modeler,
 * "Defining templates" and "Template properties"); the schema file itself is not reachable from the build (ADR 0800).
 */
final class ElementTemplateRules {

	private static final Pattern NAMESPACED = Pattern.compile("^[\\w\\d]+:[\\w\\d]+$");

	private static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden", "Number");

	/** Binding type → the key that names its target. */
	private static final Map<String, String> BINDING_KEYS = Map.of("zeebe:taskDefinition", "property", "zeebe:input",
			"name", "zeebe:output", "source", "zeebe:taskHeader", "key", "zeebe:property", "name", "property", "name");

	private static final Set<String> OPTIONAL_BINDINGS = Set.of("zeebe:input", "zeebe:output", "zeebe:taskHeader",
			"zeebe:property");

	private ElementTemplateRules() {
	}

	/** What is wrong with the template; empty when it is valid. */
	static List<String> problems(JsonNode template) {
		List<String> problems = new ArrayList<>();
		if (!ElementTemplates.SCHEMA.equals(template.path("$schema").asText())) {
			problems.add("$schema must be the Camunda 8 element template schema");
		}
		for (String field : List.of("name", "id")) {
			if (!template.path(field).isTextual() || template.path(field).asText().isBlank()) {
				problems.add("missing " + field);
			}
		}
		if (template.has("version") && (!template.get("version").isInt() || template.get("version").asInt() < 1)) {
			problems.add("version must be a positive integer");
		}
		if (!template.path("appliesTo").isArray() || template.path("appliesTo").isEmpty()) {
			problems.add("missing appliesTo");
		}
		template.path("appliesTo").forEach((item) -> namespaced(item, "appliesTo", problems));
		if (template.has("elementType")) {
			namespaced(template.get("elementType").path("value"), "elementType", problems);
		}
		Set<String> groups = groups(template, problems);
		if (!template.path("properties").isArray()) {
			problems.add("missing properties");
		}
		Set<String> bindings = new HashSet<>();
		template.path("properties").forEach((property) -> property(property, groups, bindings, problems));
		if (!bindings.contains("zeebe:taskDefinition=type")) {
			problems.add("a service task template must set the job type (zeebe:taskDefinition property type)");
		}
		return problems;
	}

	private static Set<String> groups(JsonNode template, List<String> problems) {
		Set<String> ids = new HashSet<>();
		template.path("groups").forEach((group) -> {
			if (group.path("id").asText().isBlank() || group.path("label").asText().isBlank()) {
				problems.add("group needs an id and a label: " + group);
			}
			else if (!ids.add(group.get("id").asText())) {
				problems.add("duplicate group " + group.get("id").asText());
			}
		});
		return ids;
	}

	private static void property(JsonNode property, Set<String> groups, Set<String> bindings, List<String> problems) {
		String type = property.path("type").asText("String");
		String label = property.path("label").asText(property.path("binding").toString());
		if (!PROPERTY_TYPES.contains(type)) {
			problems.add(label + ": unknown property type " + type);
		}
		if ("Dropdown".equals(type) && (!property.path("choices").isArray() || property.path("choices").isEmpty())) {
			problems.add(label + ": must provide choices=[] with \"Dropdown\" type");
		}
		property.path("choices").forEach((choice) -> {
			if (!choice.has("name") || !choice.has("value")) {
				problems.add(label + ": { name, value } must be specified for \"Dropdown\" choices");
			}
		});
		if (property.has("feel") && !Set.of("optional", "required", "static").contains(property.get("feel").asText())) {
			problems.add(label + ": feel must be optional, required or static");
		}
		if (property.has("group") && !groups.contains(property.get("group").asText())) {
			problems.add(label + ": unknown group " + property.get("group").asText());
		}
		binding(property, label, bindings, problems);
	}

	private static void binding(JsonNode property, String label, Set<String> bindings, List<String> problems) {
		JsonNode binding = property.path("binding");
		String bindingType = binding.path("type").asText();
		String key = BINDING_KEYS.get(bindingType);
		if (key == null) {
			problems.add(label + ": unknown binding type " + bindingType);
			return;
		}
		if (binding.path(key).asText().isBlank()) {
			problems.add(label + ": property.binding " + bindingType + " requires " + key);
		}
		if ("zeebe:taskDefinition".equals(bindingType) && !Set.of("type", "retries").contains(binding.path(key).asText())) {
			problems.add(label + ": zeebe:taskDefinition binds type or retries");
		}
		if (!bindings.add(bindingType + "=" + binding.path(key).asText())) {
			problems.add(label + ": two properties bind " + bindingType + " " + binding.path(key).asText());
		}
		if (property.path("optional").asBoolean()) {
			if (!OPTIONAL_BINDINGS.contains(bindingType)) {
				problems.add(label + ": optional is not allowed for " + bindingType);
			}
			if (property.path("constraints").path("notEmpty").asBoolean()) {
				problems.add(label + ": optional cannot be combined with notEmpty");
			}
		}
	}

	private static void namespaced(JsonNode value, String field, List<String> problems) {
		if (!NAMESPACED.matcher(value.asText()).matches()) {
			problems.add("invalid item for \"" + field + "\", should contain namespaced property, example: \"bpmn:Task\"");
		}
	}

}
