package fr.refactory.plant.passport;

import java.time.Instant;

/**
 * @param parentBatteryId the original battery of a repurposed or remanufactured one, else
 * {@code null}
 */
public record PassportRecord(String batteryId, String passportId, String status, Double sohPct, String parentBatteryId,
		Instant updatedAt) {
}
