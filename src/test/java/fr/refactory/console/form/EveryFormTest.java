package fr.refactory.console.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.refactory.engine.expression.BoundedFeelEngine;
import fr.refactory.engine.expression.EvaluationLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Camunda Form the processes and the start page use, as the console shows it (issue
 * 24): every field has a label (a datetime field's too), every text reads without
 * templating or Markdown markers, every pattern comes with a hint the person can act on,
 * and the values a form fills in itself (its defaults) pass its own validation.
 */
class EveryFormTest {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

	private static final FieldConditions CONDITIONS = new FieldConditions(
			BoundedFeelEngine.within(EvaluationLimits.DEFAULT));

	@Test
	void everyFormReadsAsDesignedAndItsDefaultsPassItsOwnValidation() {
		List<Path> forms = forms();
		List<String> problems = new ArrayList<>();
		forms.forEach((file) -> problems.addAll(problemsOf(file)));

		assertThat(forms).hasSizeGreaterThan(50);
		assertThat(problems).isEmpty();
	}

	private static List<String> problemsOf(Path file) {
		String json = read(file);
		FormDefinition form = FormDefinition.parse(json).withTextFrom(templateVariables(json));
		List<String> problems = new ArrayList<>();
		String name = file.getFileName().toString();
		form.allFields().forEach((field) -> {
			if (field.holdsValue() && (field.label() == null || field.label().isBlank())) {
				problems.add(name + ": field " + field.key() + " has no label");
			}
			if (field.pattern() != null && (field.description() == null || field.description().isBlank())) {
				problems.add(name + ": field " + field.key() + " has a pattern but no hint (description)");
			}
			if ("text".equals(field.type()) && field.text() != null
					&& (field.text().contains("{{") || field.text().contains("**") || field.text().startsWith("#"))) {
				problems.add(name + ": text shows its markup: " + field.text());
			}
		});
		Map<String, List<String>> defaults = new LinkedHashMap<>();
		form.allFields()
			.filter((field) -> field.holdsValue() && field.defaultValue() != null)
			.forEach((field) -> defaults.put(field.key(), field.defaultValue() instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(field.defaultValue()))));
		FormSubmission submission = FormSubmission.of(form, defaults, CONDITIONS);
		defaults.keySet()
			.stream()
			.filter(submission.problems()::containsKey)
			.forEach((key) -> problems.add(
					name + ": the default of " + key + " fails its own validation: " + submission.problems().get(key)));
		return problems;
	}

	/**
	 * A value for every variable the form's texts show, as the task's variables would
	 * give them.
	 */
	private static Map<String, Object> templateVariables(String json) {
		Map<String, Object> variables = new LinkedHashMap<>();
		Matcher expression = TEMPLATE.matcher(json);
		while (expression.find()) {
			String[] path = expression.group(1).split("\\.");
			Map<String, Object> scope = variables;
			for (int i = 0; i < path.length - 1; i++) {
				Object inner = scope.computeIfAbsent(path[i], (k) -> new LinkedHashMap<String, Object>());
				if (!(inner instanceof Map<?, ?>)) {
					break;
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> next = (Map<String, Object>) inner;
				scope = next;
			}
			scope.putIfAbsent(path[path.length - 1], "X");
		}
		return variables;
	}

	private static List<Path> forms() {
		try (Stream<Path> processForms = Files.list(Path.of("processes", "forms"));
				Stream<Path> startForms = Files.list(Path.of("src", "main", "resources", "console", "start-forms"))) {
			return Stream.concat(processForms, startForms)
				.filter((p) -> p.toString().endsWith(".form"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
