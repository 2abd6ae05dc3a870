package fr.refactory.workers.btb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.btb.BatteryTestBench;
import fr.refactory.plant.btb.BmsReading;
import fr.refactory.plant.btb.CapacityTest;
import fr.refactory.plant.btb.CapacityTestRequest;
import fr.refactory.plant.btb.ModuleReplacement;
import fr.refactory.plant.btb.PackIdentity;
import fr.refactory.records.Batteries;
import fr.refactory.records.Battery;
import fr.refactory.records.SohReading;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.LIST;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/** The battery test bench workers ({@code btb.*}, 6.4 and 6.5). An offline bench retries, then BENCH_UNAVAILABLE. */
@Component
public class BatteryTestBenchWorkers {

	static final double DEFAULT_RATED_CAPACITY_KWH = 52.0;

	private final BatteryTestBench bench;

	private final Batteries batteries;

	private final WorkerRecords records;

	BatteryTestBenchWorkers(BatteryTestBench bench, Batteries batteries, WorkerRecords records) {
		this.bench = bench;
		this.batteries = batteries;
		this.records = records;
	}

	/**
	 * 6.4: reads the BMS; the SoH goes into the battery's history (the battery is registered if new). Whether the pack's
	 * modules can be replaced is the bench's answer about the pack ({@code moduleRepairable}), not a count of faults.
	 */
	@JobWorker(type = "btb.readBms")
	@JobContract(name = "Battery test bench: read bms",
			description = "6.4: reads the BMS; the SoH goes into the battery's history (the battery is registered if new). Whether the pack's modules can be replaced is the bench's answer about the pack (moduleRepairable), not a count of faults.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "btbBenchId", description = "Battery test bench reserved for this battery (else benchId; one is required)"),
					@Var(name = "benchId", description = "Bench reserved by mes.reserveResource") },
			outputs = { @Var(name = "cellMaxMv", type = NUMBER, description = "Highest cell voltage (mV)"),
					@Var(name = "cellMinMv", type = NUMBER, description = "Lowest cell voltage (mV)"),
					@Var(name = "cycleCount", type = NUMBER, description = "Cycle count"),
					@Var(name = "faultHistory", type = LIST, description = "Fault history"),
					@Var(name = "faultyModules", type = LIST, description = "Faulty modules"),
					@Var(name = "isolationOhmPerV", type = NUMBER, description = "Insulation resistance (Ω/V)"),
					@Var(name = "moduleRepairable", type = BOOLEAN, description = "Module repairable"),
					@Var(name = "moduleTemperatures", type = LIST, description = "Module temperatures"),
					@Var(name = "socPct", type = NUMBER, description = "State of charge (%)"),
					@Var(name = "sohPct", type = NUMBER, description = "State of health (%)"),
					@Var(name = "sohPlausible", type = BOOLEAN, description = "Whether the state of health is plausible") },
			errors = { "BENCH_UNAVAILABLE" },
			retries = 3)
	public Map<String, Object> readBms(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String batteryId = vars.requireText("batteryId");
		String benchId = vars.requireText("btbBenchId", "benchId");
		BmsReading bms = JobOutcome.callBench(job, () -> this.bench.readBms(batteryId, benchId));
		boolean plausible = bms.bmsAnswered() && bms.sohPct() >= 0 && bms.sohPct() <= 100
				&& bms.cellMinMv() != null && bms.cellMaxMv() != null && bms.cellMinMv() >= 2000
				&& bms.cellMinMv() <= bms.cellMaxMv() && bms.cellMaxMv() <= 4500;
		register(batteryId, vars);
		if (bms.identity() != null) {
			this.batteries.describe(asMade(batteryId, bms.identity()));
		}
		if (plausible) {
			this.batteries.recordSoh(new SohReading(null, batteryId, BigDecimal.valueOf(bms.sohPct()), "BMS",
					this.records.clock().instant(), benchId, JobOutcome.key(job).value()));
		}
		List<String> faultyModules = new ArrayList<>();
		for (String fault : bms.faultHistory()) {
			if (fault.toUpperCase(java.util.Locale.ROOT).contains("MODULE")) {
				faultyModules.add(fault);
			}
		}
		this.records.audit(job, "BMS_READ", "BATTERY", batteryId,
				WorkerRecords.data("benchId", benchId, "bmsAnswered", bms.bmsAnswered(), "plausible", plausible));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sohPct", bms.sohPct());
		result.put("socPct", bms.socPct());
		result.put("cycleCount", bms.cycleCount());
		result.put("cellMinMv", bms.cellMinMv());
		result.put("cellMaxMv", bms.cellMaxMv());
		result.put("moduleTemperatures", bms.moduleTemperaturesC());
		// the bench's reading; whether it is enough is D7's parameter minIsolationOhmPerV (ADR 0462)
		result.put("isolationOhmPerV", bms.isolationOhmPerV());
		result.put("faultHistory", bms.faultHistory());
		result.put("faultyModules", faultyModules);
		// the bench's answer about the pack's design; how many faulty modules a repair may replace is D7's rule
		result.put("moduleRepairable", bms.moduleRepairable());
		result.put("sohPlausible", plausible);
		return result;
	}

	/**
	 * 6.5: starts the (hours-long) capacity test on the cycler the MES reserved ({@code capacityBenchId}); the bench
	 * reports {@code CapacityTestDone}.
	 */
	@JobWorker(type = "btb.runCapacityTest")
	@JobContract(name = "Battery test bench: run capacity test",
			description = "6.5: starts the (hours-long) capacity test on the cycler the MES reserved (capacityBenchId); the bench reports CapacityTestDone.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "capacityBenchId", description = "Capacity cycler reserved for this battery (else benchId; one is required)"),
					@Var(name = "benchId", description = "Bench reserved by mes.reserveResource"),
					@Var(name = "ratedCapacityKwh", type = NUMBER, description = "Rated capacity (kWh)"),
					@Var(name = "hostVin", description = "Host VIN"),
					@Var(name = "vin", description = "Vehicle identification number") },
			outputs = { @Var(name = "capacityTestId", description = "Capacity test id") },
			errors = { "BENCH_UNAVAILABLE" })
	public Map<String, Object> runCapacityTest(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String batteryId = vars.requireText("batteryId");
		String benchId = vars.requireText("capacityBenchId", "benchId");
		CapacityTest test = JobOutcome.callBench(job, () -> this.bench.startCapacityTest(JobOutcome.key(job),
				new CapacityTestRequest(batteryId, benchId,
						vars.decimalOr(DEFAULT_RATED_CAPACITY_KWH, "ratedCapacityKwh"))));
		this.records.audit(job, "CAPACITY_TEST_STARTED", "BATTERY", batteryId,
				WorkerRecords.data("capacityTestId", test.testId(), "benchId", test.benchId()));
		return Map.of("capacityTestId", test.testId());
	}

	/**
	 * 6.7a: teaches the pack's BMS the modules the technician fitted (the serials scanned on the module-replacement
	 * form, one per line), so that the re-test reads the repaired pack.
	 */
	@JobWorker(type = "btb.registerModules")
	@JobContract(name = "Battery test bench: register modules",
			description = "6.7a: teaches the pack's BMS the modules the technician fitted (serials scanned on the module-replacement form, one per line), so that the re-test reads the repaired pack.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "removedModuleSerials", description = "Removed module serials, one per line"),
					@Var(name = "newModuleSerials", description = "New module serials, one per line", required = true) })
	public Map<String, Object> registerModules(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String batteryId = vars.requireText("batteryId");
		ModuleReplacement replacement = new ModuleReplacement(batteryId, serials(vars.text("removedModuleSerials")),
				serials(vars.requireText("newModuleSerials")));
		JobOutcome.call(job, () -> this.bench.registerModules(JobOutcome.key(job), replacement));
		this.records.audit(job, "MODULES_REPLACED", "BATTERY", batteryId, WorkerRecords.data("removedModules",
				replacement.removedModules(), "fittedModules", replacement.fittedModules()));
		return Map.of();
	}

	private static List<String> serials(String lines) {
		return (lines == null) ? List.of()
				: lines.lines().map(String::strip).filter((serial) -> !serial.isEmpty()).toList();
	}

	private void register(String batteryId, Vars vars) {
		if (this.batteries.find(batteryId).isEmpty()) {
			this.batteries.register(Battery.identified(batteryId, null, vars.text("hostVin", "vin")));
		}
	}

	private static Battery asMade(String batteryId, PackIdentity pack) {
		return new Battery(batteryId, pack.manufacturerSerial(), pack.modelReference(), pack.chemistry(),
				decimal(pack.ratedCapacityKwh()), null, null, null, null, null, null, pack.manufacturer(),
				pack.manufacturedOn(), decimal(pack.nominalVoltageV()), decimal(pack.massKg()), pack.moduleCount(),
				pack.cellCount());
	}

	private static BigDecimal decimal(Double value) {
		return (value != null) ? BigDecimal.valueOf(value) : null;
	}

}
