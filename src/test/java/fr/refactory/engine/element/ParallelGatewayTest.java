package fr.refactory.engine.element;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelGatewayTest extends EngineTestSupport {

	@Test
	void shouldForkAndJoinBeforeContinuing() {
		String id = uniqueId("and");
		String typeA = uniqueId("a");
		String typeB = uniqueId("b");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.parallelGateway("fork")
			.serviceTask("taskA", (t) -> t.zeebeJobType(typeA))
			.parallelGateway("join")
			.endEvent("end")
			.moveToNode("fork")
			.serviceTask("taskB", (t) -> t.zeebeJobType(typeB))
			.connectTo("join")
			.done());
		long key = start(id);

		this.client.newCompleteCommand(activateOne(typeA).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(history(key)).doesNotContain("join:COMPLETED").contains("taskB:ACTIVE");

		this.client.newCompleteCommand(activateOne(typeB).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).containsOnlyOnce("join:COMPLETED").endsWith("end:COMPLETED");
	}

	@Test
	void shouldWriteTheEventSequenceOfAForkAndAJoin() {
		// given
		String id = uniqueId("and");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toFork")
			.parallelGateway("fork")
			.sequenceFlowId("toA")
			.intermediateThrowEvent("a")
			.sequenceFlowId("aToJoin")
			.parallelGateway("join")
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.moveToNode("fork")
			.sequenceFlowId("toB")
			.intermediateThrowEvent("b")
			.sequenceFlowId("bToJoin")
			.connectTo("join")
			.done());

		// when
		long key = start(id);

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toFork:SEQUENCE_FLOW_TAKEN", "fork:ELEMENT_ACTIVATING",
				"fork:ELEMENT_ACTIVATED", "fork:ELEMENT_COMPLETING", "fork:ELEMENT_COMPLETED",
				"toA:SEQUENCE_FLOW_TAKEN", "toB:SEQUENCE_FLOW_TAKEN", "a:ELEMENT_ACTIVATING", "a:ELEMENT_ACTIVATED",
				"b:ELEMENT_ACTIVATING", "b:ELEMENT_ACTIVATED", "a:ELEMENT_COMPLETING", "a:ELEMENT_COMPLETED",
				"aToJoin:SEQUENCE_FLOW_TAKEN", "b:ELEMENT_COMPLETING", "b:ELEMENT_COMPLETED",
				"bToJoin:SEQUENCE_FLOW_TAKEN", "join:ELEMENT_ACTIVATING", "join:ELEMENT_ACTIVATED",
				"join:ELEMENT_COMPLETING", "join:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN",
				"end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED",
				id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}
