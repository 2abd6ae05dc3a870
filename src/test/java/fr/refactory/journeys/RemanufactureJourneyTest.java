package fr.refactory.journeys;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.eol.SimulatedEndOfLineBenches;
import fr.refactory.plant.eol.TestRequest;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Certificates;
import fr.refactory.records.InspectionResult;
import fr.refactory.records.Inspections;
import io.camunda.client.api.search.enums.ElementInstanceState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of remanufacture (domain brief §3.4): AS-53, AS-58 then AS-67. A dealer's
 * standard-exchange gearbox core is announced at the console, scanned in at goods receipt
 * 20 days after the exchange sale, inspected (like-for-like, complete, no damage: grade
 * A, full credit), released by the MES as a reman work order, disassembled, cleaned, its
 * components measured (the bearing within tolerance is replaced all the same, AS-58; the
 * input shaft is machined to repair size; the casing is reused, measured with a gauge
 * past its calibration date, AS-67), reassembled, tested on the end-of-line bench and
 * brought to the quality gate, which escalates with containment; a quality engineer
 * confirms the containment and the customer grants a concession, so the part is released.
 */
class RemanufactureJourneyTest extends JourneyTest {

	private static final String FAMILY = "GEARBOX";

	private static final SimulatedEndOfLineBenches EOL = new SimulatedEndOfLineBenches(Simulation.immediate("eol"));

	/** What the reman inspector measures on each component the MES work order lists. */
	private static final Map<String, Map<String, String>> FINDINGS = Map.of("BEARING",
			Map.of("componentClass", "WEAR_PART", "measuredWearPct", "40"), "INPUT-SHAFT",
			Map.of("componentClass", "STRUCTURAL", "measuredWearPct", "120", "reconditionable", "true"), "CASING",
			Map.of("componentClass", "STRUCTURAL", "measuredWearPct", "30"));

	/** The gauge of the reman bench, within its calibration. */
	private static final String GAUGE = "REMAN-GAUGE-1";

	/**
	 * The component the inspector measures with the other gauge on the rack, past its
	 * calibration (AS-67).
	 */
	private static final String MEASURED_WITH_OVERDUE_GAUGE = "CASING";

	@Autowired
	AuditLog auditLog;

	@Autowired
	Inspections inspections;

	@Autowired
	Certificates certificates;

	@Test
	void aGearboxCoreReturnedByADealerIsCreditedInFullAndRemanufactured() {
		String coreSerial = gearboxCorePassingEol();
		String partNumber = "GB-" + coreSerial.substring(4);
		LocalDate receipt = LocalDate.now();
		String overdueGauge = gaugePastCalibration(
				LocalDate.ofInstant(this.processTestContext.getCurrentTime(), java.time.ZoneOffset.UTC));
		try (Operator people = operators("remanufacture")) {
			people.as("reman-technician")
				.startForm("Announce a core arrival",
						ordered("coreSerial", coreSerial, "partNumber", partNumber, "partFamily", FAMILY, "origin",
								"DEALER_RETURN", "exchangeSaleId", "XS-" + coreSerial, "exchangeSaleDate",
								receipt.minusDays(20).toString()));
			people.as("supply-planner")
				.startForm("Gate scan: core received",
						ordered("coreSerial", coreSerial, "receiptDate", receipt.toString()));
			long reman = instanceOf("remanufacture", "coreSerial", coreSerial);

			people.as("reman-technician")
				.task(coreSerial, "Inspect core")
				.set("likeForLike", "true")
				.set("completeAndAssembled", "true")
				.set("disassembled", "false")
				.set("housingCracked", "false")
				.set("fireOrWaterDamage", "false")
				.set("corrosion", "NONE")
				.set("priorRepairOrWelding", "false")
				.set("partNumberLegible", "true")
				.set("missingOrBrokenNonWearParts", "0")
				.set("corePhotosRef", "PHOTO-" + coreSerial + "-1, PHOTO-" + coreSerial + "-2")
				.complete("core-inspection");
			awaitElement(reman, "msg-reman-order-released");
			assertThat(variableOrNull(reman, "coreGrade")).isEqualTo("A");
			assertThat(variableOrNull(reman, "coreCreditPct")).isEqualTo("100");

			// the MES releases the reman work order for the core in the core bank (the
			// plant's RemanOrderReleased)
			String workOrderId = "WO-REMAN-" + coreSerial;
			publish("RemanOrderReleased", coreSerial,
					Map.of("workOrderId", workOrderId, "targetReference", partNumber + "-RM", "components",
							FINDINGS.keySet().stream().sorted().map(RemanufactureJourneyTest::component).toList()));

			people.task(coreSerial, "Disassemble core")
				.set("subComponentsList", "bearing x1, input shaft x1, casing x1")
				.complete("disassembly");
			people.task(coreSerial, "Clean components")
				.set("cleaningProgramId", "CLEAN-GBX")
				.set("cleaningResult", "OK")
				.complete("cleaning");
			for (int i = 0; i < FINDINGS.size(); i++) {
				inspectComponent(people, coreSerial, overdueGauge);
			}
			people.task(coreSerial, "Recondition component")
				.set("reconditionOperation", "Grind to repair size -0.25")
				.set("reconditionResult", "OK")
				.complete("reconditioning");
			people.task(coreSerial, "Reassemble part")
				.set("torqueRecords", "casing bolts M10 45 Nm, output flange M12 80 Nm")
				.set("newSerial", "GBX-" + coreSerial.substring(4))
				.complete("reassembly");

			long gate = calledInstance(reman, "quality-gate");
			people.as("quality-inspector");
			List<String> checked = new java.util.ArrayList<>();
			while (awaitsManualCheck(gate)) {
				TaskForm check = people.task(coreSerial, "Perform manual check");
				checked.add(check.text());
				check.set("checkResult", "OK").complete("manual-check-" + checked.size());
			}
			assertThat(checked).as("manual checks of the gearbox's control plan, each naming its check and the core")
				.isNotEmpty()
				.allSatisfy((form) -> assertThat(form).contains(" on " + coreSerial + " (control plan")
					.doesNotContain("{{"));
			suspectMeasurementContained(people, gate, coreSerial, overdueGauge);

			awaitEnded(reman, "end-part-remanufactured");
			assertRecords(reman, coreSerial, workOrderId);
			String lastPage = people.as("auditor").lastPage("/audit/instances/" + reman);
			assertThat(lastPage).contains("COMPLETED", coreSerial);
		}
	}

	/**
	 * AS-67 (D11 rule 1): the casing's wear was read with a gauge past its calibration
	 * date, so the MES measurement is suspect: the gate escalates with containment and
	 * holds every item measured with that gauge. The quality engineer confirms the
	 * containment scope; as the casing's wear (30 %) is far from its limit, the engineer
	 * proposes a concession, which the customer grants, and the gauge goes for
	 * calibration.
	 */
	private void suspectMeasurementContained(Operator people, long gate, String coreSerial, String overdueGauge) {
		assertThat(variableOrNull(gate, "suspectMeasurement")).isEqualTo("true");
		assertThat(variableOrNull(gate, "suspectEquipmentIds")).isEqualTo("[" + overdueGauge + "]");
		assertThat(variableOrNull(gate, "qualityVerdict")).isEqualTo("ESCALATE");
		assertThat(variableOrNull(gate, "containmentRequired")).isEqualTo("true");
		assertThat(variableOrNull(gate, "heldItems")).contains(coreSerial);
		String eightD = "8D-" + LocalDate.now().getYear() + "-"
				+ String.format("%06d", Math.abs(coreSerial.hashCode() % 1_000_000));
		people.as("quality-engineer")
			.task(coreSerial, "Confirm containment scope")
			.set("containmentScopeConfirmed", "true")
			.set("itemsKeptOnHold", "Every item measured with " + overdueGauge + " since its last valid calibration")
			.set("eightDReference", eightD)
			.complete("confirm-containment");
		people.task(coreSerial, "Decide escalated verdict")
			.set("escalationDecision", "CONCESSION")
			.set("rootCauseTicket", eightD)
			.set("escalationJustification",
					"Casing wear read at 30 % with " + overdueGauge
							+ " past calibration; far from the limit, gauge sent for calibration")
			.complete("decide-escalation");
		people.task(coreSerial, "Record customer concession")
			.set("concessionGranted", "true")
			.set("concessionId", "CON-" + LocalDate.now().getYear() + "-" + eightD.substring(8))
			.set("customerApprover", "Claire Dupont, dealer network quality")
			.set("concessionValidUntil", LocalDate.now().plusMonths(3).toString())
			.set("customerAuthorisationRef", "Mail of the dealer network quality, " + eightD)
			.complete("record-concession");
		awaitEnded(gate, "end-item-released");
		assertThat(variableOrNull(gate, "qualityVerdict")).isEqualTo("CONCESSION");
	}

	/**
	 * AS-54 and AS-56 on one tablet: a turbo core with a cracked housing and a gearbox
	 * core of another reference than the one exchanged are announced, scanned in and
	 * inspected; D8 rejects both with no credit (rules 5 and 1), and customer service
	 * sends the first to material recycling and the second back to the dealer.
	 */
	@Test
	void aCrackedTurboAndACoreNotLikeForLikeAreRejectedWithoutCredit() {
		String turbo = "TRB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String gearbox = "GBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		try (Operator people = operators("remanufacture-rejected-cores")) {
			long crackedTurbo = rejected(people, turbo, "TURBO", "housingCracked", "MATERIAL_RECYCLING",
					"Housing cracked through: scrap it");
			long otherReference = rejected(people, gearbox, FAMILY, "likeForLike", "RETURN_TO_CUSTOMER",
					"Not the reference exchanged: back to the dealer");

			awaitEnded(crackedTurbo, "end-core-rejected");
			awaitEnded(otherReference, "end-core-rejected");
			assertThat(variableOrNull(crackedTurbo, "coreGrade")).isEqualTo("REJECT");
			assertThat(variableOrNull(crackedTurbo, "coreCreditPct")).isEqualTo("0");
			assertThat(variableOrNull(crackedTurbo, "coreCreditReason")).isEqualTo("CRACKED_HOUSING");
			assertThat(variableOrNull(otherReference, "coreGrade")).isEqualTo("REJECT");
			assertThat(variableOrNull(otherReference, "coreCreditPct")).isEqualTo("0");
			assertThat(variableOrNull(otherReference, "coreCreditReason")).isEqualTo("NOT_LIKE_FOR_LIKE");
			// the ERP books the core credit of a rejected core at nothing
			assertThat(this.auditLog.about(turbo)).filteredOn((entry) -> "ERP_POSTED".equals(entry.action()))
				.singleElement()
				.satisfies((posting) -> assertThat(posting.data()).contains("CORE_CREDIT")
					.containsPattern("\"amountEur\":\"0(\\.0+)?\""));
			String lastPage = people.as("auditor").lastPage("/audit/instances/" + crackedTurbo);
			assertThat(lastPage).contains("COMPLETED", turbo, "Decide on rejected core", "Move rejected core");
		}
	}

	/**
	 * A dealer's core announced, scanned in and inspected with one defect ticked or
	 * unticked, then decided on.
	 */
	private long rejected(Operator people, String coreSerial, String family, String defect, String decision,
			String comment) {
		LocalDate receipt = LocalDate.now();
		people.as("reman-technician")
			.startForm("Announce a core arrival",
					ordered("coreSerial", coreSerial, "partNumber",
							family.substring(0, 2) + "-" + coreSerial.substring(4), "partFamily", family, "origin",
							"DEALER_RETURN", "exchangeSaleId", "XS-" + coreSerial, "exchangeSaleDate",
							receipt.minusDays(10).toString()));
		people.as("supply-planner")
			.startForm("Gate scan: core received",
					ordered("coreSerial", coreSerial, "receiptDate", receipt.toString()));
		long reman = instanceOf("remanufacture", "coreSerial", coreSerial);
		Map<String, String> sound = new LinkedHashMap<>(ordered("likeForLike", "true", "completeAndAssembled", "true",
				"disassembled", "false", "housingCracked", "false", "fireOrWaterDamage", "false", "corrosion", "NONE",
				"priorRepairOrWelding", "false", "partNumberLegible", "true", "missingOrBrokenNonWearParts", "0"));
		sound.put(defect, "likeForLike".equals(defect) ? "false" : "true");
		TaskForm inspection = people.as("reman-technician").task(coreSerial, "Inspect core");
		sound.forEach(inspection::set);
		inspection.set("corePhotosRef", "PHOTO-" + coreSerial + "-1").complete("inspect-" + family.toLowerCase());
		people.as("customer-service")
			.task(coreSerial, "Decide on rejected core")
			.set("rejectedCoreDecision", decision)
			.set("rejectedCoreComment", comment)
			.complete("rejected-" + family.toLowerCase());
		return reman;
	}

	/**
	 * What the journey must leave: the full credit posted to the ERP (of the 400 EUR
	 * deposit), the reman cost booked on the work order posted and not 0 EUR, the gate's
	 * inspection results and the quality record of the released part.
	 */
	private void assertRecords(long reman, String coreSerial, String workOrderId) {
		assertThat(Double.parseDouble(variableOrNull(reman, "coreCreditAmountEur"))).isEqualTo(400.0);
		assertThat(variableOrNull(reman, "partTestResult")).isEqualTo("OK");
		assertThat(Double.parseDouble(variableOrNull(reman, "remanCostEur"))).isPositive();
		List<AuditEntry> postings = this.auditLog.about(coreSerial)
			.stream()
			.filter((entry) -> "ERP_POSTED".equals(entry.action()))
			.toList();
		assertThat(postings).anySatisfy((posting) -> assertThat(posting.data()).contains("CORE_CREDIT", "400.00"));
		assertThat(postings).anySatisfy((posting) -> assertThat(posting.data()).contains("REMAN_COST")
			.doesNotContain("\"amountEur\":\"0.00\""));
		assertThat(this.inspections.forSubject(coreSerial)).extracting(InspectionResult::result)
			.isNotEmpty()
			.containsOnly("OK");
		assertThat(this.certificates.forSubject(coreSerial)).extracting(fr.refactory.records.Certificate::kind)
			.contains("QUALITY_RECORD");
		assertThat(variableOrNull(reman, "remanSerial")).startsWith("RM-");
		assertThat(workOrderId).isNotBlank();
	}

	private void inspectComponent(Operator people, String coreSerial, String overdueGauge) {
		TaskForm inspection = people.task(coreSerial, "Inspect and measure component");
		String text = inspection.text();
		String reference = FINDINGS.keySet()
			.stream()
			.filter((ref) -> text.contains("Component " + ref + " of core"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no component of the work order on the form:\n" + text));
		FINDINGS.get(reference).forEach(inspection::set);
		inspection.set("equipmentId", MEASURED_WITH_OVERDUE_GAUGE.equals(reference) ? overdueGauge : GAUGE);
		inspection.complete("component-" + reference.toLowerCase());
	}

	/**
	 * Whether a manual check of the gate is open, waiting while the gate runs its
	 * automatic steps, until the gate ends or waits on its quality engineer.
	 */
	private boolean awaitsManualCheck(long gate) {
		Awaitility.await("a manual check, a containment or the end of gate " + gate)
			.atMost(java.time.Duration.ofSeconds(120))
			.pollDelay(java.time.Duration.ZERO)
			.pollInterval(Operator.LOOK_AGAIN)
			.until(() -> !openElements(gate, "task-perform-manual-check").isEmpty()
					|| !openElements(gate, "task-confirm-containment").isEmpty() || gateEnded(gate));
		return !openElements(gate, "task-perform-manual-check").isEmpty();
	}

	private boolean gateEnded(long gate) {
		return this.client.newProcessInstanceGetRequest(gate)
			.send()
			.join()
			.getState() != io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE;
	}

	private List<?> openElements(long instance, String elementId) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).elementId(elementId).state(ElementInstanceState.ACTIVE))
			.send()
			.join()
			.items();
	}

	private void awaitElement(long instance, String elementId) {
		Awaitility.await(elementId + " of " + instance)
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> !openElements(instance, elementId).isEmpty());
	}

	/**
	 * A gauge of the rack whose calibration, as the simulated MES keeps it, ran out
	 * before {@code today}.
	 */
	private static String gaugePastCalibration(LocalDate today) {
		for (int i = 2; i < 10_000; i++) {
			String gauge = "REMAN-GAUGE-" + i;
			if (fr.refactory.plant.simulation.Calibrations.dueOn(gauge, today).isBefore(today)) {
				return gauge;
			}
		}
		throw new IllegalStateException("No gauge past its calibration on " + today);
	}

	private static Map<String, Object> component(String reference) {
		return Map.of("reference", reference, "description", reference.toLowerCase().replace('-', ' '));
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			values.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return values;
	}

	/**
	 * A fresh core serial whose gearbox end-of-line test passes on the simulated benches
	 * (the gate sees no failure).
	 */
	private static String gearboxCorePassingEol() {
		for (int i = 0; i < 10_000; i++) {
			String serial = "GBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			if ("OK".equals(EOL
				.runTest(IdempotencyKey.of("probe-" + serial), new TestRequest("PART", serial, FAMILY + "_EOL", null))
				.verdict())) {
				return serial;
			}
		}
		throw new IllegalStateException("No gearbox core passing its end-of-line test");
	}

}
