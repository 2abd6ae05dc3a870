package fr.refactory.processes;

import java.util.UUID;

import fr.refactory.test.ProcessTestExtension;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every process test: Camunda Process Test (CPT 8.8.14, remote mode) against the embedded engine of the shared
 * test context, configured by {@code camunda.process-test.*} in {@code application-test.yml}. Use {@code client} to
 * deploy and start, {@code processTestContext} for CPT's helpers (completeJob, completeUserTask, mockJobWorker,
 * increaseTime) and {@code io.camunda.process.test.api.CamundaAssert} to verify. Both fields are set before each test.
 * <p>
 * The engine is shared with every other test and not purged: give each test its own process id
 * ({@link #uniqueId(String)}) or deploy the model once, and select user tasks, elements and decisions with the
 * process instance key (e.g. {@code UserTaskSelectors.byElementId(id, processInstanceKey)}), never by element id
 * alone. Job types must not be handled by the application's own {@code @JobWorker}s unless the test wants them to.
 * <p>
 * The same tests run against a Camunda 8 cluster by overriding {@code camunda.process-test.remote.*} (see README).
 */
@ExtendWith(ProcessTestExtension.class)
public abstract class ProcessTestSupport extends RefactoryIntegrationTest {

	/** CPT's client for this test (REST, signs in with {@code camunda.process-test.remote.client.auth.*}). */
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

	protected ProcessInstanceEvent start(String processId, java.util.Map<String, Object> variables) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join();
	}

}
