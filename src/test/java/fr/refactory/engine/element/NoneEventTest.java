package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoneEventTest extends EngineTestSupport {

	@Test
	void shouldCompleteAProcessFromNoneStartToNoneEnd() {
		String id = uniqueId("none");
		deploy(Bpmn.createExecutableProcess(id).startEvent("start").sequenceFlowId("f1").endEvent("end").done());

		long key = start(id, Map.of("x", 1));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).containsExactly("start:COMPLETED", "end:COMPLETED");
		assertThat(rootVariables(key)).containsEntry("x", "1");
		assertThat(this.client.newProcessInstanceSequenceFlowsRequest(key).send().join())
			.extracting((flow) -> flow.getElementId())
			.containsExactly("f1");
	}

	@Test
	void shouldNotReturnTheProcessItselfAsAnElementInstance() {
		String id = uniqueId("none");
		deploy(Bpmn.createExecutableProcess(id).startEvent("start").endEvent("end").done());

		long key = start(id);

		// Camunda 8.8 lists the elements of the process, not the process
		// (docs/decisions/0245)
		assertThat(elements(key)).extracting((element) -> element.getElementId() + ":" + element.getType())
			.containsExactly("start:START_EVENT", "end:END_EVENT");
		assertThat(elements(key)).noneSatisfy((element) -> assertThat(element.getElementInstanceKey()).isEqualTo(key));
		assertThat(this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(key).type(ElementInstanceType.PROCESS))
			.send()
			.join()
			.items()).isEmpty();
		problem(() -> this.client.newElementInstanceGetRequest(key).send().join(), 404);
		// the process instance itself is still there, and so is its scope
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldWriteTheEventSequenceOfNoneStartAndEndEvents() {
		// given
		String id = uniqueId("none");
		deploy(Bpmn.createExecutableProcess(id).startEvent("start").sequenceFlowId("flow").endEvent("end").done());

		// when
		long key = start(id);

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "flow:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING",
				"end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

}
