package fr.refactory.console.start;

import java.util.List;
import java.util.UUID;

import fr.refactory.console.start.DemoDataLoader.Outcome;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.AuditQuery;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader, run explicitly (the test configuration turns it off so task lists stay
 * deterministic). Each test uses its own marker and process, so it does not see the
 * others' announcements.
 */
class DemoDataLoaderTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DemoDataLoader loader;

	@Test
	void shouldAnnounceTheDemoArrivalsOnceAndNeverTwice() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String processId = "console-demo-" + suffix;
		deployIntakeLike(processId);
		String vin = ("VF1DEMO" + suffix.toUpperCase() + "000").replaceAll("[IOQ]", "7").substring(0, 17);
		DemoData demo = new DemoData("demo-test-" + suffix, List.of(processId),
				List.of(DemoAnnouncement.vehicle("AS-10", vin, "USED_CAR_REFURB", "Dealer")));

		assertThat(this.loader.load(demo)).isEqualTo(Outcome.ANNOUNCED);
		assertThat(this.loader.load(demo)).isEqualTo(Outcome.ALREADY_DONE);

		Awaitility.await()
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((filter) -> filter.processDefinitionId(processId))
				.send()
				.join()
				.items()
				.size(), (count) -> count == 1);
		List<AuditEntry> entries = this.auditLog.search(new AuditQuery(demo.marker(), null, null, null, 10));
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.subjectKey()).isEqualTo(vin);
			assertThat(entry.data()).contains("AS-10").contains("VehicleArrivalAnnounced");
		});
		undeploy(processId);
	}

	@Test
	void shouldAnnounceNothingAndRememberNothingWhileTheProcessesAreNotDeployed() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		DemoData demo = new DemoData("demo-test-" + suffix, List.of("not-deployed-" + suffix),
				List.of(DemoAnnouncement.vehicle("AS-10", "VF1RJA00X62345678", "USED_CAR_REFURB", "Dealer")));

		assertThat(this.loader.load(demo)).isEqualTo(Outcome.PROCESSES_NOT_DEPLOYED);
		assertThat(this.loader.load(demo)).as("tried again").isEqualTo(Outcome.PROCESSES_NOT_DEPLOYED);
		assertThat(this.auditLog.search(new AuditQuery(demo.marker(), null, null, null, 10))).isEmpty();
	}

	@Test
	void shouldBeOnByDefaultOnlyWithTheEmbeddedDatabase() {
		assertThat(this.loader.isEnabled()).as("off in the test configuration").isFalse();
		assertThat(withEnvironment(new MockEnvironment()).isEnabled()).isTrue();
		assertThat(withEnvironment(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/refactory"))
			.isEnabled()).isFalse();
		assertThat(withEnvironment(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/r")
			.withProperty("refactory.demo.enabled", "true")).isEnabled()).isTrue();
	}

	@Test
	void shouldAnnounceOnlyVinsTheStartFormWouldAccept() {
		assertThat(DemoData.refactoryScenarios().announcements())
			.filteredOn((announcement) -> announcement.subjectType().equals("VEHICLE"))
			.allSatisfy((announcement) -> assertThat(announcement.correlationKey()).matches("^[A-HJ-NPR-Z0-9]{17}$"))
			.hasSizeGreaterThanOrEqualTo(3);
	}

	private DemoDataLoader withEnvironment(MockEnvironment environment) {
		return new DemoDataLoader(this.client, null, this.auditLog, environment);
	}

	/**
	 * The intake-like process listens to the plant's real
	 * {@code VehicleArrivalAnnounced}: left deployed in the shared engine, every later
	 * test's announcement would also start it and could be answered with its instance.
	 */
	private void undeploy(String processId) {
		this.client.newProcessInstanceSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.forEach(
					(instance) -> this.client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join());
		this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.forEach((definition) -> this.client.newDeleteResourceCommand(definition.getProcessDefinitionKey())
				.send()
				.join());
	}

	private void deployIntakeLike(String processId) {
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent()
				.message((message) -> message.name("VehicleArrivalAnnounced").zeebeCorrelationKeyExpression("vin"))
				.userTask("task-gate")
				.zeebeUserTask()
				.zeebeCandidateGroups("intake-operators")
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join();
	}

}
