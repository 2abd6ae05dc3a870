package fr.refactory.console.form;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/** Evaluates a form field's {@code conditional.hide} FEEL expression against the form's current values. */
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

}
