package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A battery that left for a second life (auditor question Q12): the original, the new
 * battery and passport made from it, and the state of health the repurposing was decided
 * on.
 */
public record SecondLifeBattery(String originalBatteryId, String batteryId, String passportId, BigDecimal sohPct,
		Instant recordedAt, String recordedBy) {
}
