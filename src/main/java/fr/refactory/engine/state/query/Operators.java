package fr.refactory.engine.state.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.Rejection;

/** Turns one filter value (plain or operator object) into SQL over one column. */
final class Operators {

	private final Search.Column column;

	private final Search.Params params;

	Operators(Search.Column column, Search.Params params) {
		this.column = column;
		this.params = params;
	}

	String sql(String field, JsonNode value) {
		if (!value.isObject()) {
			return this.column.name() + " = " + this.params.add(this.column.type().convert(value));
		}
		List<String> parts = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
		while (operators.hasNext()) {
			Map.Entry<String, JsonNode> operator = operators.next();
			String sql = operator(field, operator.getKey(), operator.getValue());
			if (sql != null) {
				parts.add(sql);
			}
		}
		return parts.isEmpty() ? null : "(" + String.join(" and ", parts) + ")";
	}

	private String operator(String field, String operator, JsonNode value) {
		if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
			return null;
		}
		String col = this.column.name();
		return switch (operator) {
			case "$eq" -> col + " = " + param(value);
			case "$neq" -> "(" + col + " is null or " + col + " <> " + param(value) + ")";
			case "$exists" -> col + (value.asBoolean() ? " is not null" : " is null");
			case "$gt" -> col + " > " + param(value);
			case "$gte" -> col + " >= " + param(value);
			case "$lt" -> col + " < " + param(value);
			case "$lte" -> col + " <= " + param(value);
			case "$in" -> col + " in (" + list(field, operator, value) + ")";
			case "$notIn" -> col + " not in (" + list(field, operator, value) + ")";
			case "$like" -> col + " like " + this.params.add(like(field, value));
			default -> throw Rejection.invalidArgument(
					"Expected a filter operator for '" + field + "', but got unknown operator '" + operator + "'");
		};
	}

	private String param(JsonNode value) {
		return this.params.add(this.column.type().convert(value));
	}

	private String list(String field, String operator, JsonNode values) {
		if (!values.isArray()) {
			throw Rejection.invalidArgument("Expected the operator '" + operator + "' of filter field '" + field
					+ "' to have an array of values, but got '" + values + "'");
		}
		List<String> names = new ArrayList<>();
		values.forEach((value) -> names.add(param(value)));
		return String.join(", ", names);
	}

	private String like(String field, JsonNode value) {
		if (this.column.type() != Search.Type.STRING) {
			throw Rejection.invalidArgument("Expected the operator '$like' on a text field, but filter field '" + field
					+ "' is of type " + this.column.type());
		}
		return like(value.asText());
	}

	private static String like(String pattern) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < pattern.length()) {
				char next = pattern.charAt(++i);
				sql.append(next == '%' || next == '_' ? "\\" + next : String.valueOf(next));
			}
			else if (c == '*') {
				sql.append('%');
			}
			else if (c == '?') {
				sql.append('_');
			}
			else if (c == '%' || c == '_') {
				sql.append('\\').append(c);
			}
			else {
				sql.append(c);
			}
		}
		return sql.toString();
	}

}
