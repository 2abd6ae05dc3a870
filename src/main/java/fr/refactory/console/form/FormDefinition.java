package fr.refactory.console.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.refactory.console.form.FormField.ListSettings;
import fr.refactory.console.form.FormField.Option;

/**
 * A Camunda Form ({@code .form} JSON, form-js schema) reduced to what the console
 * renders: its fields, in order, with validation rules and conditions.
 */
public record FormDefinition(String id, List<FormField> fields) {

	private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

	private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6}\\s+");

	private static final ObjectMapper JSON = new ObjectMapper();

	public static FormDefinition parse(String formJson) {
		try {
			JsonNode root = JSON.readTree(formJson);
			return new FormDefinition(text(root, "id"), fieldsOf(root.path("components")));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(
					"Expected a Camunda Form in JSON, but it could not be read: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The form as shown for a task or start: fields with a {@code valuesKey} take their
	 * options from that variable, a list of {@code {label, value}} objects or of plain
	 * values (as form-js does). A missing variable gives no option.
	 */
	public FormDefinition withOptionsFrom(Map<String, Object> variables) {
		return new FormDefinition(this.id,
				this.fields.stream().map((field) -> withOptionsFrom(field, variables)).toList());
	}

	private static FormField withOptionsFrom(FormField field, Map<String, Object> variables) {
		FormField resolved = field
			.withFields(field.fields().stream().map((child) -> withOptionsFrom(child, variables)).toList());
		if (field.valuesKey() == null) {
			return resolved;
		}
		List<Option> options = new ArrayList<>();
		if (variables.get(field.valuesKey()) instanceof List<?> values) {
			values.forEach((value) -> options.add(optionOf(value)));
		}
		return resolved.withOptions(List.copyOf(options));
	}

	/**
	 * The form with its text components as the operator reads them: form-js template
	 * expressions ({@code {{a.b}}}) replaced by the task's variables (nothing when
	 * unset), Markdown heading and emphasis markers left out (ADR 0451).
	 */
	public FormDefinition withTextFrom(Map<String, Object> variables) {
		return new FormDefinition(this.id,
				this.fields.stream().map((field) -> withTextFrom(field, variables)).toList());
	}

	private static FormField withTextFrom(FormField field, Map<String, Object> variables) {
		FormField resolved = field
			.withFields(field.fields().stream().map((child) -> withTextFrom(child, variables)).toList());
		if (!"text".equals(field.type()) || field.text() == null) {
			return resolved;
		}
		Matcher expression = TEMPLATE_EXPRESSION.matcher(field.text());
		String text = expression.replaceAll((match) -> Matcher.quoteReplacement(valueAt(variables, match.group(1))));
		return resolved.withText(MARKDOWN_HEADING.matcher(text).replaceAll("").replace("**", ""));
	}

	private static String valueAt(Map<String, Object> variables, String path) {
		Object value = variables;
		for (String name : path.split("\\.")) {
			value = (value instanceof Map<?, ?> map) ? map.get(name) : null;
		}
		return value == null ? "" : value.toString();
	}

	private static Option optionOf(Object value) {
		if (value instanceof Map<?, ?> option) {
			String optionValue = String.valueOf(option.get("value"));
			Object label = option.get("label");
			return new Option(label == null ? optionValue : label.toString(), optionValue);
		}
		return new Option(String.valueOf(value), String.valueOf(value));
	}

	/**
	 * Every field in document order, group children included; a dynamic list's item
	 * fields stay inside it.
	 */
	public Stream<FormField> allFields() {
		return this.fields.stream().flatMap(FormDefinition::withChildren);
	}

	private static Stream<FormField> withChildren(FormField field) {
		return field.isDynamicList() ? Stream.of(field)
				: Stream.concat(Stream.of(field), field.fields().stream().flatMap(FormDefinition::withChildren));
	}

	private static List<FormField> fieldsOf(JsonNode components) {
		List<FormField> fields = new ArrayList<>();
		components.forEach((component) -> fields.add(fieldOf(component)));
		return List.copyOf(fields);
	}

	private static FormField fieldOf(JsonNode component) {
		JsonNode validate = component.path("validate");
		String type = text(component, "type");
		boolean list = FormField.DYNAMIC_LIST.equals(type);
		boolean table = FormField.TABLE.equals(type);
		return new FormField(type, list ? text(component, "path") : text(component, "key"), labelOf(component),
				text(component, "description"), text(component, "text"), validate.path("required").asBoolean(false),
				decimal(validate, "min"), decimal(validate, "max"), integer(validate, "minLength"),
				integer(validate, "maxLength"), text(validate, "pattern"),
				table ? columnsOf(component.path("columns")) : optionsOf(component.path("values")),
				text(component, "valuesKey"), expression(component.path("conditional").path("hide")),
				text(component, "subtype"), component.path("readonly").asBoolean(false), defaultValue(component),
				fieldsOf(component.path("components")),
				list || table ? new ListSettings(component.path("defaultRepetitions").asInt(1),
						component.path("allowAddRemove").asBoolean(false), expression(component.path("dataSource")))
						: ListSettings.NONE);
	}

	private static List<Option> columnsOf(JsonNode columns) {
		List<Option> options = new ArrayList<>();
		columns.forEach((column) -> options.add(new Option(text(column, "label"), column.path("key").asText())));
		return List.copyOf(options);
	}

	/**
	 * The field's label; a form-js datetime field has none but a date label and a time
	 * label (issue 24: it showed "null"). The console shows one input for both, labelled
	 * with the date label, or the time label for a time.
	 */
	private static String labelOf(JsonNode component) {
		String label = text(component, "label");
		if (label != null || !"datetime".equals(text(component, "type"))) {
			return label;
		}
		String dateLabel = text(component, "dateLabel");
		return "time".equals(text(component, "subtype")) || dateLabel == null ? text(component, "timeLabel")
				: dateLabel;
	}

	private static List<Option> optionsOf(JsonNode values) {
		List<Option> options = new ArrayList<>();
		values.forEach((value) -> options.add(new Option(text(value, "label"), value.path("value").asText())));
		return List.copyOf(options);
	}

	private static String expression(JsonNode node) {
		String text = node.isMissingNode() || node.isNull() ? null : node.asText();
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.startsWith("=") ? text.substring(1) : text;
	}

	private static Object defaultValue(JsonNode component) {
		JsonNode value = component.path("defaultValue");
		return value.isMissingNode() || value.isNull() ? null : JSON.convertValue(value, Object.class);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asText();
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() || (value.isTextual() && !value.asText().isBlank()) ? new BigDecimal(value.asText())
				: null;
	}

	private static Integer integer(JsonNode node, String field) {
		BigDecimal value = decimal(node, field);
		return value == null ? null : value.intValue();
	}

}
