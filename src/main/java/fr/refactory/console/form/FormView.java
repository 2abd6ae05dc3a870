package fr.refactory.console.form;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the task page shows in a form: the values (typed, or taken from the process variables on first display),
 * the errors per field, which fields are hidden by their condition (evaluated on the server, ADR 0402) and why a
 * field is shown whose condition could not be evaluated (ADR 0510).
 */
public record FormView(FormDefinition form, Map<String, Object> values, Map<String, String> errors,
		Set<String> hidden, Map<String, String> notices) {

	/** Name of the marker each shown conditional field posts, so a live refresh knows what the page shows. */
	public static final String SHOWN_MARKER = "_shown";

	public static FormView prefilled(FormDefinition form, Map<String, Object> variables, FieldConditions conditions) {
		Map<String, Object> values = withDefaults(form, variables);
		FieldConditions.Visibility visibility = conditions.of(form, values);
		return new FormView(form, values, Map.of(), visibility.hidden(), visibility.unevaluated());
	}

	public static FormView of(FormDefinition form, FormSubmission submission) {
		return new FormView(form, submission.entered(), submission.errors(), submission.hidden(),
				submission.notices());
	}

	/** The form as the operator is filling it in: what is typed so far, no errors yet. */
	public static FormView whileTyping(FormDefinition form, FormSubmission submission) {
		return new FormView(form, submission.entered(), Map.of(), submission.hidden(), submission.notices());
	}

	public String errorOf(String key) {
		return this.errors.get(key);
	}

	/** Why a field is shown although it has a condition: the condition could not be evaluated; null otherwise. */
	public String noticeOf(String key) {
		return this.notices.get(key);
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
		return field.key() != null && this.hidden.contains(field.key());
	}

	public boolean isConditional(FormField field) {
		return field.holdsValue() && field.hideCondition() != null;
	}

	/**
	 * The conditional fields whose visibility differs from what the page shows, given the keys of the conditional
	 * fields the page shows ({@value #SHOWN_MARKER} markers).
	 */
	public List<FormField> changedSince(Collection<String> shownOnPage) {
		return this.form.allFields()
			.filter((field) -> isConditional(field) && shownOnPage.contains(field.key()) == isHidden(field))
			.toList();
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
