package fr.refactory.console.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
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

	@Test
	void shouldRefuseABrokenConditionThenDeployTheFixAsVersionTwoAndShowTheDifference() throws IOException {
		String processId = "owner-change-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addResourceString(model(processId, "=vinStatus = \"VALID\"", false), java.nio.charset.StandardCharsets.UTF_8,
					processId + ".bpmn")
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
		io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.scriptTask("task-check-vin", (task) -> task.zeebeExpression("\"VALID\"").zeebeResultVariable("vinStatus"))
			.exclusiveGateway("gw-vin-status")
			.sequenceFlowId("flow-valid")
			.conditionExpression(validCondition);
		if (withDoubleCheck) {
			builder = builder.userTask("task-double-check").zeebeUserTask().zeebeCandidateGroups("intake-operators");
		}
		return Bpmn.convertToString(builder.endEvent("end-valid")
			.moveToNode("gw-vin-status")
			.sequenceFlowId("flow-invalid")
			.conditionExpression("=vinStatus != \"VALID\"")
			.endEvent("end-invalid")
			.done());
	}

}
