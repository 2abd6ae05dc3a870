package fr.refactory.engine.deployment;

/**
 * The kinds of resource whose deleted versions are remembered, so that a later deployment
 * never reuses a deleted version (Camunda semantics; docs/decisions/0251; read through
 * {@code DefinitionStore.highestDeletedVersion}).
 */
public final class DeletedVersions {

	public static final String PROCESS = "PROCESS";

	public static final String DECISION_REQUIREMENTS = "DECISION_REQUIREMENTS";

	public static final String DECISION = "DECISION";

	public static final String FORM = "FORM";

	private DeletedVersions() {
	}

}
