package fr.refactory.console.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import org.awaitility.Awaitility;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A process owner checks, deploys and compares a model version in headless Chromium. */
class ModelsPageBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	@Test
	void shouldRefuseABrokenConditionThenDeployTheFixAsVersionTwoAndShowTheDifference() throws IOException {
		String processId = "owner-change-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addResourceString(model(processId, "=vinStatus = \"VALID\"", false),
					java.nio.charset.StandardCharsets.UTF_8, processId + ".bpmn")
			.send()
			.join();
		Path broken = write(processId, model(processId, "=vinStatus = ", true));

		try (Browser browser = Browser.open(baseUrl()).signIn("process-owner")) {
			browser.go("/models");
			browser.driver().findElement(By.id("files")).sendKeys(broken.toAbsolutePath().toString());
			browser.click(By.id("deploy"));
			String problems = browser.waitFor(By.id("problems")).getText();
			assertThat(problems).contains("Nothing was deployed")
				.contains(processId + ".bpmn")
				.contains("flow-valid")
				.contains("does not parse");
			browser.screenshot("models-problem");
			assertThat(versionsOf(processId)).as("nothing deployed while a problem remains").isEqualTo(1);

			Path fixed = write(processId, model(processId, "=vinStatus = \"VALID\"", true));
			browser.driver().findElement(By.id("files")).sendKeys(fixed.toAbsolutePath().toString());
			browser.click(By.id("deploy"));
			assertThat(browser.waitFor(By.id("deployed")).getText()).contains(processId + " v2");
			browser.screenshot("models-deployed");

			browser.driver()
				.findElement(By.cssSelector("tr[data-process-id='" + processId + "'][data-version='2'] a.compare"))
				.click();
			assertThat(browser.waitFor(By.id("added")).getText()).contains("task-double-check");
			assertThat(browser.driver().findElement(By.id("changed")).getText()).contains("flow-valid");
			browser.screenshot("models-compare");

			byte[] sameFile = Files.readAllBytes(fixed);
			int apiVersion = this.client.newDeployResourceCommand()
				.addResourceBytes(sameFile, processId + ".bpmn")
				.send()
				.join()
				.getProcesses()
				.get(0)
				.getVersion();
			assertThat(apiVersion).as("the same file through the API is the same version").isEqualTo(2);
		}
	}

	/**
	 * Issue 18: a process owner migrates the 20 running instances of diagnosis v1 to a v2
	 * whose inspection checklist is a new element; the one instance already at the old
	 * checklist is refused with the engine's reason. The diagnosis model is deployed
	 * under its own process id so the shared application's diagnosis stays as it is.
	 */
	@Test
	void shouldMigrateTwentyRunningDiagnosesToVersionTwoAndRefuseTheOneAtAnElementVersionTwoLacks() throws IOException {
		String processId = "diagnosis-" + UUID.randomUUID().toString().substring(0, 8);
		long v1 = this.client.newDeployResourceCommand()
			.addResourceString(diagnosisModel(processId, false), java.nio.charset.StandardCharsets.UTF_8,
					processId + ".bpmn")
			.send()
			.join()
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
		List<Long> instances = IntStream.range(0, 20).mapToObj((i) -> startDiagnosis(processId, i)).toList();
		Awaitility.await("20 diagnoses waiting for the diagnostic tool")
			.atMost(Duration.ofSeconds(120))
			.until(() -> openTasks(v1, "task-connect-diagnostic-tool").size() == 20);
		long atChecklist = instances.get(0);
		// the technician connected the tool of the first vehicle (the form's values); it
		// waits at the checklist
		long connect = openTasks(v1, "task-connect-diagnostic-tool").stream()
			.filter((task) -> task.getProcessInstanceKey() == atChecklist)
			.findFirst()
			.orElseThrow()
			.getUserTaskKey();
		this.client.newCompleteUserTaskCommand(connect)
			.variables(Map.of("toolConnected", true, "ignitionState", "ON"))
			.send()
			.join();
		Awaitility.await("the first diagnosis at the checklist")
			.atMost(Duration.ofSeconds(120))
			.until(() -> openTasks(v1, "task-inspect-vehicle").size() == 1);
		Path v2File = write(processId, diagnosisModel(processId, true));

		try (Browser browser = Browser.open(baseUrl()).signIn("process-owner")) {
			browser.go("/models");
			browser.driver().findElement(By.id("files")).sendKeys(v2File.toAbsolutePath().toString());
			browser.click(By.id("deploy"));
			assertThat(browser.waitFor(By.id("deployed")).getText()).contains(processId + " v2");

			browser.go("/models/processes/" + v1);
			// drawn by bpmn-js (ADR 1403): the counts are diagram-js overlays on its
			// shapes
			browser.waitFor(By
				.cssSelector("#diagram[data-rendered='true'] g.djs-element[data-element-id='task-inspect-vehicle']"));
			for (String element : List.of("task-connect-diagnostic-tool", "task-inspect-vehicle")) {
				assertThat(heat(browser, element, "data-active")).as("tokens at %s", element)
					.isEqualTo(elementInstances(v1, element, ElementInstanceState.ACTIVE))
					.isPositive()
					.isEqualTo(Long.parseLong(browser.driver()
						.findElement(By.cssSelector(heatOverlay(element) + " .heat-active"))
						.getText()));
			}
			assertThat(
					browser.driver().findElements(By.cssSelector(heatOverlay("task-inspect-vehicle") + " .heat-shade")))
				.as("an element with tokens is shaded")
				.hasSize(1);
			assertThat(heat(browser, "task-reserve-bench", "data-completed")).as("benches reserved this week")
				.isEqualTo(elementInstances(v1, "task-reserve-bench", ElementInstanceState.COMPLETED))
				.isEqualTo(20);
			browser.screenshot("models-heat-map");

			browser.click(By.id("migrate"));
			assertThat(browser.waitFor(By.id("movable-count")).getText()).isEqualTo("19 can move");
			assertThat(browser.driver()
				.findElement(By.cssSelector("#refused tr[data-key='" + atChecklist + "'] .reason"))
				.getText()).contains(
						"no mapping instruction is defined for the active element with id" + " 'task-inspect-vehicle'");
			assertThat(
					this.client.newProcessInstanceGetRequest(instances.get(1)).send().join().getProcessDefinitionKey())
				.as("the dry run moved nothing")
				.isEqualTo(v1);
			browser.screenshot("models-migration-dry-run");
			browser.type(By.id("reason"), "v2 replaces the paper checklist by the digital one");
			browser.click(By.id("start-migration"));

			browser.waitFor(By.id("batch-progress"));
			String batchPage = browser.driver().getCurrentUrl();
			Awaitility.await("the migration batch ended").atMost(Duration.ofSeconds(120)).until(() -> {
				browser.driver().navigate().to(batchPage);
				return browser.waitFor(By.id("batch-state")).getText();
			}, (state) -> state.endsWith("COMPLETED"));
			assertThat(browser.driver().findElement(By.id("batch-state")).getText()).isEqualTo("PARTIALLY_COMPLETED");
			assertThat(browser.driver().findElement(By.id("batch-done")).getText()).isEqualTo("19 of 20");
			assertThat(browser.driver()
				.findElement(By.cssSelector("#failed-items tr[data-key='" + atChecklist + "'] .reason"))
				.getText()).contains("task-inspect-vehicle");
			browser.screenshot("models-migration-batch");
		}
		long v2 = this.client.newProcessInstanceGetRequest(instances.get(1)).send().join().getProcessDefinitionKey();
		assertThat(v2).isNotEqualTo(v1);
		assertThat(openTasks(v2, "task-connect-diagnostic-tool")).as("the tasks moved with their instances")
			.hasSize(19);
		assertThat(this.client.newProcessInstanceGetRequest(atChecklist).send().join().getProcessDefinitionKey())
			.isEqualTo(v1);
		AuditEntry entry = this.auditLog.withAction(VersionMigrations.ACTION)
			.stream()
			.filter((candidate) -> candidate.subjectKey().equals(processId))
			.findFirst()
			.orElseThrow();
		assertThat(entry.actor()).isEqualTo("process-owner");
		assertThat(entry.data()).contains("v2 replaces the paper checklist by the digital one")
			.contains(String.valueOf(instances.get(1)))
			.contains("task-inspect-vehicle");
	}

	private long startDiagnosis(String processId, int vehicle) {
		String vin = "VF1MGR" + String.format("%02d", vehicle)
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(java.util.Locale.ROOT);
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", vin, "route", "RENEW", "declaredProgram", "USED_CAR_REFURB"))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private List<UserTask> openTasks(long definitionKey, String elementId) {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.processDefinitionKey(definitionKey)
				.elementId(elementId)
				.state(UserTaskState.CREATED))
			.page((page) -> page.limit(100))
			.send()
			.join()
			.items();
	}

	private long elementInstances(long definitionKey, String elementId, ElementInstanceState state) {
		Long total = this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processDefinitionKey(definitionKey).elementId(elementId).state(state))
			.page((page) -> page.limit(1))
			.send()
			.join()
			.page()
			.totalItems();
		return total == null ? 0 : total;
	}

	/**
	 * diagram-js places its overlays on the viewbox change it debounces after the fit:
	 * waits until shown.
	 */
	private static long heat(Browser browser, String elementId, String count) {
		return Long.parseLong(browser.waitFor(By.cssSelector(heatOverlay(elementId))).getDomAttribute(count));
	}

	private static String heatOverlay(String elementId) {
		return "#diagram .djs-overlay .heat[data-element-id='" + elementId + "']";
	}

	/**
	 * The shipped diagnosis model under its own id; v2 replaces the checklist by a new
	 * (digital) one.
	 */
	private static String diagnosisModel(String processId, boolean digitalChecklist) throws IOException {
		String xml = Files.readString(Path.of("processes", "diagnosis.bpmn"))
			.replace("<bpmn:process id=\"diagnosis\"", "<bpmn:process id=\"" + processId + "\"")
			.replace("bpmnElement=\"diagnosis\"", "bpmnElement=\"" + processId + "\"");
		return digitalChecklist ? xml.replace("\"task-inspect-vehicle\"", "\"task-inspect-vehicle-digital\"") : xml;
	}

	@Test
	void shouldAnswerForbiddenToAnOperator() {
		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/models");
			assertThat(browser.waitFor(By.id("error-status")).getText()).startsWith("403");
		}
	}

	private int versionsOf(String processId) {
		return this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.size();
	}

	private static Path write(String processId, String xml) throws IOException {
		Path directory = Files.createDirectories(Path.of("target", "uploads", UUID.randomUUID().toString()));
		return Files.writeString(directory.resolve(processId + ".bpmn"), xml);
	}

	private static String model(String processId, String validCondition, boolean withDoubleCheck) {
		io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> builder = Bpmn
			.createExecutableProcess(processId)
			.startEvent("start")
			.scriptTask("task-check-vin", (task) -> task.zeebeExpression("\"VALID\"").zeebeResultVariable("vinStatus"))
			.exclusiveGateway("gw-vin-status")
			.sequenceFlowId("flow-valid")
			.conditionExpression(validCondition);
		if (withDoubleCheck) {
			builder = builder.userTask("task-double-check")
				.zeebeUserTask()
				.zeebeCandidateGroups("intake-operators")
				.zeebeFormId("gate-inspection");
		}
		return Bpmn.convertToString(builder.endEvent("end-valid")
			.moveToNode("gw-vin-status")
			.sequenceFlowId("flow-invalid")
			.conditionExpression("=vinStatus != \"VALID\"")
			.endEvent("end-invalid")
			.done());
	}

}
