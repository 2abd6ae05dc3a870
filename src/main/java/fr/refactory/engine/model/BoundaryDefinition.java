package fr.refactory.engine.model;

/**
 * Where a boundary event is attached and whether it interrupts (terminates) the activity
 * it is attached to.
 */
public record BoundaryDefinition(String attachedToId, boolean interrupting) {

}
