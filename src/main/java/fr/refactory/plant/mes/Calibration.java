package fr.refactory.plant.mes;

import java.time.LocalDate;

/**
 * @param valid whether the equipment was within calibration on the asked date (results
 * are suspect otherwise)
 */
public record Calibration(String equipmentId, LocalDate dueDate, boolean valid) {
}
