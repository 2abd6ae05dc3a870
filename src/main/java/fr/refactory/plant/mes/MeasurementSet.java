package fr.refactory.plant.mes;

import java.time.Instant;
import java.util.List;

/**
 * Measurements taken on one subject at one station (e.g. component measurements in
 * remanufacture, §3.4 step 4.9).
 *
 * @param equipmentId the measuring equipment, for calibration checks and containment
 */
public record MeasurementSet(String subjectKey, String station, String equipmentId, Instant measuredAt,
		List<Measurement> measurements) {

	public record Measurement(String name, double value, String unit, Double lowerLimit, Double upperLimit) {
	}

}
