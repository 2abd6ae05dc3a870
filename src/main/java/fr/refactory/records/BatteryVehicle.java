package fr.refactory.records;

import java.time.Instant;

/**
 * A vehicle a battery, or the battery it was made from, was in (auditor question Q4).
 *
 * @param batteryId the battery itself or one of its ancestors
 * @param relation INSTALLED_IN (fitted by a process), REMOVED_FROM, or ARRIVED_IN (the
 * host vehicle the pack came with when first read at the bench)
 * @param processInstanceKey the instance that recorded it, when a process did
 */
public record BatteryVehicle(String batteryId, String vin, String relation, Instant at, Long processInstanceKey) {
}
