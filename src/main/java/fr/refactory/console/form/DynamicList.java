package fr.refactory.console.form;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form-js dynamic list as the console submits it (ADR 1402): each item's fields are
 * posted as {@code path[i].key}; an item left entirely empty is no item, and the variable
 * {@code path} gets the list of items, each a map of its filled fields' typed values.
 * Errors are keyed by the item's field ({@code parts[1].weight}).
 */
final class DynamicList {

	private DynamicList() {
	}

	static String itemKey(FormField list, int index, FormField child) {
		return list.key() + "[" + index + "]." + child.key();
	}

	/** What was typed, item by item, the empty items left out. */
	static List<Map<String, Object>> entered(FormField list, Map<String, List<String>> parameters) {
		Pattern name = Pattern.compile(Pattern.quote(list.key()) + "\\[(\\d{1,4})]\\..+");
		TreeSet<Integer> indexes = new TreeSet<>();
		parameters.keySet().forEach((parameter) -> {
			Matcher matcher = name.matcher(parameter);
			if (matcher.matches()) {
				indexes.add(Integer.parseInt(matcher.group(1)));
			}
		});
		List<Map<String, Object>> items = new ArrayList<>();
		for (int index : indexes) {
			Map<String, Object> item = new LinkedHashMap<>();
			for (FormField child : valueFields(list)) {
				item.put(child.key(), FormSubmission.enteredValue(child,
						parameters.getOrDefault(itemKey(list, index, child), List.of())));
			}
			if (item.values().stream().anyMatch(DynamicList::isFilled)) {
				items.add(item);
			}
		}
		return items;
	}

	static List<Map<String, Object>> typed(FormField list, Object entered, Map<String, FieldProblem> typingErrors,
			ZoneId plantZone) {
		List<Map<String, Object>> items = new ArrayList<>();
		List<?> rows = entered instanceof List<?> values ? values : List.of();
		for (int index = 0; index < rows.size(); index++) {
			Map<?, ?> row = (Map<?, ?>) rows.get(index);
			Map<String, Object> item = new LinkedHashMap<>();
			for (FormField child : valueFields(list)) {
				try {
					Object value = FormSubmission.FieldValues.typed(child, row.get(child.key()), plantZone);
					if (value != null) {
						item.put(child.key(), value);
					}
				}
				catch (FormSubmission.NotTypable ex) {
					typingErrors.put(itemKey(list, index, child), ex.problem());
				}
			}
			items.add(item);
		}
		return items;
	}

	static void validate(FormField list, Object typed, Map<String, FieldProblem> typingErrors,
			FieldConditions conditions, Map<String, FieldProblem> errors) {
		List<?> items = typed instanceof List<?> values ? values : List.of();
		for (int index = 0; index < items.size(); index++) {
			Map<?, ?> item = (Map<?, ?>) items.get(index);
			for (FormField child : valueFields(list)) {
				if (child.readonly()) {
					continue;
				}
				String key = itemKey(list, index, child);
				FieldProblem problem = typingErrors.containsKey(key) ? typingErrors.get(key)
						: FormSubmission.FieldRules.problemWith(child, item.get(child.key()), conditions);
				if (problem != null) {
					errors.put(key, problem);
				}
			}
		}
	}

	/** The item's value fields, group children included. */
	static List<FormField> valueFields(FormField list) {
		return new FormDefinition(null, list.fields()).allFields().filter(FormField::holdsValue).toList();
	}

	private static boolean isFilled(Object value) {
		return value != null && !"".equals(value) && !Boolean.FALSE.equals(value)
				&& !(value instanceof List<?> selected && selected.isEmpty());
	}

}
