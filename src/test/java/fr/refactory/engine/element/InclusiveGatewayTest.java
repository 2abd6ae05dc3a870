package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InclusiveGatewayTest extends EngineTestSupport {

	private static BpmnModelInstance model(String id, String typeA, String typeB) {
		return Bpmn.createExecutableProcess(id)
			.startEvent()
			.inclusiveGateway("fork")
			.sequenceFlowId("toA")
			.conditionExpression("= a")
			.serviceTask("taskA", (t) -> t.zeebeJobType(typeA))
			.inclusiveGateway("join")
			.endEvent("end")
			.moveToNode("fork")
			.sequenceFlowId("toB")
			.conditionExpression("= b")
			.serviceTask("taskB", (t) -> t.zeebeJobType(typeB))
			.connectTo("join")
			.done();
	}

	@Test
	void shouldActivateEveryBranchWhoseConditionIsTrueAndJoinThem() {
		String id = uniqueId("or");
		String typeA = uniqueId("a");
		String typeB = uniqueId("b");
		deploy(model(id, typeA, typeB));
		long key = start(id, Map.of("a", true, "b", true));

		this.client.newCompleteCommand(activateOne(typeA).getKey()).send().join();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		this.client.newCompleteCommand(activateOne(typeB).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).containsOnlyOnce("join:COMPLETED");
	}

	@Test
	void shouldJoinASingleActivatedBranch() {
		String id = uniqueId("or");
		String typeA = uniqueId("a");
		String typeB = uniqueId("b");
		deploy(model(id, typeA, typeB));
		long key = start(id, Map.of("a", true, "b", false));

		this.client.newCompleteCommand(activateOne(typeA).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).doesNotContain("taskB:ACTIVE", "taskB:COMPLETED");
	}

	@Test
	void shouldRaiseAnIncidentWhenNoConditionIsTrueAndThereIsNoDefault() {
		String id = uniqueId("or");
		deploy(model(id, uniqueId("a"), uniqueId("b")));

		long key = start(id, Map.of("a", false, "b", false));

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getElementId()).isEqualTo("fork");
			assertThat(incident.getErrorType().name()).isEqualTo("CONDITION_ERROR");
		});
	}

}
