package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
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
	void shouldRecordTheProcessItselfAsAnElementInstance() {
		String id = uniqueId("none");
		deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

		long key = start(id);

		assertThat(elements(key)).anySatisfy((element) -> {
			assertThat(element.getElementInstanceKey()).isEqualTo(key);
			assertThat(element.getElementId()).isEqualTo(id);
			assertThat(element.getType().name()).isEqualTo("PROCESS");
			assertThat(element.getState().name()).isEqualTo("COMPLETED");
		});
	}

}
