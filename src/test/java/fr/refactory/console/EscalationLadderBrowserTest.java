package fr.refactory.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import fr.refactory.engine.EngineClock;
import fr.refactory.records.AuditLog;
import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.InstanceWithVariable;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, ADR 0712: an unacknowledged T1 escalation climbs its ladder in the console
 * (intake-supervisors, then shift-leaders an hour later); the shift leader acknowledges
 * it and the ladder stops: past the level 3 delay the plant manager sees nothing. Time
 * passes on the engine clock only.
 */
class EscalationLadderBrowserTest extends RefactoryIntegrationTest {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	@Test
	void shouldClimbTwoLevelsOfTheT1LadderAndStopWhenTheShiftLeaderAcknowledges() {
		String vin = euVin();
		// the gate scanner announces an unknown vehicle: its master data wait to be
		// entered by hand (step 1.3)
		this.client.newPublishMessageCommand()
			.messageName("VehicleAtGate")
			.correlationKey(vin)
			.variables(java.util.Map.of("vin", vin))
			.send()
			.join();
		long intake = InstanceWithVariable.await(this.client, "vin", vin, "vehicle-intake", 0, Duration.ofSeconds(60));
		awaitOpenTask(intake, "task-enter-master-data");
		EngineClock clock = new EngineClock(baseUrl());
		By tasks = By.cssSelector("#task-table tbody tr");
		try (Browser browser = Browser.open(baseUrl()).signIn("intake-supervisor")) {
			clock.add(Duration.ofHours(4));
			long ladder = ladderOf(intake);
			awaitLevel(ladder, "intake-supervisors");

			browser.go(ladderTasks(vin));
			assertThat(browser.waitFor(tasks).getText()).contains("Acknowledge escalation")
				.contains(vin)
				.contains("escalation-ladder");
			browser.click(By.linkText("Acknowledge escalation"));
			assertThat(browser.waitFor(By.id("task-name")).getText()).isEqualTo("Acknowledge escalation");
			assertThat(browser.pageText()).contains("offered to intake-supervisors");
			browser.screenshot("escalation-level-1");

			clock.add(Duration.ofHours(1));
			awaitLevel(ladder, "shift-leaders");
			browser.signOut().signIn("shift-leader-morning").go(ladderTasks(vin));
			assertThat(browser.driver().findElements(tasks)).as("level 2 only: level 1 is not the shift leader's")
				.hasSize(1);
			browser.click(By.linkText("Acknowledge escalation"));
			assertThat(browser.waitFor(By.id("task-name")).getText()).isEqualTo("Acknowledge escalation");
			assertThat(browser.pageText()).contains("offered to shift-leaders");
			browser.click(By.id("claim"));
			assertThat(browser.waitFor(By.id("form-fields")).getText()).contains("Escalation level 2 of ladder T1")
				.contains("Vehicle not registered 4 h after its arrival at the gate (T1)");
			browser.click(By.name("escalationAcknowledged"));
			browser.click(By.cssSelector("input[name='escalationAction'][value='EXPEDITED']"));
			browser.type(By.id("input-escalationComment"), "ERP down, master data keyed in by hand");
			browser.screenshot("escalation-level-2");
			browser.click(By.id("complete"));
			browser.waitFor(By.id("task-count"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> isCompleted(ladder));

			clock.add(Duration.ofHours(2));
			browser.signOut().signIn("plant-manager").go(ladderTasks(vin));
			assertThat(browser.waitFor(By.id("task-count")).getText()).startsWith("0 open task");
			browser.signOut().signIn("intake-supervisor").go(ladderTasks(vin));
			assertThat(browser.driver().findElements(By.linkText("Acknowledge escalation")))
				.as("level 1 closed with the ladder")
				.isEmpty();
			assertThat(openTasks(ladder)).isEmpty();
			assertThat(this.auditLog.about(vin)).anySatisfy((entry) -> {
				assertThat(entry.action()).isEqualTo("TASK_COMPLETED");
				assertThat(entry.actor()).isEqualTo("shift-leader-morning");
				assertThat(entry.processInstanceKey()).isEqualTo(ladder);
			});
		}
		finally {
			clock.reset();
			this.client.newCancelInstanceCommand(intake).send().join();
		}
	}

	/** The console's task list filtered to the escalation levels about the vehicle. */
	private static String ladderTasks(String vin) {
		return "/console/tasks?process=escalation-ladder&subject=" + vin;
	}

	private void awaitOpenTask(long instance, String elementId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
				.send()
				.join()
				.items()
				.isEmpty());
	}

	private long ladderOf(long intake) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(intake).processDefinitionId("escalation-ladder"))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
	}

	private void awaitLevel(long ladder, String group) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(ladder).candidateGroup(group).state(UserTaskState.CREATED))
				.send()
				.join()
				.items()
				.isEmpty());
	}

	private List<Long> openTasks(long ladder) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(ladder).state(UserTaskState.CREATED))
			.send()
			.join()
			.items()
			.stream()
			.map((task) -> task.getUserTaskKey())
			.toList();
	}

	private boolean isCompleted(long ladder) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(ladder))
			.send()
			.join()
			.items()
			.stream()
			.anyMatch((instance) -> instance.getState() == ProcessInstanceState.COMPLETED);
	}

	/**
	 * A European VIN the simulated ERP does not know (master data by hand); D1 does not
	 * enforce its check digit.
	 */
	private static String euVin() {
		StringBuilder vin = new StringBuilder("WDB");
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		return vin.toString();
	}

}
