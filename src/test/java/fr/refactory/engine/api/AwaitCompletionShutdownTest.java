package fr.refactory.engine.api;

import java.time.Duration;

import fr.refactory.engine.execution.ProcessCompletions;
import fr.refactory.test.EngineTestSupport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the engine stops, a caller awaiting an instance's completion is answered 503 at
 * once, not kept waiting.
 */
class AwaitCompletionShutdownTest extends EngineTestSupport {

	@Autowired
	private ProcessCompletions completions;

	@AfterEach
	void restart() {
		this.completions.start();
	}

	@Test
	void shouldAnswerAnAwaitingCreationUnavailableWhileTheEngineStops() {
		String processId = uniqueId("await-shutdown");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		this.completions.stop();

		var problem = problem(() -> this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.withResult()
			.requestTimeout(Duration.ofMinutes(1))
			.send()
			.join(), 503);

		assertThat(problem.details().getTitle()).isEqualTo("UNAVAILABLE");
		assertThat(problem.details().getDetail()).contains("shutting down");
	}

}
