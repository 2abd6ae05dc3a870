package fr.refactory.engine.model;

/**
 * Marks the start event of an event subprocess: whether it interrupts the scope the event
 * subprocess sits in (its other work is terminated) or runs alongside it.
 */
public record EventSubprocessStart(boolean interrupting) {

}
