package fr.refactory.workers.benches;

import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditLog;
import fr.refactory.records.Batteries;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.btb.BatteryTestBenchWorkers;
import fr.refactory.workers.diag.DiagnosticWorkers;
import fr.refactory.workers.eol.EndOfLineWorkers;
import fr.refactory.workers.mes.MesWorkers;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench workers: diagnostic bench, battery test bench, end-of-line benches. */
class BenchWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	DiagnosticWorkers diag;

	@Autowired
	BatteryTestBenchWorkers btb;

	@Autowired
	EndOfLineWorkers eol;

	@Autowired
	MesWorkers mes;

	@Autowired
	Batteries batteries;

	@Autowired
	AuditLog audit;

	@Test
	void readVehicleDataReturnsTheReadingAndRecordsTheOdometerOfARegisteredVehicle() {
		String vin = TestVins.master();
		this.mes.registerVehicle(TestJob.of("mes.registerVehicle", Map.of("vin", vin)));

		Map<String, Object> reading = this.diag
			.readVehicleData(TestJob.of("diag.readVehicleData", Map.of("vin", vin, "benchId", "DIAG-2")));

		assertThat(reading).containsKeys("dtcList", "ecuSoftwareVersions", "ecuOdometerKm", "bmsSnapshot");
		assertThat(this.audit.about(vin)).extracting((e) -> e.action())
			.containsExactly("VEHICLE_REGISTERED", "VEHICLE_DATA_READ");
		assertThat(this.audit.about(vin).get(1).data()).contains("\"odometer\":\"ACCEPTED\"");
	}

	@Test
	void anOfflineBenchRetriesWithBackOffAndIsBenchUnavailableOnTheLastRetry() {
		TestJob job = TestJob.of("diag.readVehicleData", Map.of("vin", TestVins.master(), "benchId", "OFFLINE-DIAG"));

		assertThatThrownBy(() -> this.diag.readVehicleData(job.retries(3))).isInstanceOfSatisfying(JobError.class,
				(error) -> {
					assertThat(error.getRetries()).isEqualTo(2);
					assertThat(error.getRetryBackoff()).isEqualTo(JobOutcome.RETRY_BACKOFF);
				});
		assertThatThrownBy(() -> this.diag.readVehicleData(job.retries(1))).isInstanceOfSatisfying(BpmnError.class,
				(error) -> assertThat(error.getErrorCode()).isEqualTo("BENCH_UNAVAILABLE"));
	}

	@Test
	void readBmsRecordsTheSohOncePerJobAndRegistersTheBattery() {
		String battery = "BAT-" + TestVins.master();
		TestJob job = TestJob.of("btb.readBms", Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1"));

		Map<String, Object> first = this.btb.readBms(job);
		this.btb.readBms(job.again());

		assertThat(first).containsKeys("sohPct", "socPct", "cycleCount", "cellMinMv", "cellMaxMv",
				"moduleTemperatures", "isolationOhmPerV", "faultHistory", "faultyModules", "moduleRepairable",
				"sohPlausible");
		assertThat(first).containsEntry("sohPlausible", true);
		assertThat(this.batteries.find(battery)).isPresent();
		assertThat(this.batteries.sohHistory(battery)).singleElement()
			.satisfies((r) -> assertThat(r.sohPct().doubleValue()).isEqualTo((Double) first.get("sohPct")));
	}

	/**
	 * AS-44/AS-51 (ADR 0474): a pack whose BMS does not answer gives the model no SoH and no plausible reading, so it
	 * runs the capacity test; nothing enters the battery's SoH history.
	 */
	@Test
	void readBmsOfAPackWhoseBmsDoesNotAnswerGivesNoSohAndRecordsNone() {
		String battery = fr.refactory.plant.btb.SimulatedBatteryTestBench.SILENT_BMS_PREFIX + TestVins.master();
		Map<String, Object> read = this.btb.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1")));

		assertThat(read).containsEntry("sohPct", null)
			.containsEntry("sohPlausible", false)
			.containsEntry("cellMinMv", null)
			.containsEntry("isolationOhmPerV", null);
		assertThat(this.batteries.find(battery)).isPresent();
		assertThat(this.batteries.sohHistory(battery)).isEmpty();
	}

	/** D7 owns the module-count limit: whether modules can be replaced is the bench's answer about the pack. */
	@Test
	void readBmsPassesOnWhetherThePacksModulesCanBeReplaced() {
		Map<String, Object> open = this.btb.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", "BAT-" + TestVins.master(), "btbBenchId", "BATTERY_TEST_BENCH-1")));
		Map<String, Object> sealed = this.btb.readBms(TestJob.of("btb.readBms", Map.of("batteryId",
				fr.refactory.plant.btb.SimulatedBatteryTestBench.SEALED_PACK_PREFIX + TestVins.master(), "btbBenchId",
				"BATTERY_TEST_BENCH-1")));

		assertThat(open).containsEntry("faultyModules", java.util.List.of()).containsEntry("moduleRepairable", true);
		assertThat(sealed).containsEntry("moduleRepairable", false);
	}

	@Test
	void capacityTestStartsOnceAndAnOfflineBenchIsBenchUnavailableOnTheLastRetry() {
		String battery = "BAT-" + TestVins.master();
		TestJob job = TestJob.of("btb.runCapacityTest", Map.of("batteryId", battery, "capacityBenchId", "CAPACITY_CYCLER-1"));
		assertThat(this.btb.runCapacityTest(job)).isEqualTo(this.btb.runCapacityTest(job.again()));

		TestJob offline = TestJob.of("btb.runCapacityTest", Map.of("batteryId", battery, "benchId", "OFFLINE-BTB"))
			.retries(1);
		assertThatThrownBy(() -> this.btb.runCapacityTest(offline)).isInstanceOfSatisfying(BpmnError.class,
				(error) -> assertThat(error.getErrorCode()).isEqualTo("BENCH_UNAVAILABLE"));
	}

	@Test
	void vehicleAndPartTestsRunAndTheGateCollectsTheirResults() {
		String vin = TestVins.master();
		Map<String, Object> vehicle = Results.map(this.eol
			.runVehicleTest(TestJob.of("eol.runVehicleTest", Map.of("vin", vin)))
			.get("vehicleTestResults"));
		assertThat(vehicle.get("verdict")).isIn("OK", "NOK");

		String core = "CORE-" + vin;
		Map<String, Object> part = this.eol
			.runPartTest(TestJob.of("eol.runPartTest", Map.of("coreSerial", core, "partFamily", "GEARBOX")));
		assertThat(part.get("partTestResult")).isIn("OK", "NOK");

		List<Object> measured = Results.list(vehicle.get("measurements"));
		String measuredCode = Results.map(measured.get(0)).get("name").toString();
		assertThat(measuredCode).as("the vehicle programme measures a control-plan check").isEqualTo("BRAKE_TEST");
		Map<String, Object> gate = this.eol.getResults(TestJob.of("eol.getResults", Map.of("subjectType",
				"VEHICLE_RETROFIT", "subjectKey", vin)));
		assertThat(Results.list(gate.get("automaticResults"))).extracting((row) -> Results.map(row).get("checkCode"))
			.containsExactly(measuredCode);
		assertThat(Results.list(Results.map(part.get("partTestRun")).get("measurements")))
			.extracting((row) -> Results.map(row).get("name"))
			.as("a part family's programme gives the control plan's EOL_BENCH")
			.containsExactly("EOL_BENCH");
	}

	@Test
	void hvTestResultsWithinTheLimitsAreReturned() {
		Map<String, Object> results = Results.map(this.eol
			.readHvTestResults(TestJob.of("eol.readHvTestResults", Map.of("vin", TestVins.master())))
			.get("hvTestResults"));

		assertThat(results).containsKeys("isolationDcOhmPerV", "isolationAcOhmPerV", "bondingResistanceOhm",
				"equipmentId");
	}

	/**
	 * The worker gives no verdict of its own: a bonding of exactly 0.1 Ohm, a failure for D4b, is passed on as
	 * measured for D4b to judge (the limit lives only in the table).
	 */
	@Test
	void hvTestResultsArePassedOnAsMeasuredForD4bToJudge() {
		String vin = TestVins.endingWith(TestVins.master(),
				fr.refactory.plant.eol.SimulatedEndOfLineBenches.BONDING_AT_LIMIT_SERIAL);

		Map<String, Object> results = Results
			.map(this.eol.readHvTestResults(TestJob.of("eol.readHvTestResults", Map.of("vin", vin))).get("hvTestResults"));

		assertThat(results).containsEntry("bondingResistanceOhm", 0.1).doesNotContainKey("failedCriteria");
	}

}
