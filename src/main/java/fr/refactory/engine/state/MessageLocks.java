package fr.refactory.engine.state;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises, per message name and correlation key, the commands that publish a message
 * and those that look for a buffered one (a subscription opening, an instance started by
 * a message ending): whichever commits second sees the other's work, so a message
 * published while its subscription opens correlates, and a message id is checked against
 * every publication committed before (ADR 0255).
 */
@Component
@ConditionalOnEmbeddedEngine
public class MessageLocks {

	/**
	 * The first key of PostgreSQL's two-key advisory locks, so these never meet the
	 * engine's one-key locks.
	 */
	private static final int MESSAGE_NAMESPACE = 0x4D534731; // "MSG1"

	private final JdbcTemplate jdbc;

	MessageLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the message name and correlation key for the rest of the transaction. */
	public void lock(String messageName, String correlationKey) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(?, hashtext(?))", MESSAGE_NAMESPACE,
				messageName + "\n" + correlationKey);
	}

	/**
	 * Locks, for the rest of the transaction, the starts of the process by a message with
	 * the correlation key, so at most one active instance started by that key exists.
	 */
	public void lockMessageStart(String processDefinitionId, String correlationKey) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))",
				processDefinitionId + "\n" + correlationKey);
	}

}
