package fr.refactory.engine.model;

/**
 * A compensation event. On a throw or end event: the activity to compensate
 * ({@code activityRef}, null for every completed activity of the scope). On a boundary
 * event: the compensation handler associated with it.
 */
public record CompensationDefinition(String activityRef, String handlerId) implements EventDefinition {

	public static CompensationDefinition thrown(String activityRef) {
		return new CompensationDefinition(activityRef, null);
	}

	public static CompensationDefinition boundary(String handlerId) {
		return new CompensationDefinition(null, handlerId);
	}

}
