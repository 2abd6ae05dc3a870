package fr.refactory.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import fr.refactory.plant.btb.BatteryTestBench;
import fr.refactory.plant.btb.BmsReading;
import fr.refactory.plant.btb.CapacityTestResult;
import fr.refactory.plant.btb.SimulatedBatteryTestBench;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Batteries;
import fr.refactory.records.Certificate;
import fr.refactory.records.Certificates;
import fr.refactory.records.InspectionResult;
import fr.refactory.records.Inspections;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of battery-triage (domain brief §3.6), AS-45: a traction pack a dealer returns
 * (lease return) is received at the battery workshop (the WMS goods receipt raises
 * BatteryReceived), a battery operator (B1XL/B2XL) triages it at the console (nothing
 * wrong: D6 NORMAL), the bench reads its BMS (SoH about 82 %, cells within 30 mV, no
 * module fault), D7 sends it to exchange stock for reuse in a vehicle with its passport
 * set to REUSED, and a quality inspector passes the BATTERY control plan's manual checks.
 * The path has no HV lockout: nothing is opened.
 */
class BatteryTriageJourneyTest extends JourneyTest {

	private static final SimulatedBatteryTestBench BENCH = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	@Autowired
	AuditLog auditLog;

	@Autowired
	Batteries batteries;

	@Autowired
	Inspections inspections;

	@Autowired
	Certificates certificates;

	@Autowired
	BatteryTestBench bench;

	@Test
	void aHealthyPackReturnedByADealerIsTriagedMeasuredAndReusedInAVehicle() {
		String batteryId = healthyPack();
		try (Operator people = operators("battery-triage")) {
			// the WMS goods receipt of the returned pack (the plant's BatteryReceived)
			publish("BatteryReceived", batteryId,
					Map.of("batteryId", batteryId, "origin", "DEALER_RETURN", "suspectedDamage", false));
			long triage = instanceOf("battery-triage", "batteryId", batteryId);

			SafetyChecklists
				.soundPack(people.as("battery-operator").task(batteryId, "Triage battery safety"), "21", "20")
				.set("batteryIdScanned", batteryId)
				.set("crashHistory", "false")
				.set("triagePhotosRef", "PHOTO-" + batteryId + "-TOP, PHOTO-" + batteryId + "-LABEL")
				.complete("safety-triage");

			long gate = calledInstance(triage, "quality-gate");
			assertThat(variableOrNull(triage, "safetyClass")).isEqualTo("NORMAL");
			assertThat(variableOrNull(triage, "disposition")).isEqualTo("REUSE_IN_VEHICLE");
			people.as("quality-inspector");
			List<String> checked = new ArrayList<>();
			while (awaitsManualCheck(gate)) {
				TaskForm check = people.task(batteryId, "Perform manual check");
				checked.add(check.text());
				check.set("checkResult", "OK").complete("manual-check-" + checked.size());
			}
			assertThat(checked).as("manual checks of the BATTERY control plan, each naming its check and the pack")
				.isNotEmpty()
				.allSatisfy((form) -> assertThat(form).contains(" on " + batteryId + " (control plan")
					.doesNotContain("{{"));

			awaitEnded(triage, "end-battery-released");
			assertRecords(triage, batteryId);
			String lastPage = people.as("auditor").lastPage("/audit/instances/" + triage);
			assertThat(lastPage).contains("COMPLETED", batteryId);
		}
	}

	/**
	 * AS-49: a dealer's pack whose BMS reads SoH 60–75 % is triaged sound; D7 sends it to
	 * second life (stationary storage), a battery engineer repurposes it as a whole pack
	 * for a second-life project, the quality gate passes it, and it is released under a
	 * new passport linked to the original one.
	 */
	@Test
	void as49APackAt65PercentIsRepurposedForStationaryStorageWithALinkedPassport() {
		String batteryId = pack((bms) -> bms.sohPct() >= 60 && bms.sohPct() < 75
				&& bms.cellMaxMv() - bms.cellMinMv() <= 30 && bms.faultHistory().isEmpty());
		try (Operator people = operators("battery-triage-as49")) {
			publish("BatteryReceived", batteryId,
					Map.of("batteryId", batteryId, "origin", "DEALER_RETURN", "suspectedDamage", false));
			long triage = instanceOf("battery-triage", "batteryId", batteryId);
			SafetyChecklists
				.soundPack(people.as("battery-operator").task(batteryId, "Triage battery safety"), "21", "20")
				.set("batteryIdScanned", batteryId)
				.set("crashHistory", "false")
				.set("triagePhotosRef", "PHOTO-" + batteryId + "-TOP")
				.complete("safety-triage");
			people.as("battery-engineer")
				.task(batteryId, "Repurpose battery")
				.set("targetApplication", "STATIONARY_STORAGE")
				.set("repurposeLevel", "PACK")
				.set("secondLifeProjectId", "SLP-FLINS-STORAGE")
				.set("repurposeComment", "Plant storage container, bay 3")
				.complete("repurpose");
			assertThat(variableOrNull(triage, "disposition")).isEqualTo("SECOND_LIFE_STATIONARY");

			long gate = calledInstance(triage, "quality-gate");
			people.as("quality-inspector");
			int checks = 0;
			while (awaitsManualCheck(gate)) {
				people.task(batteryId, "Perform manual check")
					.set("checkResult", "OK")
					.complete("manual-check-" + ++checks);
			}
			awaitEnded(triage, "end-battery-released");
			String newBatteryId = variableOrNull(triage, "newBatteryId");
			assertThat(newBatteryId).isNotBlank().isNotEqualTo(batteryId);
			assertThat(this.batteries.find(newBatteryId))
				.hasValueSatisfying((linked) -> assertThat(linked.parentBatteryId()).isEqualTo(batteryId));
			assertThat(this.batteries.find(batteryId))
				.hasValueSatisfying((original) -> assertThat(original.regulatoryStatus()).isEqualTo("REPURPOSED"));
			String lastPage = people.as("auditor").lastPage("/audit/instances/" + triage);
			assertThat(lastPage).contains("COMPLETED", batteryId, "Repurpose battery");
		}
	}

	/**
	 * AS-51 (ADR 0474): a dealer's pack whose BMS does not answer the bench is triaged
	 * sound; the bench reads nothing (no SoH), so the pack waits for its capacity test on
	 * a cycler. The test is still running 48 h after measurement began: the battery
	 * engineers are alerted (T11) and re-plan. The cycler's result then gives D7 a SoH
	 * below the second-life floor: the pack is shipped to the recycler with its passport
	 * set to WASTE, and the recycler's pickup confirmation ends the triage.
	 */
	@Test
	void as51APackWhoseBmsDoesNotAnswerWaitsForItsCapacityTestAndGoesToTheRecycler() {
		String batteryId = silentPack();
		try (Operator people = operators("battery-triage-as51")) {
			publish("BatteryReceived", batteryId,
					Map.of("batteryId", batteryId, "origin", "DEALER_RETURN", "suspectedDamage", false));
			long triage = instanceOf("battery-triage", "batteryId", batteryId);
			SafetyChecklists
				.soundPack(people.as("battery-operator").task(batteryId, "Triage battery safety"), "20", "20")
				.set("batteryIdScanned", batteryId)
				.set("crashHistory", "false")
				.set("triagePhotosRef", "PHOTO-" + batteryId + "-TOP")
				.complete("safety-triage");
			String capacityTestId = awaitVariable(triage, "capacityTestId");
			assertThat(variableOrNull(triage, "sohPct")).as("the silent BMS gave no SoH").isIn(null, "null");
			assertThat(this.batteries.sohHistory(batteryId)).isEmpty();

			// 48 h after the measurement began the capacity test has not reported: T11
			// alerts the battery engineers
			this.processTestContext.increaseTime(Duration.ofHours(48).plusMinutes(1));
			people.as("battery-engineer")
				.task(batteryId, "Escalate measurement delay")
				.set("escalationAcknowledged", "true")
				.set("escalationAction", "REPLANNED")
				.set("escalationComment",
						"Cycler 2 booked for the night shift, BMS silent: capacity test is the only SoH")
				.complete("measurement-delay");

			// the cycler reports its result (the plant's CapacityTestDone)
			CapacityTestResult result = this.bench.capacityTestResult(capacityTestId).orElseThrow();
			publish("CapacityTestDone", batteryId + "/" + capacityTestId,
					Map.of("measuredCapacityKwh", result.measuredCapacityKwh(), "measuredSohPct", result.sohPct()));
			String shipmentId = awaitVariable(triage, "shipmentId");
			assertThat(variableOrNull(triage, "disposition")).isEqualTo("RECYCLE");
			// the recycler confirms the pickup of the ERP's recycling shipment
			publish("RecyclerPickupConfirmed", shipmentId, Map.of("shipmentId", shipmentId, "pickedUpAt",
					java.time.OffsetDateTime.now().toString(), "wasteTransferNoteRef", "BSD-" + shipmentId));

			awaitEnded(triage, "end-battery-recycled");
			assertThat(this.batteries.find(batteryId))
				.hasValueSatisfying((battery) -> assertThat(battery.regulatoryStatus()).isEqualTo("WASTE"));
			String lastPage = people.as("auditor").lastPage("/audit/instances/" + triage);
			assertThat(lastPage).contains("COMPLETED", batteryId, "Escalate measurement delay");
		}
	}

	/**
	 * A fresh pack whose BMS does not answer (ADR 0474) and whose capacity test measures
	 * a SoH below 60 %.
	 */
	private static String silentPack() {
		SimulatedBatteryTestBench cycler = new SimulatedBatteryTestBench(Simulation.immediate("btb"));
		for (int i = 0; i < 10_000; i++) {
			String id = SimulatedBatteryTestBench.SILENT_BMS_PREFIX
					+ UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			String testId = cycler
				.startCapacityTest(fr.refactory.plant.IdempotencyKey.of("probe-" + id),
						new fr.refactory.plant.btb.CapacityTestRequest(id, "CYC-PROBE", 52.0))
				.testId();
			if (cycler.capacityTestResult(testId).orElseThrow().sohPct() < 60) {
				return id;
			}
		}
		throw new IllegalStateException("No silent pack measuring below 60 % on the simulated cycler");
	}

	/**
	 * What AS-45 must leave: the SoH the bench read in the battery's history, the pack in
	 * exchange stock, its passport REUSED (in the battery record too), the gate's results
	 * and the quality record of the released pack.
	 */
	private void assertRecords(long triage, String batteryId) {
		double soh = BENCH.readBms(batteryId, "BTB-1").sohPct();
		assertThat(Double.parseDouble(variableOrNull(triage, "sohPct"))).isEqualTo(soh);
		assertThat(variableOrNull(triage, "passportAction")).isEqualTo("SET_STATUS_REUSED");
		assertThat(this.batteries.sohHistory(batteryId)).singleElement()
			.satisfies((reading) -> assertThat(reading.sohPct().doubleValue()).isEqualTo(soh));
		assertThat(this.batteries.find(batteryId))
			.hasValueSatisfying((battery) -> assertThat(battery.regulatoryStatus()).isEqualTo("REUSED"));
		List<AuditEntry> audit = this.auditLog.about(batteryId);
		assertThat(audit).extracting(AuditEntry::action).contains("BMS_READ", "MOVED", "PASSPORT_STATUS_SET");
		assertThat(audit).filteredOn((entry) -> "MOVED".equals(entry.action()))
			.anySatisfy((entry) -> assertThat(entry.data()).contains("EXCHANGE_STOCK"));
		assertThat(this.inspections.forSubject(batteryId)).extracting(InspectionResult::result)
			.isNotEmpty()
			.containsOnly("OK");
		assertThat(this.certificates.forSubject(batteryId)).extracting(Certificate::kind).contains("QUALITY_RECORD");
	}

	/**
	 * Whether a manual check of the gate is open, waiting while the gate runs its
	 * automatic steps.
	 */
	private boolean awaitsManualCheck(long gate) {
		Awaitility.await("a manual check or the end of gate " + gate)
			.atMost(Duration.ofSeconds(120))
			.pollDelay(Duration.ZERO)
			.pollInterval(Operator.LOOK_AGAIN)
			.until(() -> !openChecks(gate).isEmpty() || this.client.newProcessInstanceGetRequest(gate)
				.send()
				.join()
				.getState() != ProcessInstanceState.ACTIVE);
		return !openChecks(gate).isEmpty();
	}

	private List<?> openChecks(long gate) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(gate)
				.elementId("task-perform-manual-check")
				.state(ElementInstanceState.ACTIVE))
			.send()
			.join()
			.items();
	}

	/**
	 * A fresh pack whose BMS, on the simulated bench, reads as AS-45's: SoH 80–85 %,
	 * spread at most 30 mV, no fault.
	 */
	private static String healthyPack() {
		return pack((bms) -> bms.sohPct() >= 80 && bms.sohPct() < 85 && bms.cellMaxMv() - bms.cellMinMv() <= 30
				&& bms.faultHistory().isEmpty());
	}

	/** A fresh pack id whose BMS, on the simulated bench, reads as the scenario needs. */
	private static String pack(Predicate<BmsReading> reads) {
		for (int i = 0; i < 10_000; i++) {
			String id = "BAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			if (reads.test(BENCH.readBms(id, "BTB-1"))) {
				return id;
			}
		}
		throw new IllegalStateException("No pack reading as the scenario needs on the simulated bench");
	}

}
