package fr.refactory.plant.mes;

import java.util.List;

public record LabourEstimate(String subjectKey, List<Operation> operations, double totalStandardHours) {

	/**
	 * One operation with its standard hours and the trade that performs it
	 * ({@link #MECHANICS}, {@link #BODYWORK} or {@link #PAINT}, brief §3.2: the repair
	 * sub-process gives each operation to that trade's candidate group).
	 */
	public record Operation(String code, double standardHours, String trade) {

		public static final String MECHANICS = "MECHANICS";

		public static final String BODYWORK = "BODYWORK";

		public static final String PAINT = "PAINT";

	}

}
