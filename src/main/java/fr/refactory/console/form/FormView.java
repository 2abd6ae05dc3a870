package fr.refactory.console.form;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the task page shows in a form: the values (typed, or taken from the process
 * variables on first display), the errors per field, which fields are hidden by their
 * condition (evaluated on the server, ADR 0402) and why a field is shown whose condition
 * could not be evaluated (ADR 0510).
 */
public record FormView(FormDefinition form, Map<String, Object> values, Map<String, FieldProblem> errors,
		Set<String> hidden, Map<String, String> notices) {

	private static final Pattern ITEM = Pattern.compile("^(.+)\\[(\\d{1,4})]$");

	/**
	 * Name of the marker each shown conditional field posts, so a live refresh knows what
	 * the page shows.
	 */
	public static final String SHOWN_MARKER = "_shown";

	public static FormView prefilled(FormDefinition form, Map<String, Object> variables, FieldConditions conditions) {
		return prefilled(form, variables, conditions, (moment) -> java.util.Optional.empty());
	}

	/**
	 * The form on first display; a date-time variable (a UTC instant) is shown as the
	 * plant's wall-clock time the input expects ({@code plantTime}: the moment as
	 * {@code yyyy-MM-ddTHH:mm}, ADR 1501).
	 */
	public static FormView prefilled(FormDefinition form, Map<String, Object> variables, FieldConditions conditions,
			java.util.function.Function<Object, java.util.Optional<String>> plantTime) {
		Map<String, Object> values = withDefaults(form, variables);
		form.allFields()
			.filter((field) -> "datetime".equals(field.type()) && "datetime".equals(field.subtype())
					&& values.get(field.key()) != null)
			.forEach((field) -> plantTime.apply(values.get(field.key()))
				.ifPresent((local) -> values.put(field.key(), local)));
		FieldConditions.Visibility visibility = conditions.of(form, values);
		return new FormView(form, values, Map.of(), visibility.hidden(), visibility.unevaluated());
	}

	public static FormView of(FormDefinition form, FormSubmission submission) {
		return new FormView(form, submission.entered(), submission.problems(), submission.hidden(),
				submission.notices());
	}

	/** The form as the operator is filling it in: what is typed so far, no errors yet. */
	public static FormView whileTyping(FormDefinition form, FormSubmission submission) {
		return new FormView(form, submission.entered(), Map.of(), submission.hidden(), submission.notices());
	}

	public FieldProblem errorOf(String key) {
		return this.errors.get(key);
	}

	/**
	 * Why a field is shown although it has a condition: the condition could not be
	 * evaluated; null otherwise.
	 */
	public String noticeOf(String key) {
		return this.notices.get(key);
	}

	/**
	 * The value as the input shows it; a number the way the person's language writes it
	 * (45 000 / 12,5).
	 */
	public String textOf(String key) {
		Object value = valueOf(key);
		if (value instanceof Number number) {
			return numberText(number, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		}
		return value == null ? "" : value.toString();
	}

	/**
	 * The value as a closed task's read-only page shows it: option labels rather than
	 * codes, a tick for a ticked box, dates as {@code dd/MM/yyyy} (a date-time already in
	 * plant time, see {@link #prefilled}).
	 */
	public String shownValue(FormField field) {
		Object value = this.values.get(field.key());
		if (value == null) {
			return "";
		}
		return switch (field.type()) {
			case "checkbox" -> isChecked(field.key()) ? "✓" : "—";
			case "checklist", "select",
					"radio" ->
				String.join(", ",
						((value instanceof List<?> list) ? list : List.of(value)).stream()
							.map((chosen) -> labelOf(field, String.valueOf(chosen)))
							.toList());
			case "datetime" -> plantDate(textOf(field.key()));
			default -> textOf(field.key());
		};
	}

	private static String labelOf(FormField field, String value) {
		return field.options()
			.stream()
			.filter((option) -> option.value().equals(value))
			.map(FormField.Option::label)
			.findFirst()
			.orElse(value);
	}

	private static String plantDate(String iso) {
		try {
			return iso.contains("T") ? java.time.LocalDateTime.parse(iso).format(fr.refactory.records.PlantTime.DISPLAY)
					: java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return iso;
		}
	}

	static String numberText(Number number, java.util.Locale locale) {
		if (!"fr".equals(locale.getLanguage())) {
			return number.toString();
		}
		java.text.DecimalFormat french = new java.text.DecimalFormat("#,##0.##########",
				java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE));
		return french.format(number);
	}

	public boolean isChecked(String key) {
		Object value = valueOf(key);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	public boolean isSelected(String key, String option) {
		return valueOf(key) instanceof List<?> selected
				&& selected.stream().anyMatch((item) -> option.equals(String.valueOf(item)));
	}

	/**
	 * A dynamic list's items as fields under their item keys: the items it holds, at
	 * least its default repetitions, and one more, optional, when the operator may add
	 * items (an item left empty is no item, ADR 1402).
	 */
	public List<List<FormField>> itemsOf(FormField list) {
		int held = valueOf(list.key()) instanceof List<?> items ? items.size() : 0;
		int shown = list.list().addable() ? Math.max(held + 1, list.list().repetitions())
				: Math.max(held, list.list().repetitions());
		List<List<FormField>> items = new ArrayList<>();
		for (int index = 0; index < shown; index++) {
			items.add(inItem(list.fields(), list.key(), index, index >= held));
		}
		return items;
	}

	private static List<FormField> inItem(List<FormField> fields, String listKey, int index, boolean spare) {
		return fields.stream()
			.map((field) -> field.isGroup() ? field.withFields(inItem(field.fields(), listKey, index, spare))
					: (field.key() == null ? field : field.inItem(listKey, index, spare)))
			.toList();
	}

	/**
	 * A table's rows: its data source's items, each cell the item's value under the
	 * column's key.
	 */
	public List<List<String>> rowsOf(FormField table) {
		List<List<String>> rows = new ArrayList<>();
		if (valueOf(table.list().dataSource()) instanceof List<?> items) {
			items.forEach((item) -> rows.add(table.options()
				.stream()
				.map((column) -> item instanceof Map<?, ?> map && map.get(column.value()) != null
						? String.valueOf(map.get(column.value())) : "")
				.toList()));
		}
		return rows;
	}

	/**
	 * The value under a key, a dotted path or an item's field ({@code parts[0].name}).
	 */
	private Object valueOf(String key) {
		if (key == null) {
			return null;
		}
		if (this.values.containsKey(key)) {
			return this.values.get(key);
		}
		Object value = this.values;
		for (String step : key.split("\\.")) {
			Matcher item = ITEM.matcher(step);
			String name = item.matches() ? item.group(1) : step;
			value = value instanceof Map<?, ?> map ? map.get(name) : null;
			if (item.matches()) {
				int index = Integer.parseInt(item.group(2));
				value = value instanceof List<?> list && index < list.size() ? list.get(index) : null;
			}
		}
		return value;
	}

	public boolean isHidden(FormField field) {
		return field.key() != null && this.hidden.contains(field.key());
	}

	public boolean isConditional(FormField field) {
		return field.holdsValue() && field.hideCondition() != null;
	}

	/**
	 * Whether the page refreshes the form's visibility while the operator types (ADR
	 * 0402): only a form with a conditional field has anything to refresh; the others
	 * would post every keystroke pause for nothing.
	 */
	public boolean hasConditionalFields() {
		return this.form.allFields().anyMatch(this::isConditional);
	}

	/**
	 * The conditional fields whose visibility differs from what the page shows, given the
	 * keys of the conditional fields the page shows ({@value #SHOWN_MARKER} markers).
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
