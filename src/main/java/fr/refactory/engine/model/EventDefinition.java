package fr.refactory.engine.model;

/**
 * The event definition of a catch or throw event (message, timer, error, terminate...).
 * Catch-event subscriptions are chosen by the type of their definition, so a new kind of
 * event adds a record implementing this interface and a {@code CatchEventSubscription}
 * for it.
 */
public interface EventDefinition {

}
