package fr.refactory.engine.element;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariableMappingTest extends EngineTestSupport {

	private long taskKey(long processInstanceKey, String elementId) {
		return elements(processInstanceKey).stream()
			.filter((e) -> e.getElementId().equals(elementId))
			.findFirst()
			.orElseThrow()
			.getElementInstanceKey();
	}

	@Test
	void shouldCreateLocalInputsAndPropagateOnlyOutputs() {
		String id = uniqueId("mapping");
		String type = uniqueId("mapped");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task",
					(t) -> t.zeebeJobType(type)
						.zeebeInputExpression("order.amount", "amount")
						.zeebeInputExpression("amount * 2", "doubled")
						.zeebeOutputExpression("result.total", "total")
						.zeebeOutput("=\"fixed\"", "label.text"))
			.endEvent()
			.done());
		long key = start(id, Map.of("order", Map.of("amount", 21)));
		long task = taskKey(key, "task");

		ActivatedJob job = activateOne(type);
		assertThat(job.getVariablesAsMap()).containsEntry("amount", 21).containsEntry("doubled", 42);
		assertThat(variablesOfScope(task)).containsOnlyKeys("amount", "doubled");
		this.client.newCompleteCommand(job.getKey())
			.variables(Map.of("result", Map.of("total", 99), "scratch", 1))
			.send()
			.join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("total", "99")
			.containsEntry("label", "{\"text\":\"fixed\"}")
			.doesNotContainKeys("amount", "doubled", "result", "scratch");
	}

	@Test
	void shouldMergeAnOutputToANestedTargetIntoTheExistingContext() throws Exception {
		String id = uniqueId("mapping");
		String type = uniqueId("mapped");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("ship",
					(t) -> t.zeebeJobType(type)
						.zeebeOutputExpression("carrier", "order.delivery.carrier")
						.zeebeOutput("=\"shipped\"", "order.status"))
			.endEvent()
			.done());
		long key = start(id, Map.of("order", Map.of("id", "O-1", "amount", 21, "delivery", Map.of("week", 12))));

		this.client.newCompleteCommand(activateOne(type).getKey()).variables(Map.of("carrier", "DHL")).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(new ObjectMapper().readValue(rootVariables(key).get("order"), Map.class))
			.as("order keeps its other properties")
			.isEqualTo(Map.of("id", "O-1", "amount", 21, "delivery", Map.of("week", 12, "carrier", "DHL"), "status",
					"shipped"));
	}

	@Test
	void shouldRaiseAnOutputMappingIncidentAndCompleteAfterResolution() {
		String id = uniqueId("mapping");
		String type = uniqueId("mapped");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type).zeebeOutputExpression("assert(x, x != null)", "y"))
			.endEvent()
			.done());
		long key = start(id);
		this.client.newCompleteCommand(activateOne(type).getKey()).send().join();

		Incident incident = incidents(key).get(0);
		assertThat(incident.getErrorType().name()).isEqualTo("IO_MAPPING_ERROR");
		assertThat(history(key)).contains("task:ACTIVE");

		this.client.newSetVariablesCommand(taskKey(key, "task")).variables(Map.of("x", 5)).local(true).send().join();
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("y", "5");
	}

	@Test
	void shouldRaiseAnIncidentWhenTheJobTypeExpressionFails() {
		String id = uniqueId("mapping");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobTypeExpression("missing"))
			.endEvent()
			.done());

		long key = start(id);

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
			assertThat(incident.getElementId()).isEqualTo("task");
		});
	}

}
