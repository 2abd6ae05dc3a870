package fr.refactory.engine.state;

import fr.refactory.engine.model.ElementType;

/**
 * An element instance row: one activation of one element (the process itself has key =
 * process instance key).
 */
public record ElementInstance(long key, long processInstanceKey, long processDefinitionKey, String processDefinitionId,
		String elementId, ElementType type, String state, Long flowScopeKey, Long incidentKey, boolean terminating) {

	public static final String ACTIVE = "ACTIVE";

	public static final String COMPLETED = "COMPLETED";

	public static final String TERMINATED = "TERMINATED";

	public ElementInstance(long key, long processInstanceKey, long processDefinitionKey, String processDefinitionId,
			String elementId, ElementType type, String state, Long flowScopeKey, Long incidentKey) {
		this(key, processInstanceKey, processDefinitionKey, processDefinitionId, elementId, type, state, flowScopeKey,
				incidentKey, false);
	}

	/**
	 * Active and not terminating: a terminating instance (still ACTIVE while its
	 * termination waits for listeners, ADR 1602) does nothing more.
	 */
	public boolean isActive() {
		return ACTIVE.equals(this.state) && !this.terminating;
	}

}
