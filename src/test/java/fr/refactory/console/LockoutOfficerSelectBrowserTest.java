package fr.refactory.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0403 in the console: the application's worker {@code hrcomp.proposeLockoutOfficers}
 * lists the BCL holders on shift, and the deployed form
 * {@code lockout-officer-assignment} offers exactly them in its select (valuesKey); the
 * operator chooses one in Chromium; a value that is not offered is refused. A small
 * process stands for the callers' "propose, then assign" steps (the real ones are driven
 * by the process tests).
 */
class LockoutOfficerSelectBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldOfferTheBclHoldersOnShiftAndRecordTheChosenOfficer() {
		long instance = startDesignation();
		long taskKey = openTask(instance).getUserTaskKey();

		HttpResponse<String> notOffered = claimedBy("demo", taskKey).post("/console/tasks/" + taskKey + "/complete", Map
			.of("lockoutOfficerId", List.of("lockout-trainee"), "habilitationComment", List.of("trainee without BCL")));
		assertThat(notOffered.statusCode()).isEqualTo(422);
		assertThat(notOffered.body()).contains("Choose among the listed options");

		try (Browser browser = Browser.open(baseUrl()).signIn("demo")) {
			browser.go("/console/tasks/" + taskKey);
			WebElement select = browser.waitFor(By.id("input-lockoutOfficerId"));
			List<String> offered = new Select(select).getOptions()
				.stream()
				.map((o) -> o.getDomProperty("value"))
				.toList();
			assertThat(offered).contains("lockout-officer", "battery-technician")
				.doesNotContain("lockout-trainee", "retrofit-technician");
			new Select(select).selectByValue("lockout-officer");
			browser.type(By.id("input-habilitationComment"), "Laure is on shift with a valid BCL");
			browser.screenshot("lockout-officer-select");
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("completed");
		}
		assertThat(rootVariable(instance, "lockoutOfficerId")).isEqualTo("\"lockout-officer\"");
	}

	private long startDesignation() {
		String processId = "lockout-designation-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent()
				.serviceTask("task-propose-lockout-officers",
						(task) -> task.zeebeJobType("hrcomp.proposeLockoutOfficers"))
				.userTask("task-assign-lockout-officer")
				.zeebeUserTask()
				.zeebeFormId("lockout-officer-assignment")
				.zeebeCandidateGroups("battery-engineers")
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join();
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("batteryId", "PACK-" + processId, "operationDate", "2027-03-01"))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private UserTask openTask(long instance) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
	}

	private WebSession claimedBy(String username, long taskKey) {
		WebSession session = WebSession.signedIn(baseUrl(), username);
		session.post("/console/tasks/" + taskKey + "/claim", Map.of());
		return session;
	}

	private String rootVariable(long instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).scopeKey(instance).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

}
