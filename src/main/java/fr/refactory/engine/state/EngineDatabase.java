package fr.refactory.engine.state;

import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's database as a whole, for the status endpoint and the management purge:
 * whether it answers, and every {@code engine_*} table emptied at once (no event: the
 * event log is purged with the rest).
 */
@Component
@ConditionalOnEmbeddedEngine
public class EngineDatabase {

	private final JdbcTemplate jdbc;

	EngineDatabase(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Asks the database for an answer; its failure to answer propagates as the exception
	 * that says why.
	 */
	public void ping() {
		this.jdbc.queryForObject("select 1", Integer.class);
	}

	/**
	 * Every engine table is emptied (other application tables are never touched); the key
	 * sequence is kept, so keys stay unique and cached parsed models (keyed by definition
	 * key) cannot be confused.
	 */
	public void purged() {
		List<String> tables = this.jdbc.queryForList(
				"select tablename from pg_tables where schemaname = current_schema() and tablename like 'engine\\_%'",
				String.class);
		if (!tables.isEmpty()) {
			this.jdbc.execute("truncate table " + String.join(", ", tables));
		}
	}

}
