package fr.refactory.engine;

import java.util.UUID;

import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared helpers for the engine conformance tests: unique ids, deploy, expected problems. */
public abstract class EngineTestSupport extends RefactoryIntegrationTest {

	@Autowired
	protected CamundaClient client;

	protected static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected DeploymentEvent deploy(BpmnModelInstance model) {
		return this.client.newDeployResourceCommand().addProcessModel(model, "model.bpmn").send().join();
	}

	protected long deployProcess(BpmnModelInstance model) {
		return deploy(model).getProcesses().get(0).getProcessDefinitionKey();
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
