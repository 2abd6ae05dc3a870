package fr.refactory.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.refactory.console.start.DemoAnnouncement;
import fr.refactory.console.start.DemoData;
import fr.refactory.console.start.DemoDataLoader;
import fr.refactory.console.start.DemoDataLoader.Outcome;
import fr.refactory.console.start.DemoWorkInProgress;
import fr.refactory.test.InstanceWithVariable;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with the real models of processes/ (deployed at start-up) and the
 * application's own workers: the start forms start vehicle-intake and remanufacture,
 * whose first user task reaches the right group's list; the demo arrivals start instances
 * that reach their first user task without an incident.
 */
class RealModelsConsoleTest extends RefactoryIntegrationTest {

	private static final Duration PROCESS_WAIT = Duration.ofSeconds(60);

	/** The variable holding the subject in each process the demo starts. */
	private static final Map<String, String> SUBJECT_VARIABLES = Map.of("vehicle-intake", "vin", "remanufacture",
			"coreSerial", "battery-triage", "batteryId", "diagnosis", "vin", "lcv-retrofit", "vin", "quality-gate",
			"subjectKey", "hv-lockout", "subjectKey");

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	DemoDataLoader loader;

	@Test
	void shouldStartTheRealIntakeFromTheVehicleArrivalFormAndOfferItsFirstTaskToIntakeOperators() {
		String vin = ("VF1RJA" + UUID.randomUUID().toString().replace("-", "").toUpperCase()).replaceAll("[IOQ]", "7")
			.substring(0, 17);
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");

		HttpResponse<String> announced = operator.post("/console/start/vehicle-arrival", Map.of("vin", List.of(vin),
				"declaredProgram", List.of("USED_CAR_REFURB"), "senderId", List.of("Dealer Mantes")));
		assertThat(announced.body()).contains("Announced a vehicle arrival: " + vin);
		long instance = instanceWith("vin", vin, "vehicle-intake");
		publish("VehicleAtGate", vin, Map.of());

		UserTask first = firstUserTaskWithoutIncident(instance);
		assertThat(first.getCandidateGroups()).containsExactly("intake-operators");
		assertThat(operator.get("/console/tasks?subject=" + vin).body()).contains(first.getName())
			.contains("href=\"/console/tasks/" + first.getUserTaskKey() + "\"");
		assertThat(WebSession.signedIn(baseUrl(), "reman-technician").get("/console/tasks?subject=" + vin).body())
			.doesNotContain("/console/tasks/" + first.getUserTaskKey() + "\"");
	}

	@Test
	void shouldStartTheRealRemanufactureFromTheCoreArrivalFormAndOfferTheInspectionToCoreInspectors() {
		String serial = "GBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		WebSession remaker = WebSession.signedIn(baseUrl(), "reman-technician");

		HttpResponse<String> announced = remaker.post("/console/start/core-arrival",
				Map.of("coreSerial", List.of(serial), "partNumber", List.of("320109725R"), "partFamily",
						List.of("GEARBOX"), "origin", List.of("DEALER_RETURN"), "exchangeSaleId",
						List.of("XS-" + serial), "exchangeSaleDate", List.of("2026-11-19")));
		assertThat(announced.body()).contains(serial);
		long instance = instanceWith("coreSerial", serial, "remanufacture");
		publish("CoreReceived", serial, Map.of("partNumber", "320109725R", "receiptDate", "2026-12-01",
				"daysSinceExchangeSale", 12, "exchangeSaleId", "XS-" + serial));

		UserTask first = firstUserTaskWithoutIncident(instance);
		assertThat(first.getElementId()).isEqualTo("task-inspect-core");
		assertThat(first.getCandidateGroups()).containsExactly("core-inspectors");
		assertThat(remaker.get("/console/tasks?subject=" + serial).body()).contains("Inspect core")
			.contains("href=\"/console/tasks/" + first.getUserTaskKey() + "\"");
		assertThat(WebSession.signedIn(baseUrl(), "intake-operator").get("/console/tasks?subject=" + serial).body())
			.doesNotContain("/console/tasks/" + first.getUserTaskKey() + "\"");
	}

	/**
	 * The demo plant (ADR 0404): each arrival starts one instance; once the vehicle is at
	 * the gate or the core received, by the demo itself or as the plant would signal,
	 * each instance reaches its first user task without an incident, and so does each
	 * piece of work in progress.
	 */
	@Test
	void shouldAnnounceDemoArrivalsThatRunWithoutIncidents() {
		DemoData demo = DemoData.refactoryScenarios();
		// the demo keys are the brief's scenario VINs and serials, which other tests of
		// this shared engine may use too
		long before = this.client.newProcessInstanceSearchRequest()
			.sort((sort) -> sort.processInstanceKey().desc())
			.page((page) -> page.limit(1))
			.send()
			.join()
			.items()
			.stream()
			.mapToLong((found) -> found.getProcessInstanceKey())
			.findFirst()
			.orElse(0);

		assertThat(this.loader.load(demo)).isEqualTo(Outcome.ANNOUNCED);

		List<Long> started = new ArrayList<>();
		try {
			runDemoArrivals(demo, before, started);
		}
		finally {
			// the brief's keys must be free again for the process tests that use them
			// (one active instance per key)
			started.stream()
				.filter(this::isActive)
				.forEach((instance) -> this.client.newCancelInstanceCommand(instance).send().join());
		}
	}

	private void runDemoArrivals(DemoData demo, long before, List<Long> started) {
		Set<String> movedOnByTheDemo = demo.announcements()
			.stream()
			.filter(DemoAnnouncement::followUp)
			.map(DemoAnnouncement::correlationKey)
			.collect(Collectors.toSet());
		for (DemoAnnouncement announcement : demo.announcements()) {
			if (announcement.followUp()) {
				continue;
			}
			String key = announcement.correlationKey();
			String processId = switch (announcement.subjectType()) {
				case "VEHICLE" -> "vehicle-intake";
				case "PART" -> "remanufacture";
				default -> "battery-triage";
			};
			long instance = instanceWith(SUBJECT_VARIABLES.get(processId), key, processId, before);
			started.add(instance);
			if (!movedOnByTheDemo.contains(key) && processId.equals("vehicle-intake")) {
				publish("VehicleAtGate", key, Map.of());
			}
			else if (!movedOnByTheDemo.contains(key) && processId.equals("remanufacture")) {
				publish("CoreReceived", key, Map.of("partNumber", announcement.variables().get("partNumber"),
						"receiptDate", "2026-12-01", "daysSinceExchangeSale", 20, "exchangeSaleId", "XS-" + key));
			}
			UserTask first = firstUserTaskWithoutIncident(instance);
			assertThat(first.getCandidateGroups()).as("first task of %s", key)
				.containsAnyOf("intake-operators", "intake-supervisors", "core-inspectors", "battery-operators");
		}
		for (DemoWorkInProgress work : demo.workInProgress()) {
			long instance = instanceWith(SUBJECT_VARIABLES.get(work.processId()), work.subjectKey(), work.processId(),
					before);
			started.add(instance);
			settledWithoutIncident(instance, work.scenario());
		}
	}

	private long instanceWith(String variable, String value, String processId) {
		return instanceWith(variable, value, processId, 0);
	}

	private long instanceWith(String variable, String value, String processId, long after) {
		return InstanceWithVariable.await(this.client, variable, value, processId, after, PROCESS_WAIT);
	}

	private void publish(String message, String correlationKey, Map<String, Object> variables) {
		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey(correlationKey)
			.timeToLive(Duration.ofMinutes(1))
			.variables(variables)
			.send()
			.join();
	}

	/**
	 * Work in progress waits at a user task or has ended (a lockout whose certificate is
	 * its last step stays in place after its instance ends, ADR 0711); either way without
	 * an incident.
	 */
	private void settledWithoutIncident(long instance, String scenario) {
		Awaitility.await()
			.atMost(PROCESS_WAIT)
			.until(() -> !openTasks(instance).isEmpty() || !incidents(instance).isEmpty() || !isActive(instance));
		assertThat(incidents(instance)).as("incidents of %s", scenario).isEmpty();
	}

	private boolean isActive(long instance) {
		return this.client.newProcessInstanceGetRequest(instance)
			.send()
			.join()
			.getState() == ProcessInstanceState.ACTIVE;
	}

	/**
	 * Waits for the instance's first open user task, failing on the first incident
	 * instead.
	 */
	private UserTask firstUserTaskWithoutIncident(long instance) {
		Awaitility.await()
			.atMost(PROCESS_WAIT)
			.until(() -> !openTasks(instance).isEmpty() || !incidents(instance).isEmpty());
		assertThat(incidents(instance).stream().map((i) -> i.getElementId() + ": " + i.getErrorMessage()).toList())
			.as("incidents of instance %s", instance)
			.isEmpty();
		return openTasks(instance).get(0);
	}

	private List<UserTask> openTasks(long instance) {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	private List<Incident> incidents(long instance) {
		return this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instance))
			.send()
			.join()
			.items();
	}

}
