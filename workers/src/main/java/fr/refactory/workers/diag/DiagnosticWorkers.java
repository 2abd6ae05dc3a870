package fr.refactory.workers.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.diag.DiagnosticBench;
import fr.refactory.plant.diag.DiagnosticRequest;
import fr.refactory.plant.diag.VehicleReading;
import fr.refactory.records.Vehicles;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.CONTEXT;
import static fr.refactory.workers.support.JobContract.Type.LIST;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/** {@code diag.readVehicleData} (2.3): fault codes, ECU odometer and versions, BMS snapshot on HV vehicles. */
@Component
public class DiagnosticWorkers {

	private final DiagnosticBench bench;

	private final Vehicles vehicles;

	private final WorkerRecords records;

	DiagnosticWorkers(DiagnosticBench bench, Vehicles vehicles, WorkerRecords records) {
		this.bench = bench;
		this.vehicles = vehicles;
		this.records = records;
	}

	/**
	 * An offline bench is retried with back-off (the task has 3 retries) and is the BPMN error
	 * {@code BENCH_UNAVAILABLE} when the last retry fails. The ECU odometer goes into the vehicle record.
	 */
	@JobWorker(type = "diag.readVehicleData")
	@JobContract(name = "Diagnostic bench: read vehicle data",
			description = "An offline bench is retried with back-off (the task has 3 retries) and is the BPMN error BENCH_UNAVAILABLE when the last retry fails. The ECU odometer goes into the vehicle record.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true) },
			outputs = { @Var(name = "bmsSnapshot", type = CONTEXT, description = "Battery management system readings"),
					@Var(name = "dtcList", type = LIST, description = "Diagnostic trouble codes read from the ECUs"),
					@Var(name = "ecuOdometerKm", type = NUMBER, description = "ECU odometer (km)"),
					@Var(name = "ecuSoftwareVersions", type = CONTEXT, description = "ECU software versions") },
			errors = { "BENCH_UNAVAILABLE" },
			retries = 3)
	public Map<String, Object> readVehicleData(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		String powertrain = vars.textOr("", "powertrain");
		boolean hv = List.of("BEV", "PHEV", "HEV").contains(powertrain);
		VehicleReading reading = JobOutcome.callBench(job, () -> this.bench
			.readVehicleData(new DiagnosticRequest(vin, vars.textOr("DIAG-1", "benchId"), hv)));
		String odometerCheck = "NOT_RECORDED";
		if (this.vehicles.find(vin).isPresent()) {
			odometerCheck = this.vehicles
				.recordOdometer(vin, reading.ecuOdometerKm(), this.records.clock().instant())
				.name();
		}
		this.records.audit(job, "VEHICLE_DATA_READ", "VEHICLE", vin, WorkerRecords.data("benchId", reading.benchId(), "dtcCount",
				reading.dtcs().size(), "ecuOdometerKm", reading.ecuOdometerKm(), "odometer", odometerCheck));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("dtcList", reading.dtcs()
			.stream()
			.map((dtc) -> Map.of("code", dtc.code(), "ecu", dtc.ecu(), "status", dtc.status()))
			.toList());
		result.put("ecuSoftwareVersions", reading.ecuSoftwareVersions());
		result.put("ecuOdometerKm", reading.ecuOdometerKm());
		result.put("bmsSnapshot", (reading.bms() == null) ? null : Map.of("sohPct", reading.bms().sohPct(),
				"cellMinMv", reading.bms().cellMinMv(), "cellMaxMv", reading.bms().cellMaxMv(), "isolationMonitorOk",
				reading.bms().isolationMonitorOk()));
		return result;
	}

}
