package fr.refactory.console.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which Camunda Form components the console renders and validates (ADR 1402). A form
 * using any other component, or a table whose columns or data the console cannot read, is
 * refused at deployment with the component named.
 */
public final class FormSupport {

	public static final Set<String> COMPONENTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
			"radio", "select", "datetime", "text", "group", FormField.DYNAMIC_LIST, FormField.TABLE);

	private static final Pattern VARIABLE_PATH = Pattern
		.compile("^=\\s*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*$");

	private FormSupport() {
	}

	/**
	 * Why the console cannot render this form, one line per component; empty when it can.
	 */
	public static List<String> problems(JsonNode form) {
		List<String> problems = new ArrayList<>();
		form.path("components").forEach((component) -> check(component, problems));
		return problems;
	}

	private static void check(JsonNode component, List<String> problems) {
		String type = component.path("type").asText();
		String name = "'" + type + "' (" + nameOf(component) + ")";
		if (!COMPONENTS.contains(type)) {
			problems.add("Component " + name + " is not supported by the console, which renders "
					+ String.join(", ", COMPONENTS.stream().sorted().toList()));
			return;
		}
		if (FormField.DYNAMIC_LIST.equals(type) && component.path("path").asText().isBlank()) {
			problems.add("Component " + name + " needs a \"path\": the list variable its items are written to");
		}
		if (FormField.TABLE.equals(type)) {
			if (!VARIABLE_PATH.matcher(component.path("dataSource").asText()).matches()) {
				problems.add("Component " + name + " needs a \"dataSource\" naming a variable, e.g. =parts");
			}
			if (!component.path("columns").isArray() || component.path("columns").isEmpty()) {
				problems.add("Component " + name + " needs fixed \"columns\"; columnsExpression is not supported");
			}
		}
		component.path("components").forEach((child) -> check(child, problems));
	}

	private static String nameOf(JsonNode component) {
		for (String property : List.of("key", "path", "id")) {
			if (component.path(property).isTextual()) {
				return property + " '" + component.path(property).asText() + "'";
			}
		}
		return "no key";
	}

}
