package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * A {@code zeebe:input} or {@code zeebe:output}: the source expression and the target
 * variable.
 */
public record Mapping(Expression source, String target) {

}
