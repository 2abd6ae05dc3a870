package fr.refactory.console.form;

import java.util.List;
import java.util.Map;

/**
 * What the task page shows in a form: the values (typed, or taken from the process variables on first display),
 * the errors per field and which fields are hidden by their condition.
 */
public record FormView(FormDefinition form, Map<String, Object> values, Map<String, String> errors) {

	public static FormView prefilled(FormDefinition form, Map<String, Object> variables) {
		return new FormView(form, withDefaults(form, variables), Map.of());
	}

	public static FormView of(FormDefinition form, FormSubmission submission) {
		return new FormView(form, submission.entered(), submission.errors());
	}

	public String errorOf(String key) {
		return this.errors.get(key);
	}

	public String textOf(String key) {
		Object value = this.values.get(key);
		return value == null ? "" : value.toString();
	}

	public boolean isChecked(String key) {
		Object value = this.values.get(key);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	public boolean isSelected(String key, String option) {
		return this.values.get(key) instanceof List<?> selected && selected.stream().anyMatch((item) -> option.equals(String.valueOf(item)));
	}

	public boolean isHidden(FormField field) {
		return FieldConditions.isHidden(field, this.values);
	}

	private static Map<String, Object> withDefaults(FormDefinition form, Map<String, Object> variables) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		form.allFields()
			.filter((field) -> field.holdsValue() && field.defaultValue() != null)
			.forEach((field) -> values.put(field.key(), field.defaultValue()));
		values.putAll(variables);
		return values;
	}

}
