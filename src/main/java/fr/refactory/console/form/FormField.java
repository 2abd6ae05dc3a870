package fr.refactory.console.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Form, as far as the console renders and validates it.
 *
 * @param type form-js component type: textfield, textarea, number, checkbox, checklist,
 * radio, select, datetime, text, group
 * @param key the process variable the field reads and writes; {@code null} for text and
 * groups
 * @param hideCondition FEEL expression without its leading {@code =}; the field is hidden
 * (neither shown, validated nor submitted) while it evaluates to {@code true}
 * @param subtype for datetime: {@code date}, {@code time} or {@code datetime}
 * @param valuesKey for radio, select and checklist: the process variable holding the
 * options (form-js dynamic options), instead of {@code options} fixed in the form
 * @param fields the children of a group, or the fields of each item of a dynamic list
 * @param list for a dynamic list ({@code dynamiclist}, its {@code path} is the key): how
 * many items it shows at first and whether the operator adds items; for a table: the
 * variable its {@code dataSource} reads ({@code options} are then its columns, label and
 * key)
 */
public record FormField(String type, String key, String label, String description, String text, boolean required,
		BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern, List<Option> options,
		String valuesKey, String hideCondition, String subtype, boolean readonly, Object defaultValue,
		List<FormField> fields, ListSettings list) {

	public static final String DYNAMIC_LIST = "dynamiclist";

	public static final String TABLE = "table";

	/**
	 * The field with these options, e.g. read from the variable its {@code valuesKey}
	 * names.
	 */
	public FormField withOptions(List<Option> newOptions) {
		return new FormField(this.type, this.key, this.label, this.description, this.text, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, newOptions, this.valuesKey, this.hideCondition,
				this.subtype, this.readonly, this.defaultValue, this.fields, this.list);
	}

	/**
	 * The text component with the text the operator reads (template expressions
	 * resolved).
	 */
	public FormField withText(String newText) {
		return new FormField(this.type, this.key, this.label, this.description, newText, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, this.options, this.valuesKey,
				this.hideCondition, this.subtype, this.readonly, this.defaultValue, this.fields, this.list);
	}

	public FormField withFields(List<FormField> children) {
		return new FormField(this.type, this.key, this.label, this.description, this.text, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, this.options, this.valuesKey,
				this.hideCondition, this.subtype, this.readonly, this.defaultValue, children, this.list);
	}

	/**
	 * This field of a dynamic list's item, under the item's key ({@code parts[0].name})
	 * and, if spare, optional.
	 */
	public FormField inItem(String listKey, int index, boolean spare) {
		return new FormField(this.type, listKey + "[" + index + "]." + this.key, this.label, this.description,
				this.text, this.required && !spare, this.min, this.max, this.minLength, this.maxLength, this.pattern,
				this.options, this.valuesKey, null, this.subtype, this.readonly, this.defaultValue, this.fields,
				this.list);
	}

	public boolean holdsValue() {
		return this.key != null && !"text".equals(this.type) && !"group".equals(this.type) && !isTable();
	}

	public boolean isDynamicList() {
		return DYNAMIC_LIST.equals(this.type);
	}

	public boolean isTable() {
		return TABLE.equals(this.type);
	}

	public boolean isGroup() {
		return "group".equals(this.type);
	}

	/**
	 * A dynamic list's items shown at first ({@code defaultRepetitions}) and whether one
	 * more empty item is offered; a table's data source (a variable name or dotted path).
	 */
	public record ListSettings(int repetitions, boolean addable, String dataSource) {

		public static final ListSettings NONE = new ListSettings(0, false, null);

	}

	/** A choice of a radio, select or checklist. */
	public record Option(String label, String value) {
	}

}
