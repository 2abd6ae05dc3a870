package fr.refactory.console.form;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;

import org.springframework.stereotype.Component;

/**
 * Evaluates a form field's {@code conditional.hide} FEEL expression against the form's values, typed as they would be
 * submitted (numbers, booleans, lists), so that the page, the live refresh and the submission agree. The FEEL engine
 * is the application's bounded one (time budget and size limits of {@code refactory.engine.evaluation.*}, ADR 0510).
 */
@Component
public class FieldConditions {

	private final FeelEngineApi feel;

	public FieldConditions(FeelEngineApi feel) {
		this.feel = feel;
	}

	/**
	 * Which value-holding fields their condition hides for these values. A condition that cannot be evaluated (it
	 * fails, or passes the time budget or a size limit) keeps its field shown, so nothing is silently dropped, and
	 * says why.
	 */
	public Visibility of(FormDefinition form, Map<String, Object> values) {
		Set<String> hidden = new LinkedHashSet<>();
		Map<String, String> unevaluated = new LinkedHashMap<>();
		form.allFields().filter((field) -> field.holdsValue() && field.hideCondition() != null).forEach((field) -> {
			EvaluationResult result = this.feel.evaluateExpression(field.hideCondition(), values);
			if (!result.isSuccess()) {
				unevaluated.put(field.key(), "This field is shown because its condition could not be evaluated: "
						+ result.failure().message());
			}
			else if (Boolean.TRUE.equals(result.result())) {
				hidden.add(field.key());
			}
		});
		return new Visibility(Set.copyOf(hidden), Map.copyOf(unevaluated));
	}

	/**
	 * @param hidden the keys of the fields their condition hides
	 * @param unevaluated for each field whose condition could not be evaluated, why it is shown
	 */
	public record Visibility(Set<String> hidden, Map<String, String> unevaluated) {

	}

}
