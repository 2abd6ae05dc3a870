package fr.refactory.engine.element;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UndefinedTaskTest extends EngineTestSupport {

	@Test
	void shouldPassThroughManualAndUndefinedTasks() {
		String id = uniqueId("pass");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("manual")
			.task("undefined")
			.endEvent("end")
			.done());

		long key = start(id);

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(key)).containsExactly("start:COMPLETED", "manual:COMPLETED", "undefined:COMPLETED",
				"end:COMPLETED");
	}

}
