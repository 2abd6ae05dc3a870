package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.eol.EndOfLineBenches;
import fr.refactory.plant.eol.SimulatedEndOfLineBenches;
import fr.refactory.plant.eol.TestRequest;
import fr.refactory.plant.mes.MeasurementSet;
import fr.refactory.plant.mes.Mes;
import fr.refactory.records.InspectionResult;
import fr.refactory.records.Inspections;
import fr.refactory.records.NonConformities;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * quality-gate (domain brief §3.7) path by path with the application's own workers. A
 * fresh subject has no bench run and no MES measurement, so every required check of D12
 * is a manual check and the verdict (D11) follows from the manual results the inspector
 * enters; a suspect measurement is arranged by recording a bench run with equipment out
 * of calibration in the simulated end-of-line benches first.
 */
class QualityGateProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "quality-gate";

	private static final Map<String, Object> OK = Map.of("checkResult", "OK");

	@Autowired
	EndOfLineBenches benches;

	@Autowired
	Inspections inspections;

	@Autowired
	NonConformities nonConformities;

	@Autowired
	Mes mes;

	/**
	 * The control plan (D12) names each manual check and its safety flag; a failed safety
	 * characteristic entered by the inspector makes D11 rework it once with containment
	 * (rule 4), and the gate records an inspection result for every check and a
	 * nonconformity for the failed one.
	 */
	@Test
	void aFailedSafetyCharacteristicIsReworkedWithContainmentAndRecorded() {
		ProcessInstanceEvent instance = start(PROCESS, gate("BATTERY", 0));
		long key = instance.getProcessInstanceKey();
		String subject = awaitVariable(key, "subjectKey");

		assertThat(instance).hasActiveElement("task-perform-manual-check", 1 + 4);
		assertThat(openManualChecks(key)).containsOnlyKeys("SOH_CONFIRMED", "ISOLATION", "CELL_SPREAD",
				"PASSPORT_UPDATED");
		completeManualChecks(key, Map.of("ISOLATION", nok("MAJOR")));

		assertThat(instance).hasVariable("safetyCharacteristicFailed", true)
			.hasVariable("qualityVerdict", "REWORK")
			.hasVariable("containmentRequired", true)
			.hasActiveElements("task-confirm-containment");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-confirm-containment", key),
				Map.of("containmentScopeConfirmed", true, "eightDReference", "8D-2025-001"));
		assertThat(instance).isCompleted().hasCompletedElements("task-create-rework-order", "end-rework-ordered");

		assertThat(this.inspections.forSubject(subject))
			.extracting(InspectionResult::checkCode, InspectionResult::result, InspectionResult::safetyCharacteristic,
					InspectionResult::controlPlanVersion)
			.containsExactlyInAnyOrder(tuple("SOH_CONFIRMED", "OK", false, "BATTERY v1"),
					tuple("ISOLATION", "NOK", true, "BATTERY v1"), tuple("CELL_SPREAD", "OK", false, "BATTERY v1"),
					tuple("PASSPORT_UPDATED", "OK", true, "BATTERY v1"));
		assertThat(this.nonConformities.forSubject(subject)).singleElement()
			.satisfies((nc) -> assertThat(nc.defectCode()).isEqualTo("DEF-1"))
			.satisfies((nc) -> assertThat(nc.severity()).isEqualTo("MAJOR"))
			.satisfies((nc) -> assertThat(nc.quantity()).isEqualTo(1))
			.satisfies((nc) -> assertThat(nc.disposition()).isEqualTo("REWORK"))
			.satisfies((nc) -> assertThat(nc.dispositionDate()).isNotNull());
	}

	/**
	 * AS-62 from the bench: the starter's end-of-line programme fails on the simulated
	 * bench; the control plan's EOL_BENCH is then an automatic failure (MAJOR, no rework
	 * instruction) and the part is scrapped, with the nonconformity recorded, while the
	 * inspector only checks what no bench measured.
	 */
	@Test
	void as62APartFailingItsBenchProgrammeIsScrappedOnTheBenchResult() {
		String core = PlantInputs.coreFailingEol("STARTER");
		this.benches.runTest(IdempotencyKey.of(core + "-eol"), new TestRequest("PART", core, "STARTER_EOL", null));
		Map<String, Object> variables = gate("PART_REMAN", 0);
		variables.put("subjectKey", core);
		ProcessInstanceEvent instance = start(PROCESS, variables);
		long key = instance.getProcessInstanceKey();

		assertThat(instance).hasActiveElement("task-perform-manual-check", 1 + 3);
		assertThat(openManualChecks(key)).containsOnlyKeys("DIMENSIONAL_SAMPLE", "REMAN_LABEL", "GENEALOGY_COMPLETE");
		completeManualChecks(key, Map.of());

		assertThat(instance).isCompleted()
			.hasVariable("maxSeverity", "MAJOR")
			.hasVariable("reworkable", false)
			.hasVariable("qualityVerdict", "SCRAP")
			.hasCompletedElements("end-item-scrapped");
		assertThat(this.nonConformities.forSubject(core)).singleElement()
			.satisfies((nc) -> assertThat(nc.defectCode()).isEqualTo("EOL_BENCH"))
			.satisfies((nc) -> assertThat(nc.severity()).isEqualTo("MAJOR"))
			.satisfies((nc) -> assertThat(nc.disposition()).isEqualTo("SCRAP"))
			.satisfies((nc) -> assertThat(nc.dispositionDate()).isNotNull());
		assertThat(this.inspections.forSubject(core)).filteredOn((r) -> "EOL_BENCH".equals(r.checkCode()))
			.singleElement()
			.satisfies((r) -> assertThat(r.result()).isEqualTo("NOK"));
	}

	/** AS-63: all checks OK: PASS, released, quality record generated. */
	@Test
	void as63AllChecksPassedReleasesTheItemWithAQualityRecord() {
		ProcessInstanceEvent instance = start(PROCESS, gate("BATTERY", 0));

		assertThat(instance)
			.hasVariableSatisfies("requiredChecks", List.class,
					(checks) -> assertThat(checks).extracting((check) -> ((Map<?, ?>) check).get("checkCode"))
						.containsExactly("SOH_CONFIRMED", "ISOLATION", "CELL_SPREAD", "PASSPORT_UPDATED"))
			.hasVariable("controlPlanVersion", "BATTERY v1")
			.hasVariable("suspectMeasurement", false)
			.hasActiveElement("task-perform-manual-check", 1 + 4);
		completeManualChecks(instance.getProcessInstanceKey(), Map.of());

		assertThat(instance).isCompleted()
			.hasVariable("maxSeverity", "NONE")
			.hasVariable("qualityVerdict", "PASS")
			.hasVariable("containmentRequired", false)
			.hasCompletedElements("task-determine-required-checks", "task-collect-automatic-results",
					"task-collect-measurements", "task-verify-calibration", "task-match-control-plan",
					"gw-manual-checks-needed", "task-perform-manual-check", "gw-join-manual-checks",
					"task-aggregate-results", "task-decide-verdict", "gw-containment-required", "gw-join-containment",
					"gw-verdict", "gw-join-release", "task-release-item", "task-generate-quality-record",
					"end-item-released")
			.hasCompletedElementsInOrder("task-aggregate-results", "task-decide-verdict", "task-release-item",
					"task-generate-quality-record", "end-item-released")
			.hasNotActivatedElements("task-hold-suspect-items", "task-create-rework-order", "task-scrap-item")
			.hasVariableSatisfies("qualityRecordId", String.class, (id) -> assertThat(id).isNotBlank());
	}

	/**
	 * AS-64: a minor, reworkable failure with no rework loop yet: REWORK, rework order,
	 * loop counted.
	 */
	@Test
	void as64AMinorFailureIsReworkedAndTheLoopCounted() {
		ProcessInstanceEvent instance = start(PROCESS, gate("BATTERY", 0));

		completeManualChecks(instance.getProcessInstanceKey(), Map.of("SOH_CONFIRMED", nok("MINOR")));

		assertThat(instance).isCompleted()
			.hasVariable("maxSeverity", "MINOR")
			.hasVariable("qualityVerdict", "REWORK")
			.hasVariable("reworkCount", 1)
			.hasCompletedElementsInOrder("gw-verdict", "gw-join-rework", "task-create-rework-order",
					"task-count-rework-loop", "end-rework-ordered")
			.hasVariableSatisfies("reworkOrderId", String.class, (id) -> assertThat(id).isNotBlank());
	}

	/**
	 * AS-62 (D11 rule 9): a remanufactured part that fails (MAJOR, not safety) and cannot
	 * be reworked (no rework instruction for the defect) is scrapped.
	 */
	@Test
	void as62AFailedRemanufacturedPartThatCannotBeReworkedIsScrapped() {
		ProcessInstanceEvent instance = start(PROCESS, gate("PART_REMAN", 0));
		Map<String, Object> noInstruction = new HashMap<>(nok("MAJOR"));
		noInstruction.put("noReworkInstruction", true);

		assertThat(instance).hasActiveElement("task-perform-manual-check", 1 + 4);
		completeManualChecks(instance.getProcessInstanceKey(), Map.of("EOL_BENCH", noInstruction));

		assertThat(instance).isCompleted()
			.hasVariable("maxSeverity", "MAJOR")
			.hasVariable("safetyCharacteristicFailed", false)
			.hasVariable("reworkable", false)
			.hasVariable("qualityVerdict", "SCRAP")
			.hasCompletedElementsInOrder("gw-verdict", "gw-join-scrap", "task-scrap-item", "task-move-to-scrap",
					"task-post-scrap-cost", "end-item-scrapped");
	}

	/**
	 * Rework loops exhausted (D11 rule rework-loops-exhausted): the engineer has the item
	 * measured again; meanwhile the 8 h reminder on pending manual checks fires, and the
	 * second measurement passes.
	 */
	@Test
	void anEscalatedItemIsMeasuredAgainAfterTheManualCheckReminder() {
		ProcessInstanceEvent instance = start(PROCESS, gate("BATTERY", 2));
		long key = instance.getProcessInstanceKey();
		assertThat(instance).hasActiveElement("task-perform-manual-check", 1 + 4);

		this.processTestContext.increaseTime(Duration.ofHours(8));

		assertThatUserTask(UserTaskSelectors.byElementId("task-chase-manual-checks", key)).isCreated()
			.hasCandidateGroup("quality-supervisors");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-chase-manual-checks", key));
		assertThat(instance)
			.hasCompletedElements("timer-t13-manual-checks-pending", "task-chase-manual-checks",
					"end-manual-checks-chased")
			.hasActiveElement("task-perform-manual-check", 1 + 4);

		completeManualChecks(instance.getProcessInstanceKey(), Map.of("SOH_CONFIRMED", nok("MAJOR")));
		assertThat(instance).hasVariable("qualityVerdict", "ESCALATE").hasActiveElements("task-decide-escalation");
		decideEscalation(key, "REMEASURE");

		assertThat(instance).hasCompletedElement("task-collect-automatic-results", 2)
			.hasActiveElement("task-perform-manual-check", 1 + 4);
		completeManualChecks(instance.getProcessInstanceKey(), Map.of());
		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "PASS")
			.hasCompletedElement("gw-join-collect-results", 2)
			.hasCompletedElements("end-item-released");
	}

	/**
	 * A refused concession goes back to the engineer, who then orders engineering rework.
	 */
	@Test
	void aRefusedConcessionReturnsToTheEngineerWhoOrdersEngineeringRework() {
		ProcessInstanceEvent instance = escalated("BATTERY");
		long key = instance.getProcessInstanceKey();

		decideEscalation(key, "CONCESSION");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-record-concession", key),
				Map.of("concessionGranted", false, "customerAuthorisationRef", "CUST-1"));
		assertThat(instance)
			.hasCompletedElements("gw-join-concession", "task-record-concession", "gw-concession-granted")
			.hasActiveElements("task-decide-escalation");
		decideEscalation(key, "ENGINEERING_REWORK");

		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "REWORK")
			.hasCompletedElement("task-decide-escalation", 2)
			.hasCompletedElement("gw-join-escalation", 2)
			.hasCompletedElements("task-create-rework-order", "end-rework-ordered");
	}

	/**
	 * A battery whose every required check (D12: SOH_CONFIRMED, ISOLATION, CELL_SPREAD,
	 * PASSPORT_UPDATED) was measured on a bench in calibration needs no manual check: the
	 * gate passes it on the bench results alone.
	 */
	@Test
	void anItemWhoseEveryRequiredCheckWasMeasuredPassesWithoutManualChecks() {
		String subject = uniqueId("BAT-AUTO");
		String bench = PlantInputs
			.equipmentInCalibration(LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC));
		for (String check : List.of("SOH_CONFIRMED", "ISOLATION", "CELL_SPREAD", "PASSPORT_UPDATED")) {
			this.benches.runTest(IdempotencyKey.of(subject + "-" + check),
					new TestRequest("BATTERY", subject, SimulatedEndOfLineBenches.CHECK_PROGRAMME + check, bench));
		}
		Map<String, Object> variables = gate("BATTERY", 0);
		variables.put("subjectKey", subject);

		ProcessInstanceEvent instance = start(PROCESS, variables);

		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "PASS")
			.hasCompletedElementsInOrder("gw-manual-checks-needed", "gw-join-manual-checks", "task-aggregate-results")
			.hasNotActivatedElements("task-perform-manual-check");
	}

	/**
	 * D11 rule 8: a minor failure for which the control plan has no rework instruction
	 * goes straight to a concession, which the customer grants.
	 */
	@Test
	void aMinorFailureWithoutAReworkInstructionIsReleasedUnderConcession() {
		ProcessInstanceEvent instance = start(PROCESS, gate("BATTERY", 0));
		Map<String, Object> noInstruction = new HashMap<>(nok("MINOR"));
		noInstruction.put("noReworkInstruction", true);

		completeManualChecks(instance.getProcessInstanceKey(), Map.of("SOH_CONFIRMED", noInstruction));
		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-record-concession", instance.getProcessInstanceKey()),
				Map.of("concessionGranted", true, "customerAuthorisationRef", "CUST-8"));

		assertThat(instance).isCompleted()
			.hasVariable("reworkable", false)
			.hasVariable("qualityVerdict", "CONCESSION")
			.hasCompletedElementsInOrder("gw-verdict", "gw-join-concession", "task-record-concession",
					"gw-concession-granted", "gw-join-release", "task-release-item", "end-item-released")
			.hasNotActivatedElements("task-create-rework-order", "task-decide-escalation");
		assertThat(this.nonConformities.forSubject(awaitVariable(instance.getProcessInstanceKey(), "subjectKey")))
			.singleElement()
			.satisfies((nc) -> assertThat(nc.disposition()).isEqualTo("CONCESSION"))
			.satisfies((nc) -> assertThat(nc.customerConcessionRef()).isEqualTo("CUST-8"))
			.satisfies((nc) -> assertThat(nc.dispositionDate()).isNotNull());
	}

	@Test
	void aGrantedConcessionReleasesTheItem() {
		ProcessInstanceEvent instance = escalated("BATTERY");
		long key = instance.getProcessInstanceKey();

		decideEscalation(key, "CONCESSION");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-record-concession", key),
				Map.of("concessionGranted", true, "customerAuthorisationRef", "CUST-2"));

		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "CONCESSION")
			.hasCompletedElementsInOrder("gw-concession-granted", "gw-join-release", "task-release-item",
					"end-item-released");
	}

	@Test
	void anEscalatedItemMayBeScrapped() {
		ProcessInstanceEvent instance = escalated("BATTERY");

		decideEscalation(instance.getProcessInstanceKey(), "SCRAP");

		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "SCRAP")
			.hasCompletedElementsInOrder("gw-escalation-decision", "gw-join-scrap", "task-scrap-item",
					"end-item-scrapped");
	}

	/**
	 * T (2 working days): the pending escalation goes to the plant quality manager; then
	 * return to supplier.
	 */
	@Test
	void aPendingEscalationIsRemindedThenTheItemReturnsToTheSupplier() {
		ProcessInstanceEvent instance = escalated("BATTERY");
		long key = instance.getProcessInstanceKey();

		moveClockPastDueDate(key, "escalationDueAt");

		this.processTestContext
			.completeUserTask(UserTaskSelectors.byElementId("task-escalate-to-quality-manager", key));
		assertThat(instance).hasCompletedElements("timer-escalation-pending", "end-escalation-reminded")
			.hasActiveElements("task-decide-escalation");
		decideEscalation(key, "RETURN_TO_SUPPLIER");

		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("gw-escalation-decision", "end-returned-to-supplier")
			.hasNotActivatedElements("gw-join-release", "gw-join-scrap");
	}

	/**
	 * AS-67: equipment out of calibration makes the measurement suspect (§5.3): escalate
	 * with containment, the suspect items are held, the quality hold is signalled, and
	 * containment not confirmed within 1 h (T14) is escalated.
	 */
	@Test
	void as67ASuspectMeasurementHoldsTheSuspectItemsAndEscalates() {
		String subject = uniqueId("BAT-SUSPECT");
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String equipment = PlantInputs.equipmentOutOfCalibration(today.minusDays(7));
		this.benches.runTest(IdempotencyKey.of(subject + "-eol"),
				new TestRequest("BATTERY", subject, "BATTERY_EOL", equipment));
		Map<String, Object> variables = gate("BATTERY", 0);
		variables.put("subjectKey", subject);
		ProcessInstanceEvent instance = start(PROCESS, variables);
		long key = instance.getProcessInstanceKey();

		assertThat(instance).hasVariable("suspectMeasurement", true)
			.hasVariable("suspectEquipmentIds", List.of(equipment));
		completeManualChecks(instance.getProcessInstanceKey(), Map.of());
		assertThat(instance).hasVariable("qualityVerdict", "ESCALATE")
			.hasVariable("containmentRequired", true)
			.hasCompletedElementsInOrder("gw-containment-required", "task-hold-suspect-items", "signal-quality-hold")
			.hasActiveElements("task-confirm-containment");

		this.processTestContext.increaseTime(Duration.ofHours(1));
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-escalate-containment-delay", key));
		assertThat(instance).hasCompletedElements("timer-t14-containment-start", "end-containment-delay-escalated");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-confirm-containment", key),
				Map.of("containmentScopeConfirmed", true));

		assertThat(instance)
			.hasCompletedElementsInOrder("task-confirm-containment", "gw-join-containment", "gw-verdict",
					"gw-join-escalation")
			.hasActiveElements("task-decide-escalation");
		decideEscalation(key, "RETURN_TO_SUPPLIER");
		assertThat(instance).isCompleted();
	}

	/**
	 * AS-67 cleared by a re-measurement: the wear of a reman core was read with a gauge
	 * past its calibration, so the gate escalates with containment; the engineer decides
	 * REMEASURE, the inspector measures again with a calibrated gauge, the MES records
	 * the new reading, which supersedes the suspect one, and the gate passes the part.
	 */
	@Test
	void as67ARemeasurementWithCalibratedEquipmentClearsTheSuspectMeasurement() {
		String subject = uniqueId("CORE-SUSPECT");
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String overdue = PlantInputs.equipmentOutOfCalibration(today.minusDays(7));
		String calibrated = PlantInputs.equipmentInCalibration(today);
		this.mes.recordMeasurements(IdempotencyKey.of(subject + "-wear"),
				new MeasurementSet(subject, "REMAN-INSPECTION", overdue, this.processTestContext.getCurrentTime(),
						List.of(new MeasurementSet.Measurement("HOUSING.wear", 40.0, "%", 0.0, 100.0))));
		Map<String, Object> variables = gate("PART_REMAN", 0);
		variables.put("subjectKey", subject);
		ProcessInstanceEvent instance = start(PROCESS, variables);
		long key = instance.getProcessInstanceKey();
		assertThat(instance).hasVariable("suspectEquipmentIds", List.of(overdue));
		completeManualChecks(key, Map.of());
		assertThat(instance).hasVariable("qualityVerdict", "ESCALATE").hasActiveElements("task-confirm-containment");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-confirm-containment", key),
				Map.of("containmentScopeConfirmed", true));

		decideEscalation(key, "REMEASURE");
		assertThat(instance).hasActiveElements("task-remeasure-reading");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-remeasure-reading", key),
				Map.of("remeasuredValue", 41.5, "remeasureEquipmentId", calibrated));
		assertThat(instance).hasCompletedElement("task-verify-calibration", 2)
			.hasVariable("suspectMeasurement", false)
			.hasVariable("suspectEquipmentIds", List.of());
		completeManualChecks(key, Map.of());

		assertThat(instance).isCompleted()
			.hasVariable("qualityVerdict", "PASS")
			.hasCompletedElementsInOrder("task-decide-escalation", "task-remeasure-reading",
					"task-record-remeasurement", "gw-join-collect-results", "task-verify-calibration",
					"end-item-released");
		assertThat(this.mes.measurementsOf(subject).sets()).last()
			.satisfies((set) -> assertThat(set.equipmentId()).isEqualTo(calibrated))
			.satisfies((set) -> assertThat(set.measurements()).singleElement()
				.satisfies((m) -> assertThat(m.value()).isEqualTo(41.5))
				.satisfies((m) -> assertThat(m.name()).isEqualTo("HOUSING.wear")));
	}

	/**
	 * Rework loops exhausted and a major manual failure: D11 escalates without
	 * containment.
	 */
	private ProcessInstanceEvent escalated(String subjectType) {
		ProcessInstanceEvent instance = start(PROCESS, gate(subjectType, 2));
		completeManualChecks(instance.getProcessInstanceKey(), Map.of("SOH_CONFIRMED", nok("MAJOR")));
		assertThat(instance).hasVariable("qualityVerdict", "ESCALATE")
			.hasVariable("containmentRequired", false)
			.hasActiveElements("task-decide-escalation");
		return instance;
	}

	private void decideEscalation(long key, String decision) {
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-decide-escalation", key),
				Map.of("escalationDecision", decision, "rootCauseTicket", "RC-" + key));
	}

	private Map<String, Long> openManualChecks(long key) {
		return ManualChecks.open(this.client, key);
	}

	/**
	 * Completes every open manual check: the given results by check code, OK for the
	 * others.
	 */
	private void completeManualChecks(long key, Map<String, Map<String, Object>> results) {
		ManualChecks.complete(this.client, key, results);
	}

	private static Map<String, Object> nok(String severity) {
		return Map.of("checkResult", "NOK", "severity", severity, "defectCode", "DEF-1");
	}

	private static Map<String, Object> gate(String subjectType, int reworkCount) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("subjectType", subjectType);
		variables.put("subjectKey", uniqueId(subjectType));
		variables.put("reworkCount", reworkCount);
		return variables;
	}

}
