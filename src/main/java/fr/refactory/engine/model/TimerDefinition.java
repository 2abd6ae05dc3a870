package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * A timer event: a date, a duration or a cycle (ISO-8601 repetition or cron), each
 * possibly a FEEL expression.
 */
public record TimerDefinition(Kind kind, Expression expression) implements EventDefinition {

	public enum Kind {

		DATE, DURATION, CYCLE

	}

}
