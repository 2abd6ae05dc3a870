package fr.refactory.processes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import fr.refactory.test.ProcessTestExtension;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.TestClientRequests;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every process test: Camunda Process Test (CPT 8.8.14, remote mode) against the
 * embedded engine of the shared test context, configured by
 * {@code camunda.process-test.*} in {@code application-test.yml}. Use {@code client} to
 * deploy and start, {@code processTestContext} for CPT's helpers (completeJob,
 * completeUserTask, mockJobWorker, increaseTime) and
 * {@code io.camunda.process.test.api.CamundaAssert} to verify. Both fields are set before
 * each test.
 * <p>
 * The engine is shared with every other test and not purged: give each test its own
 * process id ({@link #uniqueId(String)}) or deploy the model once, and select user tasks,
 * elements and decisions with the process instance key (e.g.
 * {@code UserTaskSelectors.byElementId(id, processInstanceKey)}), never by element id
 * alone. Job types must not be handled by the application's own {@code @JobWorker}s
 * unless the test wants them to.
 * <p>
 * The same tests run against a Camunda 8 cluster by overriding
 * {@code camunda.process-test.remote.*} (see README).
 */
@ExtendWith(ProcessTestExtension.class)
public abstract class ProcessTestSupport extends RefactoryIntegrationTest {

	private final List<Long> tracked = new ArrayList<>();

	/**
	 * CPT's client for this test (REST, signs in with
	 * {@code camunda.process-test.remote.client.auth.*}).
	 */
	protected CamundaClient client;

	/** CPT's helpers for this test. */
	protected CamundaProcessTestContext processTestContext;

	protected static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected void deploy(BpmnModelInstance model) {
		this.client.newDeployResourceCommand().addProcessModel(model, "model.bpmn").send().join();
	}

	protected void deployResource(String classpathResource) {
		this.client.newDeployResourceCommand().addResourceFromClasspath(classpathResource).send().join();
	}

	protected ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join();
	}

	@BeforeEach
	void recordTestClientRequests() {
		TestClientRequests.startRecording();
	}

	/**
	 * Fails the test when it gave an instance a variable nothing in the product supplies
	 * (issue 15).
	 */
	@AfterEach
	void checkNoInventedVariables() {
		List<String> invented = InjectedVariables.inventedBy(TestClientRequests.stopRecording(), this.client);
		if (!invented.isEmpty()) {
			throw new AssertionError("The test gives instances variables the product cannot produce (a path only a "
					+ "test reaches; see InjectedVariables):\n  " + String.join("\n  ", invented));
		}
	}

	/**
	 * Remembers an instance the test started, so that it is cancelled after the test if
	 * it still runs.
	 */
	protected long track(long processInstanceKey) {
		this.tracked.add(processInstanceKey);
		return processInstanceKey;
	}

	/** The instance the test tracked last. */
	protected long lastTracked() {
		return this.tracked.get(this.tracked.size() - 1);
	}

	/**
	 * Cancels the tracked instances that still run (the engine is shared and not purged);
	 * {@code -DkeepInstances=true} keeps them for the failure dump instead.
	 */
	@AfterEach
	void cancelTrackedInstances() {
		if (Boolean.getBoolean("keepInstances")) {
			return;
		}
		for (long key : this.tracked) {
			try {
				this.client.newCancelInstanceCommand(key).send().join();
			}
			catch (RuntimeException ex) {
				// already ended
			}
		}
	}

	/** Completes the open user task of the element in the instance. */
	protected void complete(long processInstanceKey, String elementId, Map<String, Object> variables) {
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId(elementId, processInstanceKey),
				variables);
	}

	protected void publish(String message, String correlationKey, Map<String, Object> variables) {
		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey(correlationKey)
			.variables(variables)
			.send()
			.join();
	}

	/**
	 * A variable of the instance's root scope as text without quotes, or null while it
	 * does not exist.
	 */
	protected String variableOrNull(long processInstanceKey, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey).name(name))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map((v) -> v.getValue().replace("\"", ""))
			.orElse(null);
	}

	/** Like {@link #variableOrNull}, waiting up to 30 s for the variable to exist. */
	protected String awaitVariable(long processInstanceKey, String name) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> variableOrNull(processInstanceKey, name), Objects::nonNull);
	}

	/**
	 * What D5 requires to claim the instance's open task of that element, from the task's
	 * operationType header and its vehicleHasHvSystem variable, as the console's claim
	 * guard asks it.
	 */
	protected String requiredSymbolToClaim(long key, String elementId) {
		io.camunda.client.api.search.response.UserTask task = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(key).elementId(elementId))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
		Object hvSystem = this.client.newUserTaskVariableSearchRequest(task.getUserTaskKey())
			.filter((f) -> f.name("vehicleHasHvSystem"))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map((v) -> Boolean.valueOf(v.getValue()))
			.orElse(null);
		Map<String, Object> facts = new java.util.HashMap<>();
		facts.put("operationType", task.getCustomHeaders().get("operationType"));
		facts.put("vehicleHasHvSystem", hvSystem);
		String output = this.client.newEvaluateDecisionCommand()
			.decisionId("hv-habilitation-required")
			.variables(facts)
			.send()
			.join()
			.getDecisionOutput();
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(output).get("requiredSymbol").asText();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(output, ex);
		}
	}

	/**
	 * The officer an operator picks in the lockout officer select (form
	 * {@code lockout-officer-assignment}): the first of the options the competency
	 * register proposed in {@code lockoutOfficerCandidates}, waiting up to 30 s.
	 */
	protected String proposedLockoutOfficer(long processInstanceKey) {
		String options = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newVariableSearchRequest()
				.filter((f) -> f.processInstanceKey(processInstanceKey).name("lockoutOfficerCandidates"))
				.send()
				.join()
				.items()
				.stream()
				.findFirst()
				.map((v) -> v.getValue())
				.orElse(null), Objects::nonNull);
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(options).get(0).get("value").asText();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("lockoutOfficerCandidates is not a list of options: " + options, ex);
		}
	}

	/**
	 * Moves the engine clock just past the due date that the instance's
	 * {@code calendar.dueDate} task computed into the variable on the plant calendar (ADR
	 * 0700), waiting up to 30 s for it; the due date.
	 */
	protected java.time.OffsetDateTime moveClockPastDueDate(long processInstanceKey, String dueDateVariable) {
		java.time.OffsetDateTime due = java.time.OffsetDateTime
			.parse(awaitVariable(processInstanceKey, dueDateVariable));
		Duration ahead = Duration.between(this.processTestContext.getCurrentTime(), due.toInstant());
		if (!ahead.isNegative()) {
			this.processTestContext.increaseTime(ahead.plusSeconds(1));
		}
		return due;
	}

	/**
	 * The first active child instance (of a call activity) of the instance, waiting up to
	 * 30 s for one.
	 */
	protected long activeChild(long processInstanceKey) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(processInstanceKey).state(ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
	}

}
