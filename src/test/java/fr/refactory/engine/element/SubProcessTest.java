package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubProcessTest extends EngineTestSupport {

	@Test
	void shouldRunTheEmbeddedSubprocessWithLocalInputsAndPropagatedOutputs() {
		String id = uniqueId("sub");
		String type = uniqueId("inner");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("sub", (s) -> s.zeebeInputExpression("x + 1", "local").zeebeOutputExpression("local * 10", "y"))
			.embeddedSubProcess()
			.startEvent("innerStart")
			.serviceTask("inner", (t) -> t.zeebeJobType(type))
			.endEvent("innerEnd")
			.subProcessDone()
			.endEvent("end")
			.done());
		long key = start(id, Map.of("x", 1));
		long subKey = elements(key).stream()
			.filter((e) -> e.getElementId().equals("sub"))
			.findFirst()
			.map(ElementInstance::getElementInstanceKey)
			.orElseThrow();

		ActivatedJob job = activateOne(type);
		assertThat(job.getVariablesAsMap()).containsEntry("local", 2).containsEntry("x", 1);
		assertThat(variablesOfScope(subKey)).containsEntry("local", "2");
		this.client.newCompleteCommand(job.getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).containsSubsequence("sub:COMPLETED", "innerStart:COMPLETED", "inner:COMPLETED",
				"innerEnd:COMPLETED", "end:COMPLETED");
		assertThat(rootVariables(key)).containsEntry("y", "20").doesNotContainKey("local");
	}

	@Test
	void shouldUpdateTheNearestScopeWhenAJobCompletesWithAnExistingVariable() {
		String id = uniqueId("sub");
		String type = uniqueId("inner");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("sub", (s) -> s.zeebeInputExpression("0", "counter"))
			.embeddedSubProcess()
			.startEvent()
			.serviceTask("inner", (t) -> t.zeebeJobType(type))
			.endEvent()
			.subProcessDone()
			.endEvent()
			.done());
		long key = start(id, Map.of("counter", 100));

		this.client.newCompleteCommand(activateOne(type).getKey())
			.variables(Map.of("counter", 1, "fresh", true))
			.send()
			.join();

		assertThat(rootVariables(key)).containsEntry("counter", "100").containsEntry("fresh", "true");
	}

	@Test
	void shouldWriteTheEventSequenceOfAnEmbeddedSubprocess() {
		// given
		String id = uniqueId("sub-events");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toSub")
			.subProcess("sub",
					(s) -> s.embeddedSubProcess().startEvent("subStart").sequenceFlowId("inside").endEvent("subEnd"))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());

		// when
		long key = start(id);

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toSub:SEQUENCE_FLOW_TAKEN", "sub:ELEMENT_ACTIVATING",
				"sub:ELEMENT_ACTIVATED", "subStart:ELEMENT_ACTIVATING", "subStart:ELEMENT_ACTIVATED",
				"subStart:ELEMENT_COMPLETING", "subStart:ELEMENT_COMPLETED", "inside:SEQUENCE_FLOW_TAKEN",
				"subEnd:ELEMENT_ACTIVATING", "subEnd:ELEMENT_ACTIVATED", "subEnd:ELEMENT_COMPLETING",
				"subEnd:ELEMENT_COMPLETED", "sub:ELEMENT_COMPLETING", "sub:ELEMENT_COMPLETED",
				"toEnd:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED",
				"end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

}
