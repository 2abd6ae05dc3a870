package fr.refactory.engine.model;

/**
 * A link event: a throw event continues at the catch event with the same (static) name in
 * its scope.
 */
public record LinkDefinition(String name) implements EventDefinition {

}
