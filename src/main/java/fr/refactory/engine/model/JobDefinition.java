package fr.refactory.engine.model;

import java.util.Map;

import fr.refactory.engine.expression.Expression;

/** {@code zeebe:taskDefinition} plus {@code zeebe:taskHeaders}. */
public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {

}
