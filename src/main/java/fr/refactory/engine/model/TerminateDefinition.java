package fr.refactory.engine.model;

/**
 * A terminate end event: ends every element instance of its flow scope, which then
 * completes.
 */
public record TerminateDefinition() implements EventDefinition {

}
