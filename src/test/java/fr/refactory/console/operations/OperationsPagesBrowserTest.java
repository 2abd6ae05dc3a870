package fr.refactory.console.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import fr.refactory.plant.simulation.SimulatedOutages;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.Browser;
import fr.refactory.test.EngineTestSupport;
import fr.refactory.test.WebSession;
import fr.refactory.workers.vin.VinCheck;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations engineer's pages in headless Chromium (issue 18): a token moved with a
 * reason that the audit log keeps, and the incidents of an MES outage resolved in one
 * batch from the incidents page.
 */
class OperationsPagesBrowserTest extends EngineTestSupport {

	private static final Duration WORKERS = Duration.ofSeconds(60);

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private SimulatedOutages outages;

	@Test
	void shouldMoveAStuckIntakeFromTheRouteReviewBackToTheDecisionWithAReasonTheAuditLogKeeps() {
		String vin = unknownVin();
		long instance = intakeWaitingForTheRouteReview(vin);

		try (Browser browser = Browser.open(baseUrl()).signIn("operations-engineer")) {
			browser.go("/operations/instances/" + instance);
			browser.waitFor(By.cssSelector("#tokens tr[data-element-id='task-review-route']"));
			assertThat(browser
				.waitFor(By
					.cssSelector("#diagram[data-rendered='true'] g.djs-element[data-element-id='task-review-route']"))
				.getDomAttribute("class")).as("the token is marked on bpmn-js's diagram").contains("state-active");
			assertThat(browser
				.waitFor(By
					.cssSelector("#diagram .djs-overlay .state-badge.active[data-element-id='task-review-route']"))
				.getText()).isEqualTo("1");
			new Select(browser.driver().findElement(By.id("move-from")))
				.selectByVisibleText("Review route manually (task-review-route)");
			new Select(browser.driver().findElement(By.id("move-to"))).selectByValue("task-decide-route");
			browser.click(By.id("move"));

			assertThat(browser.waitFor(By.id("problem")).getText()).contains("reason");
			assertThat(new Select(browser.driver().findElement(By.id("move-to"))).getFirstSelectedOption()
				.getAttribute("value")).as("the choice is kept").isEqualTo("task-decide-route");
			assertThat(history(instance)).as("nothing moved without a reason").contains("task-review-route:ACTIVE");

			browser.type(By.id("move-reason"), "odometer corrected at the gate: let D2 decide the route again");
			browser.click(By.id("move"));
			assertThat(browser.waitFor(By.id("done")).getText()).contains("task-decide-route");
			assertThat(browser.pageText()).contains("INSTANCE_TOKEN_MOVED", "let D2 decide the route again");
			browser.screenshot("operations/token-moved");
		}
		assertThat(history(instance)).as("D2 decided again and sent it back to review")
			.containsSubsequence("task-decide-route:COMPLETED", "task-review-route:TERMINATED",
					"task-decide-route:COMPLETED", "task-review-route:ACTIVE");
		assertThat(events(instance)).contains("PROCESS_INSTANCE_MODIFICATION :MODIFIED");
		assertThat(this.auditLog.about(vin)).filteredOn((entry) -> entry.action().equals("INSTANCE_TOKEN_MOVED"))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("operations-engineer");
				assertThat(entry.processInstanceKey()).isEqualTo(instance);
				assertThat(entry.data()).contains("let D2 decide the route again",
						"\"fromElementId\":\"task-review-route\"", "\"toElementId\":\"task-decide-route\"");
			});
	}

	@Test
	void shouldResolveTheFiftyIncidentsOfAnMesOutageInOneBatchFromTheIncidentsPage() {
		String processId = uniqueId("ops-mes-outage");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("task-release-in-mes",
					(t) -> t.zeebeJobType("mes.setStatus").zeebeJobRetries("1").zeebeTaskHeader("status", "RELEASED"))
			.endEvent()
			.done());
		List<Long> instances;
		this.outages.takeDown("mes");
		try {
			instances = IntStream.range(0, 50)
				.mapToObj((i) -> start(processId, Map.of("vin", String.format("VF1OUTAGE%08d", i))))
				.toList();
			Awaitility.await("the MES worker fails every job during the outage")
				.atMost(WORKERS)
				.until(() -> openIncidents(processId).size() == 50);
			retryOneTooEarly(instances.get(0));
		}
		finally {
			this.outages.bringBack("mes");
		}
		assertThat(openIncidents(processId)).allSatisfy((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("JOB_NO_RETRIES");
			assertThat(incident.getErrorMessage()).contains("mes");
		});

		String group = processId + "|task-release-in-mes|JOB_NO_RETRIES";
		try (Browser browser = Browser.open(baseUrl()).signIn("operations-engineer")) {
			browser.go("/operations/incidents");
			By row = By.cssSelector("#incident-groups tr[data-group='" + group + "']");
			assertThat(browser.waitFor(row).findElement(By.cssSelector(".count")).getText()).isEqualTo("50");
			browser.driver().findElement(row).findElement(By.cssSelector("input[type=radio]")).click();
			browser.type(By.id("resolve-reason"), "MES back after the night's outage");
			browser.click(By.id("resolve"));
			browser.waiting(WORKERS)
				.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("batch-state")),
						ExpectedConditions.presenceOfElementLocated(By.id("problem"))));
			assertThat(browser.driver().findElements(By.id("problem"))).as("the engine took the batch")
				.extracting((problem) -> problem.getText())
				.isEmpty();
			browser.waiting(WORKERS).until(ExpectedConditions.textToBe(By.id("batch-state"), "COMPLETED"));
			assertThat(browser.driver().findElement(By.id("batch-completed")).getText()).isEqualTo("50");
			assertThat(browser.driver().findElement(By.id("batch-failed")).getText()).isEqualTo("0");
			browser.screenshot("operations/batch-resolved");
		}
		Awaitility.await("the retried jobs complete now that the MES answers")
			.atMost(WORKERS)
			.untilAsserted(() -> assertThat(instances)
				.allSatisfy((key) -> assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED)));
		assertThat(this.auditLog.withAction("INCIDENTS_BATCH_RESOLUTION"))
			.filteredOn((AuditEntry entry) -> entry.data().contains(processId))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("operations-engineer");
				assertThat(entry.data()).contains("MES back after the night's outage", "\"incidents\":50");
			});
	}

	/**
	 * The real vehicle-intake model, driven as the plant and the intake operators do:
	 * announced, at the gate, master data of a ten-year-old car entered by hand,
	 * inspected; D2 sends it out of the renew profile to a manual review.
	 */
	private long intakeWaitingForTheRouteReview(String vin) {
		this.client.newPublishMessageCommand()
			.messageName("VehicleArrivalAnnounced")
			.correlationKey(vin)
			.variables(Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "sender", "FLEET-" + vin.substring(12)))
			.send()
			.join();
		long instance = intakeOf(vin);
		publish("VehicleAtGate", vin, Map.of());
		Map<String, Object> masterData = new HashMap<>();
		masterData.put("make", "RENAULT");
		masterData.put("modelFamily", "CLIO");
		masterData.put("cnit", "M10TEST0001");
		masterData.put("category", "M1");
		masterData.put("firstRegistrationDate", LocalDate.now(ZoneOffset.UTC).minusYears(10).toString());
		masterData.put("powertrain", "ICE_PETROL");
		masterData.put("originalMaxPowerKw", 92);
		masterData.put("massInRunningOrderKg", 2000);
		masterData.put("gvwrKg", 3500);
		masterData.put("registeredInFranceDefinitive", true);
		masterData.put("collectionRegistration", false);
		completeWhenOpen(instance, "task-enter-master-data", masterData);
		Map<String, Object> inspection = new HashMap<>();
		inspection.put("arrivalAt", Instant.now().toString());
		inspection.put("odometerKm", 62000);
		inspection.put("fuelOrChargeLevelPct", 40);
		inspection.put("keysCount", 2);
		inspection.put("documentsPresent", List.of("REGISTRATION_CERTIFICATE", "CSA"));
		inspection.put("damageSeverity", "COSMETIC");
		inspection.put("damageDescription", "as found at the gate");
		inspection.put("underbodyImpact", false);
		inspection.put("airbagDeployed", false);
		inspection.put("fireDamage", false);
		inspection.put("floodDamage", false);
		inspection.put("hvSmokeOrSmell", false);
		inspection.put("vinPlateMatchesRegistration", true);
		completeWhenOpen(instance, "task-inspect-at-gate", inspection);
		Awaitility.await("D2 sends the intake to a manual route review")
			.atMost(WORKERS)
			.until(() -> history(instance).contains("task-review-route:ACTIVE"));
		return instance;
	}

	/**
	 * The vehicle-intake the announcement started, whatever else listens to the same
	 * plant message.
	 */
	private long intakeOf(String vin) {
		return Awaitility.await("the intake of " + vin)
			.atMost(WORKERS)
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId("vehicle-intake").variables(Map.of("vin", "\"" + vin + "\"")))
				.send()
				.join()
				.items(), (found) -> found.size() == 1)
			.get(0)
			.getProcessInstanceKey();
	}

	private void completeWhenOpen(long instance, String elementId, Map<String, Object> formValues) {
		long task = Awaitility.await(elementId)
			.atMost(WORKERS)
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (tasks) -> !tasks.isEmpty())
			.get(0)
			.getUserTaskKey();
		this.client.newCompleteUserTaskCommand(task).variables(formValues).send().join();
	}

	private static String unknownVin() {
		String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
		StringBuilder vin = new StringBuilder("WDB");
		while (vin.length() < 17) {
			vin.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
		}
		vin.setCharAt(8, VinCheck.of(vin.toString()).expectedCheckDigit());
		return vin.toString();
	}

	/**
	 * Retried while the MES is still down, the job fails again into a new incident: the
	 * retry ran the job.
	 */
	private void retryOneTooEarly(long instance) {
		Incident first = openIncidents(instance).get(0);
		WebSession engineer = WebSession.signedIn(baseUrl(), "operations-engineer");
		engineer.get("/operations/instances/" + instance);
		assertThat(engineer
			.post("/operations/instances/" + instance + "/retry",
					Map.of("incidentKey", List.of(first.getIncidentKey().toString()), "reason", List.of(" ")))
			.statusCode()).as("no reason, no retry").isEqualTo(400);
		assertThat(openIncidents(instance)).extracting(Incident::getIncidentKey)
			.containsExactly(first.getIncidentKey());
		HttpResponse<String> retried = engineer.post("/operations/instances/" + instance + "/retry", Map
			.of("incidentKey", List.of(first.getIncidentKey().toString()), "reason", List.of("is the MES back?")));
		assertThat(retried.body()).contains("retried");
		Awaitility.await("the retried job fails again while the MES is down")
			.atMost(WORKERS)
			.until(() -> openIncidents(instance).stream()
				.anyMatch((incident) -> !incident.getIncidentKey().equals(first.getIncidentKey())));
		assertThat(this.auditLog.withAction("INCIDENT_RETRIED"))
			.filteredOn((entry) -> entry.processInstanceKey() == instance)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.data()).contains("is the MES back?", "JOB_NO_RETRIES"));
	}

	@Test
	void shouldLetOnlyOperationsEngineersRepairAndAlwaysAskForAReason() {
		String processId = uniqueId("ops-cancel");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long instance = start(processId, Map.of());
		String cancellation = "/operations/instances/" + instance + "/cancellation";
		for (String person : List.of("auditor", "process-owner", "intake-operator")) {
			WebSession session = WebSession.signedIn(baseUrl(), person);
			assertThat(session.get("/operations/incidents").statusCode()).as(person).isEqualTo(403);
			assertThat(session.post(cancellation, Map.of("reason", List.of("not mine to cancel"))).statusCode())
				.as(person)
				.isEqualTo(403);
		}
		WebSession engineer = WebSession.signedIn(baseUrl(), "operations-engineer");
		engineer.get("/operations/instances/" + instance);
		HttpResponse<String> noReason = engineer.post(cancellation, Map.of("reason", List.of("")));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Give a reason");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);

		HttpResponse<String> cancelled = engineer.post(cancellation,
				Map.of("reason", List.of("duplicate of an instance started twice at the gate")));
		assertThat(cancelled.body()).contains("Instance cancelled.");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(this.auditLog.about(Long.toString(instance))).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("INSTANCE_CANCELED");
			assertThat(entry.actor()).isEqualTo("operations-engineer");
			assertThat(entry.data()).contains("started twice at the gate");
		});
	}

	private List<Incident> openIncidents(long instance) {
		return this.client.newIncidentSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
			.send()
			.join()
			.items();
	}

	private List<Incident> openIncidents(String processId) {
		return this.client.newIncidentSearchRequest()
			.filter((f) -> f.processDefinitionId(processId).state(IncidentState.ACTIVE))
			.page((p) -> p.limit(100))
			.send()
			.join()
			.items();
	}

}
