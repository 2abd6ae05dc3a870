package fr.refactory.records.jdbc;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Inserts a record row unless one with the same key already exists
 * ({@code insert ... on conflict (key) do nothing}), so that a job delivered twice
 * creates one row. Columns are the record's components in snake_case, as Spring Data JDBC
 * names them; components that are {@code null} are left out so the column's default
 * applies.
 */
@Component
public class IdempotentInserts {

	private final NamedParameterJdbcTemplate jdbc;

	IdempotentInserts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a row created by a job worker unless one with the same
	 * {@code idempotency_key} exists, and returns the stored row: the new one, or the one
	 * the first delivery of the job created.
	 */
	public <T extends Record> T create(String table, T row, String idempotencyKey,
			Function<String, Optional<T>> findByIdempotencyKey) {
		insertIfAbsent(table, "idempotency_key", row);
		return findByIdempotencyKey.apply(idempotencyKey)
			.orElseThrow(() -> new IllegalStateException(
					"Expected a " + table + " row with idempotency key " + idempotencyKey + " after inserting it"));
	}

	/**
	 * @return whether the row was inserted; false when a row with the same
	 * {@code conflictColumn} value existed
	 */
	public boolean insertIfAbsent(String table, String conflictColumn, Record row) {
		List<String> columns = new ArrayList<>();
		List<String> placeholders = new ArrayList<>();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		for (RecordComponent component : row.getClass().getRecordComponents()) {
			Object value = ReflectionUtils.invokeMethod(component.getAccessor(), row);
			if (value != null) {
				columns.add(snakeCase(component.getName()));
				placeholders.add(":" + component.getName());
				parameters.addValue(component.getName(), jdbcValue(value));
			}
		}
		String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", placeholders) + ") on conflict (" + conflictColumn + ") do nothing";
		return this.jdbc.update(sql, parameters) == 1;
	}

	private static Object jdbcValue(Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Instant instant) {
			return instant.atOffset(ZoneOffset.UTC);
		}
		return value;
	}

	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
