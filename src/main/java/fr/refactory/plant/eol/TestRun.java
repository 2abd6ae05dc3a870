package fr.refactory.plant.eol;

import java.time.LocalDate;
import java.util.List;

/**
 * @param verdict OK when every measurement is within its limits, NOK otherwise
 * @param equipmentCalibrationDueDate the results are suspect if measured after it
 */
public record TestRun(String testRunId, String subjectKey, String programme, String equipmentId,
		LocalDate equipmentCalibrationDueDate, String verdict, List<Measurement> measurements) {

	public record Measurement(String name, double value, String unit, double lowerLimit, double upperLimit) {

		public boolean withinLimits() {
			return this.value >= this.lowerLimit && this.value <= this.upperLimit;
		}

	}

}
