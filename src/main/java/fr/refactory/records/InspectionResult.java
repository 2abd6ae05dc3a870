package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * One check or test result on a subject.
 *
 * @param result OK, NOK or NA
 * @param severity NONE, MINOR, MAJOR or CRITICAL
 * @param equipmentCalibrationDueDate the result is suspect when measured after it
 */
public record InspectionResult(@Id UUID resultId, String subjectType, String subjectKey, String workOrderId,
		String checkCode, String controlPlanId, String controlPlanVersion, BigDecimal measuredValue, String unit,
		BigDecimal lowerLimit, BigDecimal upperLimit, String result, String severity, boolean safetyCharacteristic,
		String equipmentId, LocalDate equipmentCalibrationDueDate, String performedBy, Instant performedAt,
		String idempotencyKey) {

	/**
	 * Measured with equipment that was out of calibration on the day (domain brief §3.5,
	 * Q5).
	 */
	public boolean suspect() {
		return this.equipmentCalibrationDueDate != null
				&& LocalDate.ofInstant(this.performedAt, ZoneOffset.UTC).isAfter(this.equipmentCalibrationDueDate);
	}

}
