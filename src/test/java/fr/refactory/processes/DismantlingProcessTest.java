package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * dismantling (domain brief §3.5) path by path with the application's own workers. The
 * harvest candidates come from the simulated WMS (seven families); the part number the
 * operator records decides its days of cover and so D10 between reuse and manual review
 * ({@link PlantInputs#partNumberWithCover}). Harvested cores and the removed traction
 * battery start the real remanufacture and battery-triage processes (by message); they
 * are cancelled after each test.
 */
class DismantlingProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "dismantling";

	private final List<String> subjects = new ArrayList<>();

	/**
	 * Removed parts and batteries start remanufacture and battery-triage instances this
	 * test does not drive.
	 */
	@AfterEach
	void trackTheInstancesStartedForTheSubjects() {
		for (String processId : List.of("remanufacture", "battery-triage")) {
			this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items()
				.stream()
				.filter((instance) -> this.subjects
					.contains(variableOrNull(instance.getProcessInstanceKey(), "donorVin"))
						|| this.subjects.contains(variableOrNull(instance.getProcessInstanceKey(), "hostVin")))
				.forEach((instance) -> track(instance.getProcessInstanceKey()));
		}
	}

	/**
	 * AS-70/AS-71 on a petrol vehicle acquired as ELV: documents complete, depolluted,
	 * seven parts harvested (grade D recycled, reman families announced as cores to
	 * remanufacture, the others reused or reviewed), hulk shipped, CoD issued and
	 * generated.
	 */
	@Test
	void anElvIsDepollutedHarvestedAndDestroyedWithACertificate() {
		String vin = PlantInputs.unknownVin();
		long key = acquired(vin, "ICE_PETROL", "CLIO");

		checkDocuments(key, freshCsa());
		dismantling(key).hasVariable("documentsComplete", true)
			.hasVariableSatisfies("takeOverReceiptNumber", String.class, (n) -> assertThat(n).isNotBlank())
			.hasCompletedElementsInOrder("start-elv-acquired", "gw-join-start", "gw-join-documents-check",
					"task-check-destruction-documents", "task-assess-documents", "gw-documents-complete",
					"task-declare-take-over", "gw-hv-vehicle", "gw-join-hv")
			.hasActiveElements("task-depollute-vehicle");
		depollute(key);
		harvest(key);

		// past the harvest this instance has more than the 100 element instances CPT
		// reads per process instance:
		// the end is asserted on the instance's state and the variables of its last tasks
		dismantling(key).isCompleted()
			.hasVariableSatisfies("codNumber", String.class, (n) -> assertThat(n).isNotBlank())
			.hasVariableSatisfies("shredderShipmentId", String.class, (n) -> assertThat(n).isNotBlank())
			.hasVariableSatisfies("codDocumentId", String.class, (n) -> assertThat(n).isNotBlank());
		assertThat(activeWith("remanufacture", "donorVin", vin)).as("harvested cores announced to remanufacture")
			.isNotEmpty();
		// D10's own family values: the turbocharger and the starter-alternator are
		// remanufactured (REMAN_CORE)
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(activeWith("remanufacture", "donorVin", vin).stream()
				.map((core) -> variableOrNull(core, "partFamily"))
				.toList()).contains("TURBO", "STARTER_ALTERNATOR", "ENGINE", "ECU"));
	}

	/**
	 * T15: the registration authority checks this VIN's file by hand (serial ending 00000
	 * in the simulated SIV), so the CoD is still pending at day 10 after destruction:
	 * escalated to dismantling-admin, then issued and generated.
	 */
	@Test
	void aCertificateOfDestructionStillPendingAtDayTenIsEscalated() {
		String vin = PlantInputs.vinUnderManualCheck();
		long key = acquired(vin, "ICE_PETROL", "CLIO");
		checkDocuments(key, freshCsa());
		depollute(key);
		harvest(key);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.client.newElementInstanceSearchRequest()
				.filter((f) -> f.processInstanceKey(key)
					.elementId("task-issue-cod")
					.state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty());

		this.processTestContext.increaseTime(Duration.ofDays(10));
		complete(key, "task-escalate-cod-delay", Map.of("escalationAcknowledged", true, "escalationAction", "EXPEDITED",
				"escalationComment", "SIV file under manual check"));
		// issued 12 days after the authority's first request, which the job made just
		// before (or, racing, after) the
		// 10 days: 13 more days cover both, and the daily poll then finds it issued
		this.processTestContext.increaseTime(Duration.ofDays(13));

		dismantling(key).isCompleted()
			.hasVariableSatisfies("codNumber", String.class, (n) -> assertThat(n).startsWith("COD-"))
			.hasVariableSatisfies("codDocumentId", String.class, (n) -> assertThat(n).isNotBlank());
	}

	/**
	 * AS-69: an EV to dismantle is locked out by a BCL holder. Nobody is designated yet,
	 * so L.1 raises HABILITATION_MISSING; the competency register proposes the BCL
	 * holders on shift and hse-officers choose one in the form's select; the lockout task
	 * is then assigned to that officer. Its battery is removed and sent to battery triage
	 * (BatteryReceived) before depollution.
	 */
	@Test
	void as69AnEvIsLockedOutAndItsBatterySentToTriage() {
		String vin = PlantInputs.unknownVin();
		long key = start(PROCESS, vehicle(vin, "BEV", "ZOE")).getProcessInstanceKey();
		track(key);

		checkDocuments(key, freshCsa());
		dismantling(key)
			.hasCompletedElements("start-dismantling-requested", "gw-hv-vehicle", "error-habilitation-missing",
					"task-propose-lockout-officers")
			.hasActiveElements("task-assign-lockout-officer");
		String officer = proposedLockoutOfficer(key);
		complete(key, "task-assign-lockout-officer",
				Map.of("lockoutOfficerId", officer, "habilitationComment", "BCL holder on shift"));
		long lockout = activeChild(key);
		// the task follows the officer's habilitation check, a job the application's
		// worker takes asynchronously
		assertThat(Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> openTasks(lockout, "task-lock-out-hv-system"), (tasks) -> !tasks.isEmpty())).singleElement()
			.satisfies((task) -> assertThat(task.getAssignee()).isEqualTo(officer));
		complete(lockout, "task-lock-out-hv-system", Map.of("absenceOfVoltageVerified", true));
		String batteryId = vin + "-HV";
		complete(key, "task-remove-battery",
				Map.of("batteryId", batteryId, "batteryMassKg", 305, "visibleDamage", false));

		dismantling(key)
			.hasCompletedElementsInOrder("call-lock-out-vehicle", "task-remove-battery", "send-battery-received",
					"gw-join-hv")
			.hasActiveElements("task-depollute-vehicle");
		assertThat(activeWith("battery-triage", "hostVin", vin)).as("the removed pack is received by battery triage")
			.hasSize(1);
	}

	/**
	 * AS-68: a CSA older than 15 days is rejected; reminders after 2 and 5 WD, decision
	 * after 10 WD: hold and wait; the documents then arrive and are checked again. A
	 * second vehicle without documents is returned to its holder.
	 */
	@Test
	void as68StaleDocumentsAreChasedThenReturnedOrCompleted() {
		String vin = PlantInputs.unknownVin();
		long key = acquired(vin, "ICE_DIESEL", "CLIO");
		Map<String, Object> stale = freshCsa();
		stale.put("csaDate", today().minusDays(20).toString());
		checkDocuments(key, stale);
		dismantling(key).hasVariable("documentsComplete", false).isWaitingForMessage("DocumentsReceived", vin);

		moveClockPastDueDate(key, "documentReminderDueAt");
		dismantling(key).hasCompletedElements("timer-first-document-reminder", "task-send-first-reminder",
				"end-first-reminder-sent");
		moveClockPastDueDate(key, "documentSecondReminderDueAt");
		dismantling(key).hasCompletedElements("timer-second-document-reminder", "task-send-second-reminder",
				"end-second-reminder-sent");
		moveClockPastDueDate(key, "documentDecisionDueAt");
		complete(key, "task-decide-missing-documents",
				Map.of("documentsTimeoutDecision", "HOLD_AND_WAIT", "documentsTimeoutComment", "holder on leave"));
		dismantling(key).hasCompletedElement("gw-join-await-documents", 2)
			.isWaitingForMessage("DocumentsReceived", vin);
		this.client.newPublishMessageCommand().messageName("DocumentsReceived").correlationKey(vin).send().join();
		dismantling(key).hasCompletedElements("msg-documents-received", "end-documents-received")
			.hasCompletedElement("gw-join-documents-check", 2);
		checkDocuments(key, freshCsa());
		dismantling(key).hasCompletedElement("task-assess-documents", 2).hasActiveElements("task-depollute-vehicle");

		String other = PlantInputs.unknownVin();
		long returned = acquired(other, "ICE_DIESEL", "CLIO");
		checkDocuments(returned, stale);
		dismantling(returned).isWaitingForMessage("DocumentsReceived", other);
		moveClockPastDueDate(returned, "documentDecisionDueAt");
		complete(returned, "task-decide-missing-documents",
				Map.of("documentsTimeoutDecision", "RETURN_TO_HOLDER", "documentsTimeoutComment", "no new CSA"));
		dismantling(returned).isCompleted()
			.hasCompletedElementsInOrder("gw-documents-timeout-decision", "task-return-to-holder",
					"end-vehicle-returned");
	}

	// --- helpers ---

	private long acquired(String vin, String powertrain, String modelFamily) {
		long key = this.client.newCorrelateMessageCommand()
			.messageName("ElvAcquired")
			.correlationKey(vin)
			.variables(vehicle(vin, powertrain, modelFamily))
			.send()
			.join()
			.getProcessInstanceKey();
		track(key);
		return key;
	}

	private Map<String, Object> vehicle(String vin, String powertrain, String modelFamily) {
		this.subjects.add(vin);
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", vin);
		variables.put("powertrain", powertrain);
		variables.put("modelFamily", modelFamily);
		variables.put("holderName", "Holder " + vin.substring(12));
		return variables;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
	}

	private Map<String, Object> freshCsa() {
		Map<String, Object> documents = new HashMap<>();
		documents.put("registrationCrossedSigned", true);
		documents.put("cerfa15776Ref", "CERFA-1");
		documents.put("csaDate", today().minusDays(3).toString());
		documents.put("holderIdentityChecked", true);
		return documents;
	}

	private void checkDocuments(long key, Map<String, Object> documents) {
		complete(key, "task-check-destruction-documents", documents);
	}

	private void depollute(long key) {
		complete(key, "task-depollute-vehicle",
				Map.of("engineOilL", 4.5, "gearboxOilL", 2.0, "fuelL", 10, "brakeFluidL", 0.5, "coolantL", 5,
						"refrigerantKg", 0.4, "twelveVoltBatteryKg", 15, "pyrotechnicsNeutralisedCount", 4,
						"filtersCount", 2));
	}

	/**
	 * The seven candidates (ENGINE, GEARBOX, TURBO, STARTER_ALTERNATOR, ECU, BODY_PANEL,
	 * LIGHTING, D10's families in the WMS's order) run in parallel; their tasks are
	 * completed in creation order. The gearbox is graded D (recycled), the others A with
	 * a passed test: engine, turbo, starter-alternator and ECU are reman cores (the WMS
	 * runs a line for every reference of these), the body panel (low cover) is reused,
	 * the lighting (high cover) is reviewed and recycled.
	 */
	private void harvest(long key) {
		dismantling(key).hasActiveElements("sub-harvest-parts");
		String low = PlantInputs.partNumberWithCover(false);
		String high = PlantInputs.partNumberWithCover(true);
		List<String> partNumbers = List.of(low, low, low, high, low, low, high);
		for (int part = 0; part < 7; part++) {
			complete(key, "task-remove-part", Map.of("partNumber", partNumbers.get(part), "serialNumber",
					"SN-" + key + "-" + part, "conditionGrade", (part == 1) ? "D" : "A"));
		}
		for (int part = 0; part < 7; part++) {
			complete(key, "task-test-and-label-part", Map.of("functionalTestResult", "OK", "labelPrinted", true));
		}
		dismantling(key).hasActiveElements("task-review-part-disposition");
		// at least one part of a family with 90 days of cover or more is reviewed;
		// complete the reviews as they come
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int reviewed = 0;
		while (System.nanoTime() < deadline && !harvestDone(key)) {
			for (UserTask ignored : openTasks(key, "task-review-part-disposition")) {
				complete(key, "task-review-part-disposition",
						Map.of("reviewedDisposition", "MATERIAL_RECYCLING", "dispositionComment", "no buyer"));
				reviewed++;
			}
		}
		assertThat(reviewed).isPositive();
	}

	private boolean harvestDone(long key) {
		// the multi-instance body and its inner instances share the element id: done when
		// none is active
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(key)
				.elementId("sub-harvest-parts")
				.state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
			.send()
			.join()
			.items()
			.isEmpty();
	}

	private List<UserTask> openTasks(long key, String elementId) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(key)
				.elementId(elementId)
				.state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	private static ProcessInstanceAssert dismantling(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

	private List<Long> activeWith(String processId, String name, String value) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items()
				.stream()
				.map((instance) -> instance.getProcessInstanceKey())
				.filter((k) -> value.equals(variableOrNull(k, name)))
				.toList(), (found) -> !found.isEmpty());
	}

}
