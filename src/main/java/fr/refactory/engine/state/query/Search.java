package fr.refactory.engine.state.query;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.Rejection;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One searchable entity: which filter fields map to which columns, which sort fields
 * exist. Reads the Camunda search body ({@code filter}, {@code sort}, {@code page}); a
 * filter value is either a plain value or an operator object, and empty
 * {@code $in}/{@code $notIn}/{@code $or} arrays mean "no constraint". A filter field the
 * entity cannot filter on is rejected (400) unless it constrains nothing, rather than
 * silently widening the result.
 */
public final class Search {

	private final String from;

	private final String keyColumn;

	private final Map<String, Column> filters = new HashMap<>();

	private final Map<String, String> sorts = new HashMap<>();

	private final Map<String, CustomFilter> custom = new HashMap<>();

	public Search(String from, String keyColumn) {
		this.from = from;
		this.keyColumn = keyColumn;
	}

	public Search filter(String field, String column, Type type) {
		this.filters.put(field, new Column(column, type));
		return this;
	}

	public Search sortable(String field, String column) {
		this.sorts.put(field, column);
		return this;
	}

	/** A filter and sort field at once. */
	public Search field(String field, String column, Type type) {
		return filter(field, column, type).sortable(field, column);
	}

	public Search custom(String field, CustomFilter filter) {
		this.custom.put(field, filter);
		return this;
	}

	public <T> SearchResult<T> run(NamedParameterJdbcTemplate jdbc, JsonNode body, RowMapper<T> mapper) {
		return run(jdbc, body, mapper, null, Map.of());
	}

	public <T> SearchResult<T> run(NamedParameterJdbcTemplate jdbc, JsonNode body, RowMapper<T> mapper,
			String extraCondition, Map<String, Object> extraParams) {
		JsonNode request = body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : body;
		Map<String, Object> params = new HashMap<>(extraParams);
		String whereSql = where(request.path("filter"), extraCondition, params);
		Long total = jdbc.queryForObject("select count(*) from " + this.from + whereSql, params, Long.class);
		int offset = offset(request.path("page"));
		int limit = nonNegative(request.path("page"), "limit", 100);
		params.put("_limit", limit);
		params.put("_offset", offset);
		List<T> items = jdbc.query("select * from " + this.from + whereSql + orderBy(request.path("sort"))
				+ " limit :_limit offset :_offset", params, mapper);
		long totalItems = total == null ? 0 : total;
		String start = items.isEmpty() ? null : String.valueOf(offset);
		String end = items.isEmpty() ? null : String.valueOf(offset + items.size());
		return new SearchResult<>(items, new SearchResult.Page(totalItems, false, start, end));
	}

	/**
	 * The SQL selecting the key of every row the filter selects, unpaged, with its
	 * parameters added to {@code params}: what a batch operation works on (a sub-select,
	 * so any number of rows stays one statement).
	 */
	public String selectKeys(JsonNode filter, String extraCondition, Map<String, Object> params) {
		return "select " + this.keyColumn + " from " + this.from + where(filter, extraCondition, params);
	}

	private String where(JsonNode filter, String extraCondition, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		if (extraCondition != null) {
			where.add(extraCondition);
		}
		String condition = conditions(filter, params);
		if (!condition.isEmpty()) {
			where.add(condition);
		}
		return where.isEmpty() ? "" : " where " + String.join(" and ", where);
	}

	/**
	 * The SQL condition of a search filter, empty when it constrains nothing: for queries
	 * that aggregate over what a search with that filter would find (element statistics).
	 */
	public String condition(JsonNode filter, Map<String, Object> params) {
		if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
			throw Rejection.invalidArgument("Expected filter to be an object, but got '" + filter + "'");
		}
		return conditions(filter, params);
	}

	private static int offset(JsonNode page) {
		if (page.hasNonNull("after")) {
			return parseCursor("after", page.path("after").asText());
		}
		if (page.hasNonNull("before")) {
			int before = parseCursor("before", page.path("before").asText());
			return Math.max(0, before - nonNegative(page, "limit", 100));
		}
		return nonNegative(page, "from", 0);
	}

	private static int nonNegative(JsonNode page, String field, int absent) {
		JsonNode value = page.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return absent;
		}
		if (!value.canConvertToInt() || value.asInt() < 0) {
			throw Rejection.invalidArgument(
					"Expected page." + field + " to be a non-negative integer, but got '" + value.asText() + "'");
		}
		return value.asInt();
	}

	private static int parseCursor(String field, String cursor) {
		try {
			int offset = Integer.parseInt(cursor);
			if (offset >= 0) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// rejected below
		}
		throw Rejection.invalidArgument("Expected page." + field + " to be a cursor returned by a previous search,"
				+ " but got '" + cursor + "'");
	}

	private String conditions(JsonNode filter, Map<String, Object> params) {
		List<String> parts = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> entry = fields.next();
			String sql = condition(entry.getKey(), entry.getValue(), params);
			if (sql != null) {
				parts.add(sql);
			}
		}
		return String.join(" and ", parts);
	}

	private String condition(String field, JsonNode value, Map<String, Object> params) {
		if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
			return null;
		}
		if (field.equals("$or")) {
			if (!value.isArray()) {
				throw Rejection
					.invalidArgument("Expected filter field '$or' to be an array of filters, but got '" + value + "'");
			}
			List<String> alternatives = new ArrayList<>();
			value.forEach((group) -> {
				String sql = conditions(group, params);
				alternatives.add(sql.isEmpty() ? "true" : "(" + sql + ")");
			});
			return "(" + String.join(" or ", alternatives) + ")";
		}
		if (this.custom.containsKey(field)) {
			return this.custom.get(field).sql(value, new Params(params));
		}
		Column column = this.filters.get(field);
		if (column == null) {
			if (constrainsNothing(value)) {
				return null;
			}
			// ignoring it would answer with too many rows (a test helper could then pick
			// another test's task)
			throw Rejection.invalidArgument("Expected a filter field of " + new java.util.TreeSet<>(filterFields())
					+ ", but got '" + field + "', which the embedded engine cannot filter on");
		}
		return new Operators(column, new Params(params)).sql(field, value);
	}

	private java.util.Set<String> filterFields() {
		java.util.Set<String> fields = new java.util.HashSet<>(this.filters.keySet());
		fields.addAll(this.custom.keySet());
		return fields;
	}

	/**
	 * An operator object whose operators are all null or empty arrays, e.g.
	 * {@code {"$in":[]}}.
	 */
	private static boolean constrainsNothing(JsonNode value) {
		if (!value.isObject()) {
			return false;
		}
		Iterator<JsonNode> operators = value.elements();
		while (operators.hasNext()) {
			JsonNode operand = operators.next();
			if (!(operand.isNull() || (operand.isArray() && operand.isEmpty()))) {
				return false;
			}
		}
		return true;
	}

	private String orderBy(JsonNode sort) {
		List<String> parts = new ArrayList<>();
		for (JsonNode item : sort) {
			String field = item.path("field").asText();
			String column = this.sorts.get(field);
			if (column == null) {
				throw Rejection
					.invalidArgument("Expected a sort field of " + this.sorts.keySet() + ", but got '" + field + "'");
			}
			boolean desc = "DESC".equalsIgnoreCase(item.path("order").asText("ASC"));
			parts.add(column + (desc ? " desc nulls last" : " asc nulls last"));
		}
		parts.add(this.keyColumn + " asc");
		return " order by " + String.join(", ", parts);
	}

	/** Column types, deciding how filter values are converted. */
	public enum Type {

		KEY, STRING, INT, DATE, BOOLEAN;

		Object convert(JsonNode value) {
			try {
				return switch (this) {
					case KEY -> Long.parseLong(value.asText());
					case STRING -> value.asText();
					case INT -> Integer.parseInt(value.asText());
					case DATE -> Timestamp.from(OffsetDateTime.parse(value.asText()).toInstant());
					case BOOLEAN -> Boolean.parseBoolean(value.asText());
				};
			}
			catch (NumberFormatException | DateTimeParseException ex) {
				throw Rejection
					.invalidArgument("Expected a filter value of type " + this + ", but got '" + value.asText() + "'");
			}
		}

	}

	/** A column and its type. */
	public record Column(String name, Type type) {
	}

	/** Generates named parameters. */
	public static final class Params {

		private final Map<String, Object> values;

		Params(Map<String, Object> values) {
			this.values = values;
		}

		public String add(Object value) {
			String name = "p" + this.values.size();
			this.values.put(name, value);
			return ":" + name;
		}

	}

	/** A filter field that is not a plain column (JSON arrays, variables). */
	@FunctionalInterface
	public interface CustomFilter {

		String sql(JsonNode value, Params params);

	}

}
