package fr.refactory.console.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.refactory.console.form.FormField.Option;

/**
 * What an operator submitted on a task form: the typed values to complete the task with, the errors per field key,
 * what was typed, to show again next to the errors, the keys of the fields their condition hides and, per field whose
 * condition could not be evaluated, why it is shown. Hidden fields are neither validated nor submitted.
 */
public record FormSubmission(Map<String, Object> values, Map<String, String> errors, Map<String, Object> entered,
		Set<String> hidden, Map<String, String> notices) {

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public static FormSubmission of(FormDefinition form, Map<String, List<String>> parameters,
			FieldConditions conditions) {
		Map<String, Object> entered = new LinkedHashMap<>();
		form.allFields().filter(FormField::holdsValue).forEach((field) -> entered.put(field.key(),
				field.isDynamicList() ? DynamicList.entered(field, parameters)
						: enteredValue(field, parameters.getOrDefault(field.key(), List.of()))));
		Map<String, String> typingErrors = new LinkedHashMap<>();
		Map<String, Object> typed = typedValues(form, entered, typingErrors);
		FieldConditions.Visibility visibility = conditions.of(form, typed);
		Set<String> hidden = visibility.hidden();
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		form.allFields()
			.filter((field) -> field.holdsValue() && !field.readonly() && !hidden.contains(field.key()))
			.forEach((field) -> {
				if (field.isDynamicList()) {
					DynamicList.validate(field, typed.get(field.key()), typingErrors, conditions, errors);
					values.put(field.key(), typed.get(field.key()));
					return;
				}
				Object value = typed.get(field.key());
				String problem = typingErrors.containsKey(field.key()) ? typingErrors.get(field.key())
						: FieldRules.problemWith(field, value, conditions);
				if (problem != null) {
					errors.put(field.key(), problem);
				}
				else if (value != null) {
					values.put(field.key(), value);
				}
			});
		return new FormSubmission(values, errors, entered, hidden, visibility.unevaluated());
	}

	static Object enteredValue(FormField field, List<String> raw) {
		return switch (field.type()) {
			case "checklist" -> List.copyOf(raw);
			case "checkbox" -> raw.stream().anyMatch((value) -> "true".equals(value) || "on".equals(value));
			default -> raw.isEmpty() ? "" : raw.get(0);
		};
	}

	private static Map<String, Object> typedValues(FormDefinition form, Map<String, Object> entered,
			Map<String, String> typingErrors) {
		Map<String, Object> typed = new LinkedHashMap<>();
		form.allFields().filter(FormField::holdsValue).forEach((field) -> {
			if (field.isDynamicList()) {
				typed.put(field.key(), DynamicList.typed(field, entered.get(field.key()), typingErrors));
				return;
			}
			try {
				typed.put(field.key(), FieldValues.typed(field, entered.get(field.key())));
			}
			catch (IllegalArgumentException ex) {
				typingErrors.put(field.key(), ex.getMessage());
				typed.put(field.key(), null);
			}
		});
		return typed;
	}

	/** Turns what was typed into the value a process variable gets. */
	static final class FieldValues {

		private FieldValues() {
		}

		static Object typed(FormField field, Object entered) {
			if (entered instanceof String text && text.isBlank()) {
				return null;
			}
			return switch (field.type()) {
				case "number" -> number((String) entered);
				case "datetime" -> dateTime(field, (String) entered);
				default -> entered;
			};
		}

		private static Object number(String text) {
			try {
				BigDecimal number = new BigDecimal(text.trim().replace(',', '.'));
				return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact()
						: (Object) number.doubleValue();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new IllegalArgumentException("Enter a number, e.g. 42 or 3.5");
			}
		}

		private static String dateTime(FormField field, String text) {
			String value = text.trim();
			try {
				switch (field.subtype() == null ? "date" : field.subtype()) {
					case "time" -> LocalTime.parse(value);
					case "datetime" -> LocalDateTime.parse(value);
					default -> LocalDate.parse(value);
				}
				return value;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Enter a valid " + (field.subtype() == null ? "date" : field.subtype()));
			}
		}

	}

	/** The validation rules a form-js field carries, with messages an operator understands. */
	static final class FieldRules {

		private FieldRules() {
		}

		static String problemWith(FormField field, Object value, FieldConditions conditions) {
			if (isEmpty(value)) {
				return field.required() ? "This field is required" : null;
			}
			if (value instanceof Number number) {
				return numberProblem(field, new BigDecimal(number.toString()));
			}
			if (value instanceof String text) {
				return textProblem(field, text, conditions);
			}
			if (value instanceof List<?> selected) {
				return selected.stream().allMatch((item) -> isOption(field, item.toString())) ? null
						: "Choose among the listed options";
			}
			return null;
		}

		private static boolean isEmpty(Object value) {
			return value == null || Boolean.FALSE.equals(value) || (value instanceof List<?> list && list.isEmpty());
		}

		private static String numberProblem(FormField field, BigDecimal number) {
			if (field.min() != null && number.compareTo(field.min()) < 0) {
				return "Must be at least " + field.min().toPlainString();
			}
			if (field.max() != null && number.compareTo(field.max()) > 0) {
				return "Must be at most " + field.max().toPlainString();
			}
			return null;
		}

		private static String textProblem(FormField field, String text, FieldConditions conditions) {
			if ((!field.options().isEmpty() || field.valuesKey() != null) && !isOption(field, text)) {
				return "Choose among the listed options";
			}
			if (field.minLength() != null && text.length() < field.minLength()) {
				return "Must have at least " + field.minLength() + " characters";
			}
			if (field.maxLength() != null && text.length() > field.maxLength()) {
				return "Must have at most " + field.maxLength() + " characters";
			}
			return (field.pattern() == null) ? null : conditions.patternProblem(field.pattern(), text);
		}

		private static boolean isOption(FormField field, String value) {
			return field.options().stream().map(Option::value).anyMatch(value::equals);
		}

	}

}
