package fr.refactory.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.LoggedEvent;
import fr.refactory.engine.state.ValueType;
import fr.refactory.engine.timer.TimerChecker;
import fr.refactory.test.EngineTestSupport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The event log as history: who caused each event, what it wrote, and the actor of the
 * engine's own continuations.
 */
class EventLogTest extends EngineTestSupport {

	/**
	 * A plant system's API user (role PLANT_SYSTEM): may start instances, not set
	 * variables.
	 */
	private static final String PLANT_SYSTEM = "plant-system";

	@Autowired
	private EventLog eventLog;

	@Autowired
	private ControlledClock engineClock;

	@Autowired
	private TimerChecker timerChecker;

	/**
	 * The user of the tests' client (AdminClients), which causes the events of the
	 * instances the tests start.
	 */
	@Value("${camunda.process-test.remote.client.auth.username:demo}")
	private String apiClient;

	@AfterEach
	void resetClock() {
		this.engineClock.reset();
	}

	@Test
	void shouldRecordTheApiClientOfTheRequestAndTheVariablesEachEventWrote() {
		// given
		String id = uniqueId("logged");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		// when
		long key = start(id, Map.of("vin", "VF1LOG"));

		// then
		List<LoggedEvent> events = this.eventLog.ofProcessInstance(key);
		assertThat(events).extracting(LoggedEvent::actor).containsOnly(this.apiClient);
		assertThat(events).extracting(LoggedEvent::position).isSorted();
		assertThat(events).filteredOn((event) -> event.valueType() == ValueType.VARIABLE)
			.extracting(LoggedEvent::intent, LoggedEvent::variables)
			.containsExactly(tuple(Intent.CREATED, "{\"vin\": \"VF1LOG\"}"));
	}

	@Test
	void shouldGiveAFiredTimerTheActorWhoseCommandCreatedIt() throws Exception {
		// given a timer created by a plant system's start, and a later command by another
		// user (the tests' client)
		String id = uniqueId("timer-actor");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.intermediateCatchEvent("wait")
			.timerWithDuration("PT1H")
			.endEvent("end")
			.done());
		HttpResponse<String> started = as(PLANT_SYSTEM, "POST", "/v2/process-instances",
				"{\"processDefinitionId\": \"" + id + "\"}");
		assertThat(started.statusCode()).isEqualTo(200);
		long key = new ObjectMapper().readTree(started.body()).get("processInstanceKey").asLong();
		this.client.newSetVariablesCommand(key).variables(Map.of("note", "checked")).send().join();

		// when the engine fires the timer on its own thread
		this.engineClock.add(Duration.ofHours(2));
		this.timerChecker.checkNow();

		// then
		List<LoggedEvent> events = this.eventLog.ofProcessInstance(key);
		assertThat(events).filteredOn((event) -> event.valueType() == ValueType.VARIABLE)
			.extracting(LoggedEvent::actor)
			.containsExactly(this.apiClient);
		assertThat(events).filteredOn((event) -> event.valueType() == ValueType.TIMER)
			.extracting(LoggedEvent::intent, LoggedEvent::actor)
			.containsExactly(tuple(Intent.CREATED, PLANT_SYSTEM), tuple(Intent.TRIGGERED, PLANT_SYSTEM));
		assertThat(events).filteredOn((event) -> "end".equals(event.elementId()))
			.extracting(LoggedEvent::actor)
			.containsOnly(PLANT_SYSTEM)
			.hasSize(4);
	}

	@Test
	void shouldServeTheInstanceEventsInOrderAndAnswerNotFoundForAnUnknownInstance() throws Exception {
		// given
		String id = uniqueId("served");
		deploy(Bpmn.createExecutableProcess(id).startEvent("start").endEvent("end").done());
		long key = start(id);

		// when
		HttpResponse<String> events = asDemo("GET", "/v2/process-instances/" + key + "/events", null);
		HttpResponse<String> unknown = asDemo("GET", "/v2/process-instances/123/events", null);

		// then
		assertThat(events.statusCode()).isEqualTo(200);
		JsonNode items = new ObjectMapper().readTree(events.body()).get("items");
		assertThat(items).hasSize(this.eventLog.ofProcessInstance(key).size());
		assertThat(items.get(0).get("intent").asText()).isEqualTo("ELEMENT_ACTIVATING");
		assertThat(items.get(0).get("elementId").asText()).isEqualTo(id);
		assertThat(items.get(0).get("key").asText()).isEqualTo(Long.toString(key));
		assertThat(items.get(0).get("actor").asText()).isEqualTo(this.apiClient);
		assertThat(items.get(items.size() - 1).get("intent").asText()).isEqualTo("ELEMENT_COMPLETED");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldLogAJobTimeOutWithTheActorWhoseCommandCreatedTheJob() {
		// given a job activated by a worker that never answers
		String id = uniqueId("timed-out");
		String type = uniqueId("silent");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);
		this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.timeout(Duration.ofMillis(1))
			.send()
			.join();

		// when the engine's deadline checker releases it (a second worker then gets it)
		assertThat(this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofSeconds(20))
			.send()
			.join()
			.getJobs()).hasSize(1);

		// then
		assertThat(this.eventLog.ofProcessInstance(key)).filteredOn((event) -> event.valueType() == ValueType.JOB)
			.extracting(LoggedEvent::elementId, LoggedEvent::intent, LoggedEvent::actor)
			.containsExactly(tuple("task", Intent.CREATED, this.apiClient),
					tuple("task", Intent.TIMED_OUT, this.apiClient));
	}

	@Test
	void shouldLogAnIncidentFromAFailedJobAndItsResolution() {
		// given
		String id = uniqueId("incident-events");
		String type = uniqueId("failing");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);
		long job = activateOne(type).getKey();
		this.client.newFailCommand(job).retries(0).errorMessage("plant offline").send().join();
		long incident = incidents(key).get(0).getIncidentKey();

		// when
		this.client.newUpdateRetriesCommand(job).retries(1).send().join();
		this.client.newResolveIncidentCommand(incident).send().join();

		// then
		assertThat(events(key)).filteredOn((event) -> event.startsWith("JOB") || event.startsWith("INCIDENT"))
			.containsExactly("JOB task:CREATED", "JOB task:FAILED", "INCIDENT task:CREATED", "JOB task:RETRIES_UPDATED",
					"INCIDENT task:RESOLVED");
	}

	private HttpResponse<String> asDemo(String method, String path, String body) throws Exception {
		return as("demo", method, path, body);
	}

	/** A request of a development user (password demo) over HTTP basic. */
	private HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
