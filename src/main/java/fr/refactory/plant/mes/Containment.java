package fr.refactory.plant.mes;

import java.util.List;

/**
 * @param heldSubjectKeys the items put on hold
 */
public record Containment(String containmentId, List<String> heldSubjectKeys) {
}
