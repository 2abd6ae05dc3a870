package fr.refactory.console.form;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;

import org.springframework.stereotype.Component;

/**
 * Evaluates a form field's {@code conditional.hide} FEEL expression against the form's
 * values, typed as they would be submitted (numbers, booleans, lists), so that the page,
 * the live refresh and the submission agree. The FEEL engine is the application's bounded
 * one (time budget and size limits of {@code refactory.engine.evaluation.*}, ADR 0510).
 */
@Component
public class FieldConditions {

	private final FeelEngineApi feel;

	public FieldConditions(FeelEngineApi feel) {
		this.feel = feel;
	}

	/**
	 * Which value-holding fields their condition hides for these values. A condition that
	 * cannot be evaluated (it fails, or passes the time budget or a size limit) keeps its
	 * field shown, so nothing is silently dropped, and says why.
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
	 * What is wrong with {@code text} for a field's validation pattern, or null. Like
	 * form-js, the pattern must be found in the value (anchor it with ^ and $ to match
	 * the whole value) and a pattern that does not compile checks nothing. The search
	 * runs as FEEL's {@code matches()} in the bounded engine, because a deployed form's
	 * pattern can backtrack catastrophically on what an operator types (issue 19): past
	 * the time budget the value is refused with the reason, never left hanging.
	 */
	public FieldProblem patternProblem(FormField field, String text) {
		String pattern = field.pattern();
		try {
			Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			return null;
		}
		EvaluationResult result = this.feel.evaluateExpression("matches(text, pattern)",
				Map.of("text", text, "pattern", pattern));
		if (!result.isSuccess()) {
			return FieldProblem.of("form.pattern.unchecked", "This value could not be checked against the pattern "
					+ pattern + ": " + result.failure().message(), pattern, result.failure().message());
		}
		return Boolean.TRUE.equals(result.result()) ? null : mismatch(field);
	}

	/**
	 * A pattern the value does not match, said as the person can act on it (issue 24):
	 * the field's hint (its description, e.g. "17 characters, no I, O or Q") rather than
	 * the regular expression.
	 */
	private static FieldProblem mismatch(FormField field) {
		if (field.description() != null && !field.description().isBlank()) {
			return FieldProblem.of("form.pattern.hint", "Not in the expected format: " + field.description(),
					field.description());
		}
		// no hint written: the pattern is all the person can go by
		return FieldProblem.of("form.pattern", "Not in the expected format (" + field.pattern() + ")", field.pattern());
	}

	/**
	 * @param hidden the keys of the fields their condition hides
	 * @param unevaluated for each field whose condition could not be evaluated, why it is
	 * shown
	 */
	public record Visibility(Set<String> hidden, Map<String, String> unevaluated) {

	}

}
