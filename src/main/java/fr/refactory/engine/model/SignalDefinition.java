package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * A signal event: the signal name (static or FEEL), evaluated when the event subscribes
 * or throws.
 */
public record SignalDefinition(Expression name) implements EventDefinition {

}
