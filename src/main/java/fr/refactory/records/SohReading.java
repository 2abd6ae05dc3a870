package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One state-of-health reading of a battery; readings are kept, never overwritten.
 *
 * @param method BMS or CAPACITY_TEST
 */
@Table("battery_soh_reading")
public record SohReading(@Id UUID readingId, String batteryId, BigDecimal sohPct, String method, Instant measuredAt,
		String equipmentId, String idempotencyKey) {
}
