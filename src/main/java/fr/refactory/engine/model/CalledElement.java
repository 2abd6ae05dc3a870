package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * {@code zeebe:calledElement}: the called process id, which version it binds to and the
 * propagation flags.
 */
public record CalledElement(Expression processId, boolean propagateAllChildVariables,
		boolean propagateAllParentVariables, Binding binding) {

}
