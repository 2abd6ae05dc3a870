package fr.refactory.plant.erp;

public record ErpDocument(String documentNumber, ErpPosting.Kind kind, String subjectKey) {
}
