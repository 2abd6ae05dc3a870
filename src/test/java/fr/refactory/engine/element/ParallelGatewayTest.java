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

}
