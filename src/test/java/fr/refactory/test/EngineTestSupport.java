package fr.refactory.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.LoggedEvent;
import fr.refactory.engine.state.ValueType;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shared helpers for tests that drive processes through the application's CamundaClient
 * (engine conformance tests, worker end-to-end tests): unique ids, deploy, start,
 * history, variables, jobs, incidents, expected problems.
 */
public abstract class EngineTestSupport extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	protected CamundaClient client;

	@Autowired
	private EventLog eventLog;

	protected static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected DeploymentEvent deploy(BpmnModelInstance model) {
		return this.client.newDeployResourceCommand().addProcessModel(model, "model.bpmn").send().join();
	}

	protected long deployProcess(BpmnModelInstance model) {
		return deploy(model).getProcesses().get(0).getProcessDefinitionKey();
	}

	protected long start(String processId, Map<String, Object> variables) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	protected long start(String processId) {
		return start(processId, Map.of());
	}

	protected List<ElementInstance> elements(long processInstanceKey) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.sort((s) -> s.elementInstanceKey().asc())
			.send()
			.join()
			.items();
	}

	/**
	 * "elementId:STATE" for every element instance except the process, in creation order.
	 */
	protected List<String> history(long processInstanceKey) {
		return elements(processInstanceKey).stream()
			.filter((e) -> e.getType() != ElementInstanceType.PROCESS)
			.map((e) -> e.getElementId() + ":" + e.getState())
			.toList();
	}

	/**
	 * The instance's event sequence, as Zeebe's engine tests assert it:
	 * "elementId:INTENT" for the element lifecycle and taken sequence flows (process
	 * instance records), "VALUE_TYPE elementId:INTENT" for every other event (jobs, user
	 * tasks, variables, incidents, timers...).
	 */
	protected List<String> events(long processInstanceKey) {
		return this.eventLog.ofProcessInstance(processInstanceKey).stream().map(EngineTestSupport::describe).toList();
	}

	/**
	 * The element lifecycle and taken sequence flows only ({@link #events} of process
	 * instance records).
	 */
	protected List<String> elementEvents(long processInstanceKey) {
		return this.eventLog.ofProcessInstance(processInstanceKey)
			.stream()
			.filter((event) -> event.valueType() == ValueType.PROCESS_INSTANCE)
			.map(EngineTestSupport::describe)
			.toList();
	}

	private static String describe(LoggedEvent event) {
		String element = event.elementId() == null ? "" : event.elementId();
		return (event.valueType() == ValueType.PROCESS_INSTANCE ? "" : event.valueType() + " ") + element + ":"
				+ event.intent();
	}

	protected ProcessInstanceState state(long processInstanceKey) {
		return this.client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState();
	}

	/** Root-scope variables as name to JSON text. */
	protected Map<String, String> rootVariables(long processInstanceKey) {
		return variablesOfScope(processInstanceKey);
	}

	protected Map<String, String> variablesOfScope(long scopeKey) {
		Map<String, String> result = new TreeMap<>();
		this.client.newVariableSearchRequest()
			.filter((f) -> f.scopeKey(scopeKey))
			.send()
			.join()
			.items()
			.forEach((v) -> result.put(v.getName(), v.getValue()));
		return result;
	}

	protected List<ActivatedJob> activate(String type, int max) {
		return this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(max)
			.requestTimeout(Duration.ofSeconds(5))
			.send()
			.join()
			.getJobs();
	}

	/**
	 * The jobs of the type that can be activated now, for a test that expects none: the
	 * engine creates a command's jobs in the command's own transaction, so what the
	 * commands sent so far created is there already, and a 5 s long poll
	 * ({@link #activate}) would only wait out its time-out (one per call, 5 s of verify
	 * time each).
	 */
	protected List<ActivatedJob> activatableNow(String type, int max) {
		return this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(max)
			.requestTimeout(Duration.ofMillis(200))
			.send()
			.join()
			.getJobs();
	}

	protected ActivatedJob activateOne(String type) {
		List<ActivatedJob> jobs = activate(type, 1);
		assertThat(jobs).as("an activatable job of type %s", type).hasSize(1);
		return jobs.get(0);
	}

	protected List<Incident> incidents(long processInstanceKey) {
		return this.client.newIncidentSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
	}

	/** Publishes a message that is not buffered (time to live zero). */
	protected void publish(String name, String correlationKey, Map<String, Object> variables) {
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey(correlationKey)
			.timeToLive(Duration.ZERO)
			.variables(variables)
			.send()
			.join();
	}

	/** Completes the open user task of the element in the instance. */
	protected void completeUserTask(long processInstanceKey, String elementId) {
		long task = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey).elementId(elementId).state(UserTaskState.CREATED))
			.send()
			.join()
			.items()
			.get(0)
			.getUserTaskKey();
		this.client.newCompleteUserTaskCommand(task).send().join();
	}

	protected List<MessageSubscription> messageSubscriptions(long processInstanceKey) {
		return this.client.newMessageSubscriptionSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
	}

	/**
	 * A raw call to the engine API as the tests' admin user, for bodies the client cannot
	 * send.
	 */
	protected java.net.http.HttpResponse<String> raw(String method, String path, String contentType, String body)
			throws Exception {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString("demo:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", contentType)
			.method(method,
					body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
							: java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build();
		return java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	protected static ProblemException problem(ThrowingCallable call, int status) {
		Throwable[] caught = new Throwable[1];
		assertThatThrownBy(() -> {
			try {
				call.call();
			}
			catch (Throwable ex) {
				caught[0] = ex;
				throw ex;
			}
		}).isInstanceOf(ProblemException.class);
		ProblemException problem = (ProblemException) caught[0];
		org.assertj.core.api.Assertions.assertThat(problem.details().getStatus()).isEqualTo(status);
		return problem;
	}

}
