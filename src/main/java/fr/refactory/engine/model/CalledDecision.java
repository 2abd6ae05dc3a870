package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/** {@code zeebe:calledDecision}: the decision (latest version) and the variable receiving its result. */
public record CalledDecision(Expression decisionId, String resultVariable) {

}
