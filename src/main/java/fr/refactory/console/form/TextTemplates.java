package fr.refactory.console.form;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * The templating of a form's text components as Camunda Forms does it: each {@code {{expression}}} is a FEEL expression
 * over the task's variables, replaced by its value; one that has no value shows nothing. The page escapes the result.
 */
final class TextTemplates {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private TextTemplates() {
	}

	static String fill(String text, Map<String, Object> values) {
		if (text == null || !text.contains("{{")) {
			return text;
		}
		Matcher matcher = TEMPLATE.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			EvaluationResult result = FEEL.evaluateExpression(matcher.group(1), values);
			Object value = result.isSuccess() ? result.result() : null;
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

}
