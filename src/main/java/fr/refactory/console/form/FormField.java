package fr.refactory.console.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Form, as far as the console renders and validates it.
 *
 * @param type form-js component type: textfield, textarea, number, checkbox, checklist, radio, select, datetime,
 * text, group
 * @param key the process variable the field reads and writes; {@code null} for text and groups
 * @param hideCondition FEEL expression without its leading {@code =}; the field is hidden (neither shown, validated
 * nor submitted) while it evaluates to {@code true}
 * @param subtype for datetime: {@code date}, {@code time} or {@code datetime}
 * @param valuesKey for radio, select and checklist: the process variable holding the options (form-js dynamic
 * options), instead of {@code options} fixed in the form
 * @param fields the children of a group
 */
public record FormField(String type, String key, String label, String description, String text, boolean required,
		BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern, List<Option> options,
		String valuesKey, String hideCondition, String subtype, boolean readonly, Object defaultValue,
		List<FormField> fields) {

	/** The field with these options, e.g. read from the variable its {@code valuesKey} names. */
	public FormField withOptions(List<Option> newOptions) {
		return new FormField(this.type, this.key, this.label, this.description, this.text, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, newOptions, this.valuesKey, this.hideCondition,
				this.subtype, this.readonly, this.defaultValue, this.fields);
	}

	/** The text component with the text the operator reads (template expressions resolved). */
	public FormField withText(String newText) {
		return new FormField(this.type, this.key, this.label, this.description, newText, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, this.options, this.valuesKey, this.hideCondition,
				this.subtype, this.readonly, this.defaultValue, this.fields);
	}

	public FormField withFields(List<FormField> children) {
		return new FormField(this.type, this.key, this.label, this.description, this.text, this.required, this.min,
				this.max, this.minLength, this.maxLength, this.pattern, this.options, this.valuesKey, this.hideCondition,
				this.subtype, this.readonly, this.defaultValue, children);
	}

	public boolean holdsValue() {
		return this.key != null && !"text".equals(this.type) && !"group".equals(this.type);
	}

	public boolean isGroup() {
		return "group".equals(this.type);
	}

	/** A choice of a radio, select or checklist. */
	public record Option(String label, String value) {
	}

}
