package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * {@code zeebe:taskListener} of a Camunda user task: a job of {@code type} with
 * {@code retries}, run when the task's lifecycle event {@code eventType} happens (the
 * jobs' {@code listenerEventType}, e.g. COMPLETING).
 */
public record TaskListener(String eventType, Expression type, Expression retries) {

	public static final String CREATING = "CREATING";

	public static final String ASSIGNING = "ASSIGNING";

	public static final String UPDATING = "UPDATING";

	public static final String COMPLETING = "COMPLETING";

	public static final String CANCELING = "CANCELING";

}
