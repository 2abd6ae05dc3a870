package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * The message a catch event or receive task waits for: name and correlation key
 * (expressions).
 */
public record MessageDefinition(Expression name, Expression correlationKey) implements EventDefinition {

}
