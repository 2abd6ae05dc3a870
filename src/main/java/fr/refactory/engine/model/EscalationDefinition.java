package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * An escalation event. On a throw event the code may be FEEL; on a catch event it is
 * static, and null catches every escalation.
 */
public record EscalationDefinition(Expression code) implements EventDefinition {

	public boolean catchesAll() {
		return this.code == null;
	}

}
