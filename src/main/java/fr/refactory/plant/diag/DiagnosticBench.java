package fr.refactory.plant.diag;

/**
 * The vehicle diagnostic bench and tool (domain brief §3.11,
 * {@code diag.readVehicleData}).
 */
public interface DiagnosticBench {

	/**
	 * Reads fault codes, ECU odometer and versions and, on HV vehicles, a BMS snapshot;
	 * an offline bench is {@code BENCH_UNAVAILABLE}.
	 */
	VehicleReading readVehicleData(DiagnosticRequest request);

}
