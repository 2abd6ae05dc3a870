package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptTaskTest extends EngineTestSupport {

	@Test
	void shouldEvaluateTheFeelScriptIntoTheResultVariable() {
		String id = uniqueId("script");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("compute", (t) -> t.zeebeExpression("a * 2 + count(items)").zeebeResultVariable("total"))
			.endEvent()
			.done());

		long key = start(id, Map.of("a", 10, "items", java.util.List.of(1, 2, 3)));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("total", "23");
	}

	@Test
	void shouldRaiseAnIncidentWhenTheScriptFails() {
		String id = uniqueId("script");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("compute", (t) -> t.zeebeExpression("assert(a, a > 100)").zeebeResultVariable("r"))
			.endEvent()
			.done());

		long key = start(id, Map.of("a", 1));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getElementId()).isEqualTo("compute");
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
		});
	}

	@Test
	void shouldRunAScriptTaskWithATaskDefinitionAsAJob() {
		String id = uniqueId("script");
		String type = uniqueId("script-job");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("external", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);

		this.client.newCompleteCommand(activateOne(type).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

}
