package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import fr.refactory.records.Batteries;
import fr.refactory.records.BatteryPassports;
import fr.refactory.workers.support.JobOutcome;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * battery-triage (domain brief §3.6) path by path with the application's own workers. The
 * simulated battery test bench derives the BMS reading from the battery id, so
 * {@link PlantInputs#battery} picks an id whose state of health and cell spread lead D7
 * where a path needs it; the lockout officer of a module repair is picked from the
 * simulated competency register. The quality gate and hv-lockout are the real child
 * processes.
 */
class BatteryTriageProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "battery-triage";

	@Autowired
	Batteries batteries;

	@Autowired
	BatteryPassports passports;

	@Autowired
	fr.refactory.plant.btb.BatteryTestBench bench;

	/**
	 * AS-45: NORMAL, SoH at least 75 %, spread at most 50 mV, no faulty module: reuse in
	 * a vehicle. The pack waits in exchange stock as ORIGINAL; its passport becomes
	 * REUSED only when the quality gate releases it for re-issue (ADR 0902).
	 */
	@Test
	void as45AHealthyPackIsReusedInAVehicleAfterTheQualityGate() {
		String batteryId = PlantInputs.battery((bms) -> bms.sohPct() >= 75 && spread(bms) <= 50);
		long key = received(batteryId);

		triage(key, PlantInputs.normalTriage(batteryId));
		triage(key).hasVariable("safetyClass", "NORMAL")
			.hasVariable("disposition", "REUSE_IN_VEHICLE")
			.hasVariable("passportAction", "SET_STATUS_REUSED")
			.hasCompletedElements("task-put-in-exchange-stock")
			.hasNotActivatedElements("task-set-passport-reused");
		assertThat(this.batteries.find(batteryId).orElseThrow().regulatoryStatus()).isEqualTo("ORIGINAL");
		passQualityGate(key, "PASS");

		triage(key).isCompleted()
			.hasCompletedElementsInOrder("start-battery-received", "gw-join-start", "task-triage-battery-safety",
					"task-classify-battery-safety", "gw-quarantine-needed", "gw-join-quarantine",
					"gw-suspect-vehicle-mode", "gw-join-measure", "sub-measure-battery", "gw-in-vehicle-mode",
					"task-decide-disposition", "gw-join-disposition", "gw-disposition", "task-put-in-exchange-stock",
					"gw-join-quality-gate", "call-quality-gate", "gw-quality-verdict", "gw-exchange-battery",
					"task-set-passport-reused", "gw-join-released", "end-battery-released")
			.hasCompletedElements("start-measure", "gw-join-read-bms", "task-read-bms", "gw-capacity-test-needed",
					"gw-join-measured", "end-battery-measured");
		assertThat(this.batteries.find(batteryId).orElseThrow().regulatoryStatus()).isEqualTo("REUSED");
		assertThat(this.passports.history(batteryId)).last().satisfies((version) -> {
			assertThat(version.status()).isEqualTo("REUSED");
			assertThat(version.sohPct()).isNotNull();
			assertThat(version.cycleCount()).isNotNull();
		});
	}

	/**
	 * A reuse-grade pack the quality gate sends to rework is not re-issued: its passport
	 * stays ORIGINAL.
	 */
	@Test
	void aReusePackHeldAtTheQualityGateIsNotReused() {
		String batteryId = PlantInputs.battery((bms) -> bms.sohPct() >= 75 && spread(bms) <= 50);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		triage(key).hasVariable("disposition", "REUSE_IN_VEHICLE");

		passQualityGate(key, "REWORK");

		triage(key).hasActiveElements("task-review-battery-disposition")
			.hasNotActivatedElements("task-set-passport-reused");
		assertThat(this.batteries.find(batteryId).orElseThrow().regulatoryStatus()).isEqualTo("ORIGINAL");
		assertThat(this.passports.history(batteryId)).isEmpty();
	}

	/**
	 * AS-49: SoH in [60, 75): second life. No project after 90 days: measured again; then
	 * repurposed with a linked passport.
	 */
	@Test
	void as49ASecondLifePackIsRepurposedWithALinkedPassport() {
		String batteryId = PlantInputs.battery((bms) -> bms.sohPct() >= 60 && bms.sohPct() < 75);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		triage(key).hasVariable("disposition", "SECOND_LIFE_STATIONARY").hasActiveElements("task-repurpose-battery");

		this.processTestContext.increaseTime(Duration.ofDays(90));
		triage(key).hasCompletedElements("timer-second-life-unassigned")
			.hasCompletedElement("task-read-bms", 2)
			.hasActiveElements("task-repurpose-battery");
		complete(key, "task-repurpose-battery", Map.of("targetApplication", "STATIONARY_STORAGE", "repurposeLevel",
				"PACK", "secondLifeProjectId", "SLP-1", "repurposeComment", "storage at Flins"));
		triage(key).hasVariableSatisfies("newBatteryId", String.class,
				(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotEqualTo(batteryId));
		passQualityGate(key, "PASS");

		triage(key).isCompleted()
			.hasCompletedElements("task-create-linked-passport", "end-battery-released")
			.hasNotActivatedElements("task-set-passport-reused");
		String newBatteryId = awaitVariable(key, "newBatteryId");
		assertThat(this.batteries.find(newBatteryId).orElseThrow().parentBatteryId()).isEqualTo(batteryId);
		assertThat(this.batteries.find(batteryId).orElseThrow().regulatoryStatus()).isEqualTo("REPURPOSED");
		assertThat(this.passports.successors(batteryId)).containsExactly(newBatteryId);
	}

	/**
	 * AS-43: swelling and solvent smell: CRITICAL, quarantined and watched 48 h (twelve
	 * 4-hourly readings), then recycled: shipment, passport WASTE, pickup confirmed.
	 */
	@Test
	void as43ACriticalPackIsQuarantinedWatchedAndRecycled() {
		String batteryId = PlantInputs.battery((bms) -> true);
		long key = received(batteryId);
		Map<String, Object> findings = PlantInputs.normalTriage(batteryId);
		findings.put("swelling", true);
		findings.put("smokeOrSmell", true);
		triage(key, findings);
		triage(key).hasVariable("safetyClass", "CRITICAL")
			.hasVariableSatisfies("quarantineLocation", String.class,
					(location) -> org.assertj.core.api.Assertions.assertThat(location).startsWith("HV_QUARANTINE"))
			.hasActiveElements("task-log-quarantine-temperature");

		for (int reading = 1; reading <= 12; reading++) {
			triage(key).hasActiveElements("task-log-quarantine-temperature");
			complete(key, "task-log-quarantine-temperature", Map.of("quarantineSurfaceTemperatureC", 22,
					"quarantineAmbientTemperatureC", 20, "thermalEventObserved", false));
			triage(key).hasVariable("quarantineReadings", reading);
			if (reading < 12) {
				this.processTestContext.increaseTime(Duration.ofHours(4));
			}
		}

		triage(key).hasVariable("disposition", "RECYCLE")
			.hasVariableSatisfies("shipmentId", String.class,
					(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
		String shipmentId = awaitVariable(key, "shipmentId");
		triage(key).isWaitingForMessage("RecyclerPickupConfirmed", shipmentId);
		this.client.newPublishMessageCommand()
			.messageName("RecyclerPickupConfirmed")
			.correlationKey(shipmentId)
			.send()
			.join();

		triage(key).isCompleted()
			.hasCompletedElement("timer-next-temperature-reading", 11)
			.hasCompletedElementsInOrder("gw-disposition", "gw-join-recycling", "task-create-recycling-shipment",
					"task-set-passport-waste", "msg-recycler-pickup-confirmed", "end-battery-recycled");
	}

	/**
	 * A thermal event in quarantine raises the alarm and ends the process in the
	 * emergency procedure.
	 */
	@Test
	void aThermalEventInQuarantineStartsTheEmergencyProcedure() {
		String batteryId = PlantInputs.battery((bms) -> true);
		long key = received(batteryId);
		Map<String, Object> findings = PlantInputs.normalTriage(batteryId);
		findings.put("casingDamage", "DEFORMATION");
		triage(key, findings);
		triage(key).hasVariable("safetyClass", "DAMAGED_NON_CRITICAL");

		complete(key, "task-log-quarantine-temperature", Map.of("quarantineSurfaceTemperatureC", 48,
				"quarantineAmbientTemperatureC", 20, "thermalEventObserved", true));

		triage(key).isCompleted()
			.hasCompletedElementsInOrder("gw-thermal-event", "signal-battery-thermal-alarm", "end-emergency-procedure")
			.hasNotActivatedElements("sub-measure-battery");
	}

	/**
	 * D7 rule 7: a reuse-grade pack (SoH at least 75 %) whose cells spread over 50 mV,
	 * with no faulty module, on a pack whose design allows module replacement (the
	 * bench's answer), is rebalanced: REPAIR_MODULES without an engineering review. The
	 * repair then needs a lockout officer, whom nobody has named yet.
	 */
	@Test
	void aReuseGradePackWithSpreadCellsIsRebalancedWithoutReview() {
		String batteryId = PlantInputs.battery((bms) -> bms.sohPct() >= 75 && spread(bms) > 50 && bms.moduleRepairable()
				&& bms.faultHistory().isEmpty());
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));

		triage(key).hasVariable("faultyModules", java.util.List.of())
			.hasVariable("moduleRepairable", true)
			.hasVariable("disposition", "REPAIR_MODULES")
			.hasVariable("passportAction", "NONE")
			.hasCompletedElementsInOrder("task-decide-disposition", "gw-join-disposition", "gw-disposition")
			.hasActiveElements("task-assign-lockout-officer")
			.hasNotActivatedElements("task-review-battery-disposition");
	}

	/**
	 * SoH above 75 % but cells spread over 50 mV on a sealed pack (no module can be
	 * replaced, the bench says): engineering review, which orders a module repair. No
	 * lockout officer is designated yet (HABILITATION_MISSING): battery-engineers choose
	 * one of the BCL holders on shift the competency register proposes; after the repair
	 * the pack is locked out and unlocked, measured again with a capacity test, and D7
	 * sends it to second life. The pack trips the first bench and the first cycler the
	 * MES plans it on: each time BENCH_UNAVAILABLE, wait 4 h, and the MES offers another
	 * bench (ADR 0460).
	 */
	@Test
	void aModuleRepairNeedsAHabilitatedOfficerAndEndsWithACapacityTest() {
		String batteryId = PlantInputs.trippingBattery(true, (bms) -> bms.sohPct() >= 75 && spread(bms) > 50);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		String trippedBench = awaitWaitingFor(key, "timer-wait-for-bms-bench", "btbBenchId");
		this.processTestContext.increaseTime(Duration.ofHours(4));

		triage(key).hasVariable("disposition", "ENGINEERING_REVIEW")
			.hasVariableSatisfies("btbBenchId", String.class,
					(bench) -> org.assertj.core.api.Assertions.assertThat(bench)
						.startsWith("BATTERY_TEST_BENCH-")
						.isNotEqualTo(trippedBench));
		complete(key, "task-review-battery-disposition",
				Map.of("reviewedDisposition", "REPAIR_MODULES", "reviewJustification", "cell spread"));
		triage(key)
			.hasCompletedElements("gw-join-engineering-review", "error-lockout-habilitation-missing",
					"task-propose-lockout-officers")
			.hasActiveElements("task-assign-lockout-officer");
		designateLockoutOfficer(key);

		long lockout = activeChild(key);
		complete(lockout, "task-lock-out-hv-system",
				Map.of("voltageMeterId", "VAT-1", "absenceOfVoltageVerified", true));
		complete(key, "task-replace-modules",
				Map.of("removedModuleSerials", "M-1", "newModuleSerials", "M-9", "balancingDone", true));
		long unlock = activeChild(key);
		complete(unlock, "task-unlock-and-re-energise", Map.of("isolationCheckOk", true));

		triage(key).hasVariable("repairLoopsDone", 1);
		String trippedCycler = awaitWaitingFor(key, "timer-wait-for-capacity-bench", "capacityBenchId");
		triage(key).hasCompletedElements("error-capacity-bench-unavailable")
			.hasActiveElements("timer-wait-for-capacity-bench");
		this.processTestContext.increaseTime(Duration.ofHours(4));
		triage(key).hasCompletedElements("timer-wait-for-capacity-bench", "task-start-capacity-test")
			.hasCompletedElement("gw-join-capacity-test", 2)
			.hasCompletedElement("task-reserve-capacity-cycler", 2)
			.hasVariableSatisfies("capacityBenchId", String.class,
					(cycler) -> org.assertj.core.api.Assertions.assertThat(cycler)
						.startsWith("CAPACITY_CYCLER-")
						.isNotEqualTo(trippedCycler));
		String capacityTestId = awaitVariable(key, "capacityTestId");
		this.client.newPublishMessageCommand()
			.messageName("CapacityTestDone")
			.correlationKey(batteryId + "/" + capacityTestId)
			.variables(Map.of("measuredCapacityKwh", 41.0, "measuredSohPct", 80.0))
			.send()
			.join();

		triage(key).hasVariable("sohPct", 80)
			.hasVariable("disposition", "SECOND_LIFE_STATIONARY")
			.hasCompletedElementsInOrder("call-lock-out-pack", "task-replace-modules", "call-unlock-pack",
					"task-count-repair-loop", "gw-join-measure")
			.hasCompletedElements("gw-join-capacity-test", "msg-capacity-test-done", "call-lock-out-pack")
			.hasActiveElements("task-repurpose-battery");
	}

	/**
	 * AS-48: the bench reads a reuse-grade pack (SoH 78 %) with one module whose cell is
	 * at 2,600 mV and a module fault in its history; the pack's modules can be replaced,
	 * so D7 repairs it (rule 5). After the new module is fitted and registered with the
	 * BMS, the bench reads the repaired pack (cells within 25 mV, no fault), the cycler
	 * measures SoH 80 % and D7 reuses it in a vehicle (rule 6).
	 */
	@Test
	void as48APackWithOneFaultyModuleIsRepairedAndThenReusedInAVehicle() {
		String batteryId = fr.refactory.plant.btb.SimulatedBatteryTestBench.WEAK_MODULE_PREFIX
				+ PlantInputs.unknownVin();
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));

		triage(key).hasVariableSatisfies("sohPct", Number.class, (soh) -> assertThat(soh.doubleValue()).isEqualTo(78.0))
			.hasVariable("cellMinMv", 2600)
			.hasVariable("faultyModules", java.util.List.of("MODULE_07_CELL_UNDERVOLTAGE"))
			.hasVariable("disposition", "REPAIR_MODULES")
			.hasNotActivatedElements("task-review-battery-disposition")
			.hasActiveElements("task-assign-lockout-officer");
		designateLockoutOfficer(key);
		complete(activeChild(key), "task-lock-out-hv-system",
				Map.of("voltageMeterId", "VAT-1", "absenceOfVoltageVerified", true));
		complete(key, "task-replace-modules",
				Map.of("removedModuleSerials", "MOD-07-OLD", "newModuleSerials", "MOD-07-NEW", "balancingDone", true));
		complete(activeChild(key), "task-unlock-and-re-energise", Map.of("isolationCheckOk", true));

		triage(key).hasCompletedElementsInOrder("task-replace-modules", "call-unlock-pack", "task-count-repair-loop",
				"task-register-new-modules", "gw-join-measure");
		String capacityTestId = awaitVariable(key, "capacityTestId");
		fr.refactory.plant.btb.CapacityTestResult cycler = this.bench.capacityTestResult(capacityTestId).orElseThrow();
		this.client.newPublishMessageCommand()
			.messageName("CapacityTestDone")
			.correlationKey(batteryId + "/" + capacityTestId)
			.variables(Map.of("measuredCapacityKwh", cycler.measuredCapacityKwh(), "measuredSohPct", cycler.sohPct()))
			.send()
			.join();

		triage(key).hasVariable("cellMinMv", 3890)
			.hasVariable("cellMaxMv", 3915)
			.hasVariable("faultyModules", java.util.List.of())
			.hasVariableSatisfies("sohPct", Number.class, (soh) -> assertThat(soh.doubleValue()).isEqualTo(80.0))
			.hasVariable("disposition", "REUSE_IN_VEHICLE")
			.hasCompletedElements("task-put-in-exchange-stock");
	}

	/**
	 * The isolation check after a module repair (ordered by the engineering review of a
	 * sealed pack) fails: engineering review again, which recycles the pack.
	 */
	@Test
	void aFailedIsolationCheckAfterRepairGoesBackToEngineeringReview() {
		String batteryId = PlantInputs.sealedBattery((bms) -> bms.sohPct() >= 75 && spread(bms) > 50);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		complete(key, "task-review-battery-disposition",
				Map.of("reviewedDisposition", "REPAIR_MODULES", "reviewJustification", "cell spread"));
		designateLockoutOfficer(key);
		complete(activeChild(key), "task-lock-out-hv-system", Map.of("absenceOfVoltageVerified", true));
		complete(key, "task-replace-modules",
				Map.of("removedModuleSerials", "M-1", "newModuleSerials", "M-9", "balancingDone", true));

		complete(activeChild(key), "task-unlock-and-re-energise", Map.of("isolationCheckOk", false));
		triage(key).hasCompletedElements("error-pack-isolation-failed")
			.hasCompletedElement("gw-join-engineering-review", 2);
		complete(key, "task-review-battery-disposition",
				Map.of("reviewedDisposition", "RECYCLE", "reviewJustification", "isolation fault after repair"));

		triage(key).hasVariable("disposition", "RECYCLE").isWaitingForMessage("RecyclerPickupConfirmed");
	}

	/**
	 * The quality gate asks for rework: engineering review; a second gate after exhausted
	 * loops scraps it.
	 */
	@Test
	void aQualityGateReworkGoesToEngineeringReviewAndAScrapToRecycling() {
		String batteryId = PlantInputs.battery((bms) -> bms.sohPct() >= 75 && spread(bms) <= 50);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		passQualityGate(key, "REWORK");
		triage(key).hasCompletedElements("gw-quality-verdict", "gw-join-engineering-review")
			.hasActiveElements("task-review-battery-disposition");
		complete(key, "task-review-battery-disposition",
				Map.of("reviewedDisposition", "REUSE_IN_VEHICLE", "reviewJustification", "rework done"));

		long gate = activeChild(key);
		triage(key).hasVariable("reworkCount", 1);
		// a critical failure is not reworkable and not a part: D11 escalates, and the
		// engineer scraps the pack
		ManualChecks.complete(this.client, gate, Map.of("SOH_CONFIRMED", ManualChecks.nok("CRITICAL", "SOH-LOW")));
		complete(gate, "task-decide-escalation", Map.of("escalationDecision", "SCRAP", "rootCauseTicket", "RC-B"));

		triage(key).hasVariable("qualityVerdict", "SCRAP")
			.hasCompletedElementsInOrder("gw-quality-verdict", "gw-join-recycling", "task-create-recycling-shipment");
	}

	/**
	 * A battery checked in a vehicle (from diagnosis) is only measured; an intake suspect
	 * is only classified.
	 */
	@Test
	void inVehicleAndSuspectVehicleChecksStopAfterMeasuringOrClassifying() {
		String inVehicle = PlantInputs.battery((bms) -> true);
		long check = startMode(inVehicle, "IN_VEHICLE");
		triage(check, PlantInputs.normalTriage(inVehicle));
		triage(check).isCompleted()
			.hasCompletedElementsInOrder("start-battery-check-requested", "sub-measure-battery", "gw-in-vehicle-mode",
					"end-in-vehicle-check-done")
			.hasNotActivatedElements("task-decide-disposition");

		String suspect = PlantInputs.battery((bms) -> true);
		long classify = startMode(suspect, "SUSPECT_VEHICLE");
		this.processTestContext.increaseTime(Duration.ofHours(4));
		complete(classify, "task-escalate-triage-delay", Map.of("escalationAcknowledged", true, "escalationAction",
				"EXPEDITED", "escalationComment", "triage late"));
		triage(classify).hasCompletedElements("timer-t11-triage-sla", "end-triage-delay-escalated");
		triage(classify, PlantInputs.normalTriage(suspect));
		triage(classify).isCompleted()
			.hasCompletedElementsInOrder("gw-suspect-vehicle-mode", "end-suspect-battery-classified")
			.hasNotActivatedElements("sub-measure-battery");
	}

	/**
	 * The pack trips the bench the MES planned it on, through the job's retries:
	 * BENCH_UNAVAILABLE, wait 4 h; meanwhile the 48 h measuring target (T11) is
	 * escalated; the MES then plans the pack on another bench, which reads it.
	 */
	@Test
	void anUnavailableBenchIsWaitedForAndTheMeasurementDelayEscalated() {
		String batteryId = PlantInputs.trippingBattery(false, (bms) -> bms.sohPct() >= 75 && spread(bms) <= 50);
		long key = received(batteryId);
		triage(key, PlantInputs.normalTriage(batteryId));
		triage(key).hasActiveElements("sub-measure-battery");
		String trippedBench = awaitWaitingFor(key, "timer-wait-for-bms-bench", "btbBenchId");
		this.processTestContext.increaseTime(Duration.ofDays(2));
		complete(key, "task-escalate-measurement-delay", Map.of("escalationAcknowledged", true, "escalationAction",
				"REPLANNED", "escalationComment", "bench down"));
		triage(key).hasCompletedElements("timer-t11-bench-unavailable", "end-measurement-delay-escalated");

		triage(key).hasCompletedElements("error-bms-bench-unavailable", "timer-wait-for-bms-bench")
			.hasCompletedElement("gw-join-read-bms", 2)
			.hasCompletedElement("task-reserve-bms-bench", 2)
			.hasVariable("disposition", "REUSE_IN_VEHICLE")
			.hasVariableSatisfies("btbBenchId", String.class,
					(bench) -> org.assertj.core.api.Assertions.assertThat(bench)
						.startsWith("BATTERY_TEST_BENCH-")
						.isNotEqualTo(trippedBench));
	}

	/**
	 * Waits until the instance waits at the timer after BENCH_UNAVAILABLE; the bench
	 * (variable) that failed. The bench job fails with a back-off before its last retry
	 * throws the error: the test lets each back-off pass on the engine clock instead of
	 * waiting it out in real time.
	 */
	private String awaitWaitingFor(long key, String timerId, String benchVariable) {
		Set<String> backOffsPassed = new HashSet<>();
		Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
			boolean waiting = !this.client.newElementInstanceSearchRequest()
				.filter((f) -> f.processInstanceKey(key).elementId(timerId).state(ElementInstanceState.ACTIVE))
				.send()
				.join()
				.items()
				.isEmpty();
			if (!waiting) {
				passBackOffs(key, backOffsPassed);
			}
			return waiting;
		});
		return awaitVariable(key, benchVariable);
	}

	/**
	 * Moves the engine clock by the retry back-off once for each failed attempt of the
	 * instance's jobs.
	 */
	private void passBackOffs(long key, Set<String> backOffsPassed) {
		boolean failedAgain = this.client.newJobSearchRequest()
			.filter((f) -> f.processInstanceKey(key).hasFailedWithRetriesLeft(true))
			.send()
			.join()
			.items()
			.stream()
			.anyMatch((job) -> backOffsPassed.add(job.getJobKey() + "/" + job.getRetries()));
		if (failedAgain) {
			this.processTestContext.increaseTime(JobOutcome.RETRY_BACKOFF);
		}
	}

	// --- helpers ---

	private static int spread(fr.refactory.plant.btb.BmsReading bms) {
		return bms.cellMaxMv() - bms.cellMinMv();
	}

	/**
	 * battery-engineers pick the first BCL holder on shift the register proposed (form
	 * lockout-officer-assignment).
	 */
	private void designateLockoutOfficer(long key) {
		complete(key, "task-assign-lockout-officer",
				Map.of("lockoutOfficerId", proposedLockoutOfficer(key), "habilitationComment", "BCL holder on shift"));
	}

	private long received(String batteryId) {
		return received(batteryId, Map.of());
	}

	private long received(String batteryId, Map<String, Object> extra) {
		Map<String, Object> variables = new HashMap<>(extra);
		variables.put("batteryId", batteryId);
		long key = this.client.newCorrelateMessageCommand()
			.messageName("BatteryReceived")
			.correlationKey(batteryId)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey();
		track(key);
		triage(key).hasVariable("mode", "REMOVED_PACK");
		return key;
	}

	private long startMode(String batteryId, String mode) {
		long key = start(PROCESS, Map.of("batteryId", batteryId, "mode", mode, "hostVin", PlantInputs.unknownVin()))
			.getProcessInstanceKey();
		track(key);
		return key;
	}

	private static ProcessInstanceAssert triage(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

	private void triage(long key, Map<String, Object> findings) {
		complete(key, "task-triage-battery-safety", findings);
	}

	private void passQualityGate(long key, String verdict) {
		long gate = activeChild(key);
		ManualChecks.complete(this.client, gate,
				"REWORK".equals(verdict) ? Map.of("CELL_SPREAD", ManualChecks.nok("MINOR", "SPREAD-HIGH")) : Map.of());
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).isCompleted()
			.hasVariable("qualityVerdict", verdict);
	}

}
