package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a battery passport; versions are appended, never changed (the database
 * refuses it).
 *
 * @param status ORIGINAL, REUSED, REPURPOSED, REMANUFACTURED or WASTE
 * @param change STATUS_CHANGED, ISSUED_LINKED (a new battery's first version, linked to
 * its parent) or REPURPOSED_INTO (the parent's version naming its successor)
 * @param recordedBy the worker or person who supplied the data
 */
public record PassportVersion(String batteryId, int versionNumber, String passportId, String status, BigDecimal sohPct,
		Integer cycleCount, String parentBatteryId, String successorBatteryId, String change, Instant recordedAt,
		String recordedBy, String idempotencyKey) {

	/** A version still to be numbered by {@link BatteryPassports#append}. */
	public static PassportVersion of(String batteryId, String passportId, String status, BigDecimal sohPct,
			Integer cycleCount, String parentBatteryId, String successorBatteryId, String change, Instant recordedAt,
			String recordedBy, String idempotencyKey) {
		return new PassportVersion(batteryId, 0, passportId, status, sohPct, cycleCount, parentBatteryId,
				successorBatteryId, change, recordedAt, recordedBy, idempotencyKey);
	}

}
