package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * An error event. On a throw event the code may be FEEL; on a catch event it is static,
 * and null catches every error.
 */
public record ErrorDefinition(Expression errorCode) implements EventDefinition {

	public boolean catchesAll() {
		return this.errorCode == null;
	}

}
