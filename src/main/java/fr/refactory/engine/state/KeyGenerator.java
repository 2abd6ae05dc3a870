package fr.refactory.engine.state;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Positive 64-bit keys, unique across restarts: blocks of 100 taken from a PostgreSQL
 * sequence (sequences are not transactional, so a rolled back command only leaves a gap).
 */
@Component
@ConditionalOnEmbeddedEngine
public class KeyGenerator {

	private static final int BLOCK = 100;

	private final JdbcTemplate jdbc;

	private long next;

	private long limit;

	KeyGenerator(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public synchronized long nextKey() {
		if (this.next == this.limit) {
			Long start = this.jdbc.queryForObject("select nextval('engine_key_seq')", Long.class);
			this.next = start;
			this.limit = start + BLOCK;
		}
		return this.next++;
	}

}
