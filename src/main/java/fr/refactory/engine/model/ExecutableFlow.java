package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/** A sequence flow; {@code condition} is null when unconditional. */
public record ExecutableFlow(String id, String sourceId, String targetId, Expression condition) {

}
