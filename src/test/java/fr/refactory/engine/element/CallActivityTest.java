package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallActivityTest extends EngineTestSupport {

	private String deployChild(String type) {
		String childId = uniqueId("child");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.serviceTask("childTask", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		return childId;
	}

	private ProcessInstance child(long parentKey) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(parentKey))
			.send()
			.join()
			.items()
			.get(0);
	}

	@Test
	void shouldCallTheLatestChildVersionAndPropagateAllVariablesBothWays() {
		String type = uniqueId("child-work");
		String childId = deployChild(type);
		String id = uniqueId("parent");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.endEvent()
			.done());
		long key = start(id, Map.of("input", "in"));

		ActivatedJob job = activateOne(type);
		assertThat(job.getVariablesAsMap()).containsEntry("input", "in");
		assertThat(job.getProcessInstanceKey()).isEqualTo(child(key).getProcessInstanceKey());
		this.client.newCompleteCommand(job.getKey()).variables(Map.of("output", "out")).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("output", "\"out\"");
		assertThat(child(key).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldPassOnlyMappedVariablesWhenPropagationIsOff() {
		String type = uniqueId("child-work");
		String childId = deployChild(type);
		String id = uniqueId("parent");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call",
					(c) -> c.zeebeProcessId(childId)
						.zeebePropagateAllParentVariables(false)
						.zeebePropagateAllChildVariables(false)
						.zeebeInputExpression("secret + 1", "given")
						.zeebeOutputExpression("result", "mapped"))
			.endEvent()
			.done());
		long key = start(id, Map.of("secret", 41));

		ActivatedJob job = activateOne(type);
		assertThat(job.getVariablesAsMap()).containsEntry("given", 42).doesNotContainKey("secret");
		this.client.newCompleteCommand(job.getKey()).variables(Map.of("result", "r", "noise", 1)).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("mapped", "\"r\"").doesNotContainKeys("noise", "result");
	}

	@Test
	void shouldTerminateTheChildWhenTheParentIsCancelled() {
		String type = uniqueId("child-work");
		String childId = deployChild(type);
		String id = uniqueId("parent");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.endEvent()
			.done());
		long key = start(id);

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(child(key).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(activatableNow(type, 1)).isEmpty();
	}

	@Test
	void shouldRaiseAnIncidentWhenTheCalledProcessIsNotDeployed() {
		String id = uniqueId("parent");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call", (c) -> c.zeebeProcessIdExpression("target"))
			.endEvent()
			.done());

		long key = start(id, Map.of("target", uniqueId("missing")));

		assertThat(incidents(key)).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("CALLED_ELEMENT_ERROR"));
	}

	@Test
	void shouldWriteTheEventSequenceOfACallActivityAndItsChild() {
		// given
		String id = uniqueId("caller-events");
		String childId = uniqueId("callee-events");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent("childStart")
			.sequenceFlowId("childFlow")
			.endEvent("childEnd")
			.done());
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toCall")
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());

		// when
		long key = start(id);

		// then
		long child = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(key))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toCall:SEQUENCE_FLOW_TAKEN", "call:ELEMENT_ACTIVATING",
				"call:ELEMENT_ACTIVATED", "call:ELEMENT_COMPLETING", "call:ELEMENT_COMPLETED",
				"toEnd:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED",
				"end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
		assertThat(events(child)).containsExactly(childId + ":ELEMENT_ACTIVATING", childId + ":ELEMENT_ACTIVATED",
				"childStart:ELEMENT_ACTIVATING", "childStart:ELEMENT_ACTIVATED", "childStart:ELEMENT_COMPLETING",
				"childStart:ELEMENT_COMPLETED", "childFlow:SEQUENCE_FLOW_TAKEN", "childEnd:ELEMENT_ACTIVATING",
				"childEnd:ELEMENT_ACTIVATED", "childEnd:ELEMENT_COMPLETING", "childEnd:ELEMENT_COMPLETED",
				childId + ":ELEMENT_COMPLETING", childId + ":ELEMENT_COMPLETED");
	}

}
