package fr.refactory.console.models;

/**
 * One reason a model file may not be deployed: the file, the element (if any) and what is
 * wrong.
 */
public record ModelProblem(String file, String element, String reason) {
}
