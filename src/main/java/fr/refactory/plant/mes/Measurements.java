package fr.refactory.plant.mes;

import java.util.List;

/** Every measurement set recorded for a subject, oldest first. */
public record Measurements(String subjectKey, List<MeasurementSet> sets) {
}
