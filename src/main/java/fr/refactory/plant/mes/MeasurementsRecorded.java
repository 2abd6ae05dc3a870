package fr.refactory.plant.mes;

public record MeasurementsRecorded(String recordId, String subjectKey, int count) {
}
