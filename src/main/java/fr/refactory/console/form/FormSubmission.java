package fr.refactory.console.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.refactory.console.form.FormField.Option;

/**
 * What an operator submitted on a task form: the typed values to complete the task with,
 * the errors per field key, what was typed, to show again next to the errors, the keys of
 * the fields their condition hides and, per field whose condition could not be evaluated,
 * why it is shown. Hidden fields are neither validated nor submitted.
 */
public record FormSubmission(Map<String, Object> values, Map<String, FieldProblem> problems,
		Map<String, Object> entered, Set<String> hidden, Map<String, String> notices) {

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/**
	 * The problems per field key, in English (what the page shows in the person's
	 * language).
	 */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		this.problems.forEach((key, problem) -> errors.put(key, problem.defaultMessage()));
		return errors;
	}

	/** The submission of a form whose date-times are typed in UTC. */
	public static FormSubmission of(FormDefinition form, Map<String, List<String>> parameters,
			FieldConditions conditions) {
		return of(form, parameters, conditions, ZoneOffset.UTC);
	}

	/**
	 * The submission as typed at the plant: date-times are read in the plant's zone and
	 * submitted as UTC instants, numbers may be written the French way ({@code 45 000},
	 * {@code 12,5}), ADR 1501.
	 */
	public static FormSubmission of(FormDefinition form, Map<String, List<String>> parameters,
			FieldConditions conditions, ZoneId plantZone) {
		Map<String, Object> entered = new LinkedHashMap<>();
		form.allFields()
			.filter(FormField::holdsValue)
			.forEach((field) -> entered.put(field.key(), field.isDynamicList() ? DynamicList.entered(field, parameters)
					: enteredValue(field, parameters.getOrDefault(field.key(), List.of()))));
		Map<String, FieldProblem> typingErrors = new LinkedHashMap<>();
		Map<String, Object> typed = typedValues(form, entered, typingErrors, plantZone);
		FieldConditions.Visibility visibility = conditions.of(form, typed);
		Set<String> hidden = visibility.hidden();
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, FieldProblem> errors = new LinkedHashMap<>();
		form.allFields()
			.filter((field) -> field.holdsValue() && !field.readonly() && !hidden.contains(field.key()))
			.forEach((field) -> {
				if (field.isDynamicList()) {
					DynamicList.validate(field, typed.get(field.key()), typingErrors, conditions, errors);
					values.put(field.key(), typed.get(field.key()));
					return;
				}
				Object value = typed.get(field.key());
				FieldProblem problem = typingErrors.containsKey(field.key()) ? typingErrors.get(field.key())
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
			Map<String, FieldProblem> typingErrors, ZoneId plantZone) {
		Map<String, Object> typed = new LinkedHashMap<>();
		form.allFields().filter(FormField::holdsValue).forEach((field) -> {
			if (field.isDynamicList()) {
				typed.put(field.key(), DynamicList.typed(field, entered.get(field.key()), typingErrors, plantZone));
				return;
			}
			try {
				typed.put(field.key(), FieldValues.typed(field, entered.get(field.key()), plantZone));
			}
			catch (NotTypable ex) {
				typingErrors.put(field.key(), ex.problem);
				typed.put(field.key(), null);
			}
		});
		return typed;
	}

	/** What was typed cannot become the field's value (a number, a date). */
	static final class NotTypable extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final transient FieldProblem problem;

		NotTypable(FieldProblem problem) {
			super(problem.defaultMessage());
			this.problem = problem;
		}

		FieldProblem problem() {
			return this.problem;
		}

	}

	/** Turns what was typed into the value a process variable gets. */
	static final class FieldValues {

		/**
		 * Thousands separators a French keyboard or a copied number puts between digits:
		 * space, NBSP, narrow NBSP.
		 */
		private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[ \\u00a0\\u202f\\u2009](?=\\d{3})");

		private static final DateTimeFormatter PLANT_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
			.withResolverStyle(ResolverStyle.STRICT);

		private static final DateTimeFormatter PLANT_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
			.withResolverStyle(ResolverStyle.STRICT);

		private FieldValues() {
		}

		static Object typed(FormField field, Object entered, ZoneId plantZone) {
			if (entered instanceof String text && text.isBlank()) {
				return null;
			}
			return switch (field.type()) {
				case "number" -> number((String) entered);
				case "datetime" -> dateTime(field, (String) entered, plantZone);
				default -> entered;
			};
		}

		static Object number(String text) {
			try {
				String plain = DIGIT_GROUPS.matcher(text.trim()).replaceAll("").replace(',', '.');
				BigDecimal number = new BigDecimal(plain);
				return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact()
						: (Object) number.doubleValue();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new NotTypable(FieldProblem.of("form.number", "Enter a number, e.g. 42 or 3.5"));
			}
		}

		/**
		 * A date stays a calendar date ({@code yyyy-MM-dd}) and a time a wall-clock time;
		 * a date-time is the plant's wall-clock time, submitted as the UTC instant it is
		 * ({@code 2026-12-07T07:30:00Z}).
		 */
		private static String dateTime(FormField field, String text, ZoneId plantZone) {
			String value = text.trim();
			String subtype = field.subtype() == null ? "date" : field.subtype();
			try {
				return switch (subtype) {
					case "time" -> LocalTime.parse(value).toString();
					case "datetime" -> instantOf(value, plantZone).toString();
					default ->
						(value.contains("/") ? LocalDate.parse(value, PLANT_DATE) : LocalDate.parse(value)).toString();
				};
			}
			catch (DateTimeParseException ex) {
				throw new NotTypable("datetime".equals(subtype)
						? FieldProblem.of("form.datetime", "Enter a valid date and time, e.g. 07/12/2026 08:30")
						: "time".equals(subtype) ? FieldProblem.of("form.time", "Enter a valid time, e.g. 08:30")
								: FieldProblem.of("form.date", "Enter a valid date, e.g. 07/12/2026"));
			}
		}

		private static Instant instantOf(String value, ZoneId plantZone) {
			if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			LocalDateTime local = value.contains("/") ? LocalDateTime.parse(value, PLANT_DATE_TIME)
					: LocalDateTime.parse(value);
			return local.atZone(plantZone).toInstant();
		}

	}

	/**
	 * The validation rules a form-js field carries, with messages an operator
	 * understands.
	 */
	static final class FieldRules {

		private FieldRules() {
		}

		static FieldProblem problemWith(FormField field, Object value, FieldConditions conditions) {
			if (isEmpty(value)) {
				return field.required() ? FieldProblem.of("form.required", "This field is required") : null;
			}
			if (value instanceof Number number) {
				return numberProblem(field, new BigDecimal(number.toString()));
			}
			if (value instanceof String text) {
				return textProblem(field, text, conditions);
			}
			if (value instanceof List<?> selected) {
				return selected.stream().allMatch((item) -> isOption(field, item.toString())) ? null
						: FieldProblem.of("form.options", "Choose among the listed options");
			}
			return null;
		}

		private static boolean isEmpty(Object value) {
			return value == null || Boolean.FALSE.equals(value) || (value instanceof List<?> list && list.isEmpty());
		}

		private static FieldProblem numberProblem(FormField field, BigDecimal number) {
			if (field.min() != null && number.compareTo(field.min()) < 0) {
				return FieldProblem.of("form.min", "Must be at least " + field.min().toPlainString(), field.min());
			}
			if (field.max() != null && number.compareTo(field.max()) > 0) {
				return FieldProblem.of("form.max", "Must be at most " + field.max().toPlainString(), field.max());
			}
			return null;
		}

		private static FieldProblem textProblem(FormField field, String text, FieldConditions conditions) {
			if ((!field.options().isEmpty() || field.valuesKey() != null) && !isOption(field, text)) {
				return FieldProblem.of("form.options", "Choose among the listed options");
			}
			if (field.minLength() != null && text.length() < field.minLength()) {
				return FieldProblem.of("form.min-length", "Must have at least " + field.minLength() + " characters",
						field.minLength());
			}
			if (field.maxLength() != null && text.length() > field.maxLength()) {
				return FieldProblem.of("form.max-length", "Must have at most " + field.maxLength() + " characters",
						field.maxLength());
			}
			return (field.pattern() == null) ? null : conditions.patternProblem(field, text);
		}

		private static boolean isOption(FormField field, String value) {
			return field.options().stream().map(Option::value).anyMatch(value::equals);
		}

	}

}
