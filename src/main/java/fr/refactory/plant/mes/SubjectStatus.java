package fr.refactory.plant.mes;

/**
 * The MES status of a vehicle, battery or part, e.g. RELEASED after a passed quality
 * gate.
 */
public record SubjectStatus(String subjectKey, String status) {
}
