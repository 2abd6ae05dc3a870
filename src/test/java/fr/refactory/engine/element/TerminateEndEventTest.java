package fr.refactory.engine.element;

import java.time.Duration;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terminate end events: end their flow scope (process or subprocess), which then
 * completes.
 */
class TerminateEndEventTest extends EngineTestSupport {

	@Test
	void shouldTerminateTheOtherBranchesAndCompleteTheProcess() {
		String type = uniqueId("parallel-work");
		String processId = uniqueId("terminate-process");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.parallelGateway("fork")
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.endEvent("workDone")
			.moveToNode("fork")
			.endEvent("stop", (e) -> e.terminate())
			.done());

		long instance = start(processId);

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).containsExactlyInAnyOrder("start:COMPLETED", "fork:COMPLETED", "work:TERMINATED",
				"stop:COMPLETED");
		assertThat(activatableJobs(type)).isEmpty();
	}

	@Test
	void shouldTerminateOnlyTheSubprocessAndContinueAfterIt() {
		String processId = uniqueId("terminate-subprocess");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.parallelGateway("outerFork")
			.userTask("outside", (t) -> t.zeebeUserTask())
			.endEvent("outsideDone")
			.moveToNode("outerFork")
			.subProcess("stage",
					(s) -> s.embeddedSubProcess()
						.startEvent("stageStart")
						.parallelGateway("innerFork")
						.userTask("inside", (t) -> t.zeebeUserTask())
						.endEvent("insideDone")
						.moveToNode("innerFork")
						.endEvent("stageStop", (e) -> e.terminate()))
			.userTask("after", (t) -> t.zeebeUserTask())
			.endEvent("done")
			.done());

		long instance = start(processId);

		assertThat(history(instance)).contains("stage:COMPLETED", "inside:TERMINATED", "stageStop:COMPLETED",
				"outside:ACTIVE", "after:ACTIVE");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	/**
	 * Jobs of the type a worker could activate now (short poll: nothing is expected to
	 * arrive later).
	 */
	private java.util.List<io.camunda.client.api.response.ActivatedJob> activatableJobs(String type) {
		return this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(200))
			.send()
			.join()
			.getJobs();
	}

	@Test
	void shouldWriteTheEventSequenceOfATerminateEndEvent() {
		// given
		String id = uniqueId("terminate-events");
		String type = uniqueId("never");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toFork")
			.parallelGateway("fork")
			.sequenceFlowId("toTask")
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.endEvent("end")
			.moveToNode("fork")
			.sequenceFlowId("toKill")
			.endEvent("kill", (e) -> e.terminate())
			.done());

		// when
		long key = start(id);

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toFork:SEQUENCE_FLOW_TAKEN", "fork:ELEMENT_ACTIVATING",
				"fork:ELEMENT_ACTIVATED", "fork:ELEMENT_COMPLETING", "fork:ELEMENT_COMPLETED",
				"toTask:SEQUENCE_FLOW_TAKEN", "toKill:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING",
				"JOB task:CREATED", "task:ELEMENT_ACTIVATED", "kill:ELEMENT_ACTIVATING", "kill:ELEMENT_ACTIVATED",
				"kill:ELEMENT_COMPLETING", "kill:ELEMENT_COMPLETED", "task:ELEMENT_TERMINATING", "JOB task:CANCELED",
				"task:ELEMENT_TERMINATED", id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}
