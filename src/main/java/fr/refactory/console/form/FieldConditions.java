package fr.refactory.console.form;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Evaluates a form field's {@code conditional.hide} FEEL expression against the form's values, typed as they would be
 * submitted (numbers, booleans, lists), so that the page, the live refresh and the submission agree.
 */
final class FieldConditions {

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private FieldConditions() {
	}

	/** A field whose condition cannot be evaluated stays visible, so nothing is silently dropped. */
	static boolean isHidden(FormField field, Map<String, Object> values) {
		if (field.hideCondition() == null) {
			return false;
		}
		EvaluationResult result = FEEL.evaluateExpression(field.hideCondition(), values);
		return result.isSuccess() && Boolean.TRUE.equals(result.result());
	}

	/** The keys of the value-holding fields that their condition hides for these values. */
	static Set<String> hiddenKeys(FormDefinition form, Map<String, Object> values) {
		Set<String> hidden = new LinkedHashSet<>();
		form.allFields()
			.filter((field) -> field.holdsValue() && isHidden(field, values))
			.forEach((field) -> hidden.add(field.key()));
		return Set.copyOf(hidden);
	}

}
