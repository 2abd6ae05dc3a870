package fr.refactory.engine.state;

import fr.refactory.engine.model.ElementType;

/**
 * An element instance row: one activation of one element (the process itself has key =
 * process instance key).
 */
public record ElementInstance(long key, long processInstanceKey, long processDefinitionKey, String processDefinitionId,
		String elementId, ElementType type, String state, Long flowScopeKey, Long incidentKey) {

	public static final String ACTIVE = "ACTIVE";

	public static final String COMPLETED = "COMPLETED";

	public static final String TERMINATED = "TERMINATED";

	public boolean isActive() {
		return ACTIVE.equals(this.state);
	}

}
