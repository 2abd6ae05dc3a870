package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ElementProcessor;

/**
 * Boundary event instance: created by {@code BoundaryEvents} once its event occurred (its
 * activity already interrupted or not), it completes at once and takes its outgoing flows
 * (the interface defaults).
 */
public class BoundaryEventProcessor implements ElementProcessor {

}
