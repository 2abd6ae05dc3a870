package fr.refactory.engine.management;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.EngineDatabase;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes all engine data (every {@code engine_*} table: definitions, instances, jobs,
 * incidents, variables, user tasks, decisions, forms, messages and history) in one
 * transaction. Other application tables are never touched. The key sequence is kept, so
 * keys stay unique and cached parsed models (keyed by definition key) cannot be confused;
 * versions restart at 1 because no definition remains.
 */
@Component
@ConditionalOnEmbeddedEngine
@ConditionalOnEngineManagement
public class EnginePurge {

	private final EngineDatabase database;

	EnginePurge(EngineDatabase database) {
		this.database = database;
	}

	/**
	 * Purges in one transaction; the caller completes the change once it is committed.
	 */
	@Transactional
	public void purge() {
		this.database.purged();
	}

}
