package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * {@code zeebe:executionListener}: a job of {@code type} with {@code retries}, run at the
 * element's start or end.
 */
public record ExecutionListener(EventType eventType, Expression type, Expression retries) {

	/** When the listener runs; the names are the jobs' {@code listenerEventType}. */
	public enum EventType {

		START, END

	}

}
