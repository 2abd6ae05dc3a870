package fr.refactory.console.start;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.refactory.console.OperatorTasks;
import fr.refactory.console.TaskQuery;
import fr.refactory.console.TaskRow;
import fr.refactory.console.start.DemoDataLoader.Outcome;
import fr.refactory.system.security.RefactoryUsersProperties;
import fr.refactory.system.security.UserDirectory;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15: after the first start every development user of the shop floor (every
 * configured user with a candidate group but demo, the process owner and the auditor)
 * finds work. The real demo plant (the loader is off in the test configuration, so it
 * runs here under its own marker) against the deployed models and the application's
 * workers; each user's list is read through the console's own query, polled with a bound
 * (no timing is asserted). The instances it creates are cancelled afterwards: other tests
 * use the same scenario VINs.
 */
class DemoPlantTest extends RefactoryIntegrationTest {

	/** Users without shop-floor work: everything (demo), the models, the records. */
	private static final Set<String> NOT_ON_THE_SHOP_FLOOR = Set.of("demo", "process-owner", "auditor",
			// their groups see escalations only (ADR 0712), not demo work
			"shift-leader-morning", "shift-leader-afternoon", "plant-manager");

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	DemoDataLoader loader;

	@Autowired
	OperatorTasks tasks;

	@Autowired
	UserDirectory users;

	@Autowired
	RefactoryUsersProperties configuredUsers;

	private final DemoData plant = DemoData.refactoryScenarios(LocalDate.now());

	@Test
	void shouldGiveEveryOperatorUserWorkAfterTheFirstStart() {
		DemoData demo = new DemoData("demo-plant-test-" + UUID.randomUUID().toString().substring(0, 8),
				this.plant.requiredProcesses(), this.plant.announcements(), this.plant.workInProgress());

		assertThat(this.loader.load(demo)).isEqualTo(Outcome.ANNOUNCED);

		for (String operator : operators()) {
			List<TaskRow> found = Awaitility.await()
				.atMost(Duration.ofSeconds(90))
				// at once: after the first operators, the others' tasks are there already
				// (a fixed interval alone
				// also delays the first look by the interval, once per operator)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> demoTasksOf(operator), (rows) -> !rows.isEmpty());
			assertThat(found).as("tasks of %s", operator)
				.allSatisfy((row) -> assertThat(subjects()).contains(row.subject()));
		}
		Set<String> groupsWithWork = operators().stream()
			.flatMap((operator) -> demoTasksOf(operator).stream())
			.flatMap((row) -> row.candidateGroups().stream())
			.collect(Collectors.toSet());
		assertThat(groupsWithWork).contains("intake-operators", "diagnostic-technicians", "retrofit-technicians",
				"core-inspectors", "battery-operators", "quality-inspectors", "hv-lockout-officers", "mechanics",
				"bodywork-technicians", "paint-technicians", "retrofit-engineers", "retrofit-managers",
				"logistics-receivers", "customer-service", "registration-clerks", "dismantling-admin",
				"dismantling-operators", "hse-officers", "quality-engineers", "battery-engineers");
	}

	/**
	 * Every development user of application.yml with a candidate group, but those not on
	 * the shop floor.
	 */
	private List<String> operators() {
		return this.configuredUsers.users()
			.stream()
			.filter((user) -> !user.groups().isEmpty() && !NOT_ON_THE_SHOP_FLOOR.contains(user.username()))
			.map((user) -> user.username())
			.toList();
	}

	@AfterEach
	void cancelTheDemoInstances() {
		new DemoPlantInstances(this.client, this.plant).cancelAll();
	}

	private List<TaskRow> demoTasksOf(String operator) {
		Set<String> subjects = subjects();
		return this.tasks
			.openTasks(operator, this.users.groupsOf(operator), new TaskQuery(null, null, null, null, null, null, null))
			.stream()
			.filter((row) -> subjects.contains(row.subject()))
			.toList();
	}

	private Set<String> subjects() {
		return new DemoPlantInstances(this.client, this.plant).subjects();
	}

}
