package fr.refactory.console.models;

/**
 * What a process owner asks on the models page: set one parameter of the version they
 * saw, for a reason.
 */
public record ParameterChange(String decisionId, long decisionKey, String name, String value, String reason) {
}
