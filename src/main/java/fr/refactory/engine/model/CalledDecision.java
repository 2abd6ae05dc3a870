package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * {@code zeebe:calledDecision}: the decision, which version it binds to and the variable
 * receiving its result.
 */
public record CalledDecision(Expression decisionId, String resultVariable, Binding binding) {

}
