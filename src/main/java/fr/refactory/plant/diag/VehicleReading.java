package fr.refactory.plant.diag;

import java.util.List;
import java.util.Map;

/**
 * @param ecuSoftwareVersions software version per ECU name
 * @param bms the BMS snapshot, or {@code null} on vehicles without a traction battery
 */
public record VehicleReading(String vin, String benchId, List<Dtc> dtcs, int ecuOdometerKm,
		Map<String, String> ecuSoftwareVersions, BmsSnapshot bms) {

	/**
	 * @param status ACTIVE, STORED or PENDING
	 */
	public record Dtc(String code, String ecu, String status) {
	}

	public record BmsSnapshot(double sohPct, int cellMinMv, int cellMaxMv, boolean isolationMonitorOk) {
	}

}
