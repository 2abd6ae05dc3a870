package fr.refactory.console.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 through the models page in headless Chromium: the plant's lint rule refuses an
 * unknown job type (ADR 1400), a form with an unsupported component is refused by name,
 * and a form with a dynamic list and a table is deployed and used to complete tasks (ADR
 * 1402).
 */
class ModelerEcosystemBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldRefuseUnknownJobTypesAndUnsupportedComponentsThenCompleteTasksWithADynamicListAndATable()
			throws IOException {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String processId = "parts-record-" + suffix;
		String recordForm = "parts-record-" + suffix;
		String reviewForm = "parts-review-" + suffix;

		try (Browser browser = Browser.open(baseUrl()).signIn("process-owner")) {
			browser.go("/models");
			upload(browser,
					write(processId + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
						.startEvent("start")
						.serviceTask("task-order-kit", (task) -> task.name("Order kit").zeebeJobType("mes.orderKit"))
						.endEvent("end")
						.done())));
			assertThat(browser.waitFor(By.id("problems")).getText()).contains("Nothing was deployed")
				.contains("task-order-kit")
				.contains("Job type 'mes.orderKit' of 'Order kit' is unknown: no worker of this application and no"
						+ " element template declares it (rule known-job-type)");

			upload(browser, write(recordForm + ".form", form(recordForm, """
					{"type": "filepicker", "key": "damagePhoto", "label": "Photo"}""")));
			assertThat(browser.waitFor(By.id("problems")).getText())
				.contains("Component 'filepicker' (key 'damagePhoto') is not supported by the console");

			upload(browser, write(processId + ".bpmn", process(processId, recordForm, reviewForm)),
					write(recordForm + ".form", form(recordForm, """
							{"type": "dynamiclist", "id": "list-parts", "path": "parts", "label": "Parts removed",
							 "isRepeating": true, "defaultRepetitions": 1, "allowAddRemove": true,
							 "components": [
							   {"type": "textfield", "key": "name", "label": "Part", "validate": {"required": true}},
							   {"type": "number", "key": "weightKg", "label": "Weight (kg)", "validate": {"min": 0}}
							 ]}""")), write(reviewForm + ".form", form(reviewForm,
							"""
									{"type": "table", "id": "table-parts", "label": "Parts removed", "dataSource": "=parts",
									 "columns": [{"label": "Part", "key": "name"}, {"label": "Weight (kg)", "key": "weightKg"}]},
									{"type": "checkbox", "key": "partsConfirmed", "label": "Parts confirmed"}""")));
			assertThat(browser.waitFor(By.id("deployed")).getText()).contains(processId);
		}
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();

		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/console/tasks/" + openTask(instance, "task-record-parts").getUserTaskKey());
			browser.waitFor(By.id("claim")).click();
			// the claim loads the task page again: type only into the claimed task's form
			assertThat(browser.waitFor(By.id("assignee")).getText()).isEqualTo("intake-operator");
			browser.waitFor(By.name("parts[0].name"));
			browser.type(By.name("parts[0].name"), "Starter motor");
			browser.type(By.name("parts[0].weightKg"), "-2");
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("error-parts[0].weightKg")).getText()).isEqualTo("Must be at least 0");
			browser.type(By.name("parts[0].weightKg"), "6.5");
			browser.type(By.name("parts[1].name"), "Alternator");
			browser.type(By.name("parts[1].weightKg"), "7");
			browser.screenshot("form-dynamic-list");
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("completed");

			browser.go("/console/tasks/" + openTask(instance, "task-review-parts").getUserTaskKey());
			browser.waitFor(By.id("claim")).click();
			List<String> rows = browser.waitFor(By.id("table-parts"))
				.findElements(By.cssSelector("tbody tr"))
				.stream()
				.map((row) -> row.getText())
				.toList();
			assertThat(rows).containsExactly("Starter motor 6.5", "Alternator 7");
			browser.screenshot("form-table");
			browser.driver().findElement(By.name("partsConfirmed")).click();
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("completed");
		}
		Awaitility.await("the instance completed")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(150))
			.until(() -> "COMPLETED"
				.equals(String.valueOf(this.client.newProcessInstanceGetRequest(instance).send().join().getState())));
		String parts = this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instance).name("parts"))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		assertThat(json.readTree(parts)).isEqualTo(json.readTree("""
				[{"name": "Starter motor", "weightKg": 6.5}, {"name": "Alternator", "weightKg": 7}]"""));
	}

	private UserTask openTask(long instance, String elementId) {
		return Awaitility.await(elementId)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(150))
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instance).elementId(elementId))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
	}

	private static void upload(Browser browser, Path... files) {
		browser.driver()
			.findElement(By.id("files"))
			.sendKeys(String.join("\n",
					java.util.Arrays.stream(files).map((f) -> f.toAbsolutePath().toString()).toList()));
		browser.click(By.id("deploy"));
	}

	private static Path write(String name, String content) throws IOException {
		Path directory = Files.createDirectories(Path.of("target", "uploads", UUID.randomUUID().toString()));
		return Files.writeString(directory.resolve(name), content);
	}

	private static String form(String id, String components) {
		return "{\"id\": \"" + id + "\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": [" + components
				+ "]}";
	}

	private static String process(String processId, String recordForm, String reviewForm) {
		return Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("task-record-parts",
					(task) -> task.name("Record parts removed")
						.zeebeUserTask()
						.zeebeCandidateGroups("intake-operators")
						.zeebeFormId(recordForm))
			.userTask("task-review-parts",
					(task) -> task.name("Review parts removed")
						.zeebeUserTask()
						.zeebeCandidateGroups("intake-operators")
						.zeebeFormId(reviewForm))
			.endEvent("end")
			.done());
	}

}
