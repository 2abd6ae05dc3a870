package fr.refactory.journeys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.InspectionResult;
import fr.refactory.records.Inspections;
import fr.refactory.records.NonConformities;
import fr.refactory.records.WorkOrder;
import fr.refactory.records.WorkOrders;
import io.camunda.client.api.search.response.ProcessInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of diagnosis (domain brief §3.2) with its people: the technician lists the
 * repair operation the scratch needs, the paint technician does it, the quality inspector
 * finds a minor paint run (AS-64: reworkable, first loop, D11 rule 7 REWORK), the rework
 * order sends the run back to the paint shop and the vehicle goes through the gate again,
 * where everything passes.
 */
class DiagnosisJourneyTest extends JourneyTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	Inspections inspections;

	@Autowired
	NonConformities nonConformities;

	@Autowired
	WorkOrders workOrders;

	@Test
	void as64AMinorPaintRunIsReworkedByThePaintShopAndPassesTheGateTheSecondTime() {
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String vin = RenewVehicles.clio(today, 3, 45_000).vin();
		long diagnosis;
		try (Operator people = operators("diagnosis")) {
			people.as("intake-operator")
				.startForm("Announce a vehicle arrival",
						Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Fleet Ouest"))
				.startForm("Gate scan: vehicle at gate", Map.of("vin", vin));
			long intake = instanceOf("vehicle-intake", "vin", vin);
			people.task(vin, "Inspect vehicle at gate")
				.set("arrivalAt", today + "T09:00")
				.set("odometerKm", "45000")
				.set("fuelOrChargeLevelPct", "60")
				.set("keysCount", "2")
				.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "CSA")
				.tick("damageZones", "FRONT")
				.set("damageSeverity", "COSMETIC")
				.set("damageDescription", "Scratch on the front bumper")
				.set("vinPlateMatchesRegistration", "true")
				.complete("gate-inspection");

			diagnosis = calledInstance(intake, "diagnosis");
			DiagnosisPeople.connectTool(people, vin);
			TaskForm checklist = DiagnosisPeople.inspectAllOk(people, vin);
			assertThat(checklist.text()).contains("Repair operations");
			checklist.tick("operationCodes", "PAINT-BUMPER").complete("inspection-checklist-paint-bumper");

			Operator painter = people.as("paint-technician");
			assertThat(painter.task(vin, "Perform paint operation").value("operationCode")).isEqualTo("PAINT-BUMPER");
			DiagnosisPeople.performOperation(painter, vin, "Perform paint operation");
			long firstGate = calledInstance(diagnosis, "quality-gate");
			List<String> firstChecks = DiagnosisPeople.checkAtTheGate(people.as("quality-inspector"), vin, Map.of(
					"PAINT_AUDIT",
					new DiagnosisPeople.Failure("MINOR", "PAINT-RUN", "Paint run on the front bumper, polishable")));
			assertThat(firstChecks).contains("PAINT_AUDIT");
			awaitEnded(firstGate, "end-rework-ordered");

			painter = people.as("paint-technician");
			assertThat(painter.task(vin, "Perform paint operation").value("operationCode")).isEqualTo("PAINT-RUN");
			DiagnosisPeople.performOperation(painter, vin, "Perform paint operation");
			long secondGate = secondGateOf(diagnosis, firstGate);
			DiagnosisPeople.checkAtTheGate(people.as("quality-inspector"), vin, Map.of());

			awaitEnded(secondGate, "end-item-released");
			awaitEnded(diagnosis, "end-vehicle-released");
			awaitEnded(intake, "end-vehicle-processed");
			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + diagnosis);
			// the auditor sees the loop: the gate called twice, one rework, the final
			// verdict
			assertThat(auditorSees).contains("COMPLETED", vin, "diagnosis", "Vehicle released", "reworkCount 1",
					"qualityVerdict PASS");
			assertThat(auditorSees.split("Quality gate CALL_ACTIVITY COMPLETED", -1)).hasSize(3);
		}
		assertThat(variable(diagnosis, "qualityVerdict")).isEqualTo("\"PASS\"");
		assertThat(variable(diagnosis, "reworkCount")).isEqualTo("1");
		assertThat(this.nonConformities.forSubject(vin)).singleElement().satisfies((nc) -> {
			assertThat(nc.defectCode()).isEqualTo("PAINT-RUN");
			assertThat(nc.severity()).isEqualTo("MINOR");
			assertThat(nc.quantity()).isEqualTo(1);
		});
		assertThat(this.workOrders.forSubject(vin)).extracting(WorkOrder::type).contains("REWORK");
		assertThat(this.inspections.forSubject(vin)).hasSize(2 * DiagnosisPeople.VEHICLE_CHECKS)
			.filteredOn((result) -> "NOK".equals(result.result()))
			.extracting(InspectionResult::checkCode)
			.containsExactly("PAINT_AUDIT");
		assertThat(this.auditLog.about(vin)).extracting(AuditEntry::action).contains("REWORK_ORDER_CREATED");
		assertThat(this.auditLog.about(vin)).filteredOn((entry) -> "TASK_COMPLETED".equals(entry.action()))
			.extracting(AuditEntry::actor)
			.contains("intake-operator", "diagnostic-technician", "paint-technician", "quality-inspector")
			.doesNotContain("demo", "mechanic", "bodywork-technician");
	}

	/** The gate the diagnosis calls after the rework, once the first one has ended. */
	private long secondGateOf(long diagnosis, long firstGate) {
		return Awaitility.await("a second quality gate of " + diagnosis)
			.atMost(Duration.ofSeconds(90))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(diagnosis).processDefinitionId("quality-gate"))
				.send()
				.join()
				.items()
				.stream()
				.map(ProcessInstance::getProcessInstanceKey)
				.filter((key) -> key != firstGate)
				.toList(), (keys) -> !keys.isEmpty())
			.get(0);
	}

	private String variable(long instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).scopeKey(instance).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

}
