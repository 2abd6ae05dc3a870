package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message intermediate throw events and message end events: as in Camunda 8, a job of the
 * event's task definition (a worker sends the message); the event completes when the job
 * does.
 */
class MessageThrowEventTest extends EngineTestSupport {

	@Test
	void shouldWaitAtAMessageThrowEventForItsJobThenContinue() {
		String processId = uniqueId("message-throw");
		String jobType = processId + "-notify";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.intermediateThrowEvent("notifyWorkshop",
					(e) -> e.message("workshop-notified").zeebeJobType(jobType).zeebeTaskHeader("channel", "mes"))
			.userTask("next", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long instance = start(processId, Map.of("vin", "VF1THROW"));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "notifyWorkshop:ACTIVE");

		ActivatedJob job = activateOne(jobType);
		assertThat(job.getElementId()).isEqualTo("notifyWorkshop");
		assertThat(job.getCustomHeaders()).containsEntry("channel", "mes");
		this.client.newCompleteCommand(job.getKey()).variables(Map.of("sent", true)).send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "notifyWorkshop:COMPLETED", "next:ACTIVE");
		assertThat(rootVariables(instance)).containsEntry("sent", "true");
	}

	@Test
	void shouldCompleteTheProcessWhenTheJobOfAMessageEndEventCompletes() {
		String processId = uniqueId("message-end");
		String jobType = processId + "-send";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.endEvent("sendResult", (e) -> e.message("result-sent").zeebeJobType(jobType))
			.done());
		long instance = start(processId);
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);

		this.client.newCompleteCommand(activateOne(jobType).getKey()).send().join();

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCancelTheJobOfAMessageThrowEventWhenTheInstanceIsCancelled() {
		String processId = uniqueId("message-throw-cancel");
		String jobType = processId + "-notify";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.intermediateThrowEvent("notify", (e) -> e.message("n").zeebeJobType(jobType))
			.endEvent()
			.done());
		long instance = start(processId);

		this.client.newCancelInstanceCommand(instance).send().join();

		assertThat(activatableNow(jobType, 1)).isEmpty();
		assertThat(history(instance)).containsExactly("start:COMPLETED", "notify:TERMINATED");
	}

}
