package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExclusiveGatewayTest extends EngineTestSupport {

	private static BpmnModelInstance model(String id, boolean withDefault) {
		var gateway = Bpmn.createExecutableProcess(id)
			.startEvent()
			.exclusiveGateway("gw")
			.sequenceFlowId("toBig")
			.conditionExpression("= amount > 100")
			.endEvent("big")
			.moveToLastExclusiveGateway()
			.sequenceFlowId("toMedium")
			.conditionExpression("= amount > 10")
			.endEvent("medium");
		if (!withDefault) {
			return gateway.done();
		}
		return gateway.moveToLastExclusiveGateway().defaultFlow().sequenceFlowId("toSmall").endEvent("small").done();
	}

	@Test
	void shouldTakeTheFirstFlowWhoseConditionIsTrue() {
		String id = uniqueId("xor");
		deploy(model(id, true));

		long key = start(id, Map.of("amount", 500));

		assertThat(history(key)).endsWith("gw:COMPLETED", "big:COMPLETED");
		assertThat(this.client.newProcessInstanceSequenceFlowsRequest(key).send().join())
			.extracting((f) -> f.getElementId())
			.contains("toBig")
			.doesNotContain("toMedium", "toSmall");
	}

	@Test
	void shouldTakeTheDefaultFlowWhenNoConditionIsTrue() {
		String id = uniqueId("xor");
		deploy(model(id, true));

		long key = start(id, Map.of("amount", 1));

		assertThat(history(key)).endsWith("gw:COMPLETED", "small:COMPLETED");
	}

	@Test
	void shouldRaiseAnIncidentWithoutMatchAndContinueOnceResolved() {
		String id = uniqueId("xor");
		deploy(model(id, false));
		long key = start(id, Map.of("amount", 1));

		Incident incident = incidents(key).get(0);
		assertThat(incident.getErrorType().name()).isEqualTo("CONDITION_ERROR");
		assertThat(incident.getElementId()).isEqualTo("gw");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

		this.client.newSetVariablesCommand(key).variables(Map.of("amount", 50)).send().join();
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).endsWith("gw:COMPLETED", "medium:COMPLETED");
		assertThat(incidents(key)).singleElement()
			.satisfies((resolved) -> assertThat(resolved.getState().name()).isEqualTo("RESOLVED"));
	}

	@Test
	void shouldRaiseAnIncidentWhenAConditionIsNotBoolean() {
		String id = uniqueId("xor");
		deploy(model(id, true));

		long key = start(id, Map.of("amount", "text"));

		assertThat(incidents(key)).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("CONDITION_ERROR"));
	}

	@Test
	void shouldWriteTheEventSequenceOfTheFlowTheGatewayChose() {
		// given
		String id = uniqueId("xor");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toGateway")
			.exclusiveGateway("xor")
			.sequenceFlowId("big")
			.conditionExpression("amount > 5")
			.endEvent("bigEnd")
			.moveToLastExclusiveGateway()
			.sequenceFlowId("small")
			.defaultFlow()
			.endEvent("smallEnd")
			.done());

		// when
		long key = start(id, Map.of("amount", 10));

		// then
		assertThat(events(key)).containsExactly("VARIABLE :CREATED", id + ":ELEMENT_ACTIVATING",
				id + ":ELEMENT_ACTIVATED", "start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED",
				"start:ELEMENT_COMPLETING", "start:ELEMENT_COMPLETED", "toGateway:SEQUENCE_FLOW_TAKEN",
				"xor:ELEMENT_ACTIVATING", "xor:ELEMENT_ACTIVATED", "xor:ELEMENT_COMPLETING", "xor:ELEMENT_COMPLETED",
				"big:SEQUENCE_FLOW_TAKEN", "bigEnd:ELEMENT_ACTIVATING", "bigEnd:ELEMENT_ACTIVATED",
				"bigEnd:ELEMENT_COMPLETING", "bigEnd:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

}
