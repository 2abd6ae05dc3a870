package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTaskTest extends EngineTestSupport {

	@Test
	void shouldCreateAJobWithTypeRetriesHeadersAndVariables() {
		String id = uniqueId("service");
		String type = uniqueId("work");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type).zeebeJobRetries("5").zeebeTaskHeader("h", "v"))
			.endEvent()
			.done());
		long key = start(id, Map.of("order", Map.of("amount", 12)));

		ActivatedJob job = activateOne(type);

		assertThat(job.getProcessInstanceKey()).isEqualTo(key);
		assertThat(job.getElementId()).isEqualTo("task");
		assertThat(job.getRetries()).isEqualTo(5);
		assertThat(job.getCustomHeaders()).containsEntry("h", "v");
		assertThat(job.getVariablesAsMap()).containsEntry("order", Map.of("amount", 12));
		assertThat(history(key)).containsExactly(
				"startEvent_1:COMPLETED".replace("startEvent_1", history(key).get(0).split(":")[0]), "task:ACTIVE");
	}

	@Test
	void shouldEvaluateFeelJobTypeAndRetries() {
		String id = uniqueId("service");
		String type = uniqueId("dyn");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobTypeExpression("prefix + \"-x\"").zeebeJobRetriesExpression("1 + 1"))
			.endEvent()
			.done());
		start(id, Map.of("prefix", type));

		ActivatedJob job = activateOne(type + "-x");

		assertThat(job.getRetries()).isEqualTo(2);
	}

	@Test
	void shouldCompleteTheTaskWithTheJobAndMergeVariablesIntoTheRoot() {
		String id = uniqueId("service");
		String type = uniqueId("work");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.endEvent("end")
			.done());
		long key = start(id);
		ActivatedJob job = activateOne(type);

		this.client.newCompleteCommand(job.getKey()).variables(Map.of("result", "done")).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("result", "\"done\"");
		assertThat(history(key)).endsWith("task:COMPLETED", "end:COMPLETED");
	}

	@Test
	void shouldRunASendTaskAsAJob() {
		String id = uniqueId("send");
		String type = uniqueId("notify");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.sendTask("send", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);

		ActivatedJob job = activateOne(type);
		this.client.newCompleteCommand(job.getKey()).send().join();

		assertThat(job.getElementId()).isEqualTo("send");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldWriteTheEventSequenceOfAServiceTask() {
		// given
		String id = uniqueId("service");
		String type = uniqueId("work");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toTask")
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());
		long key = start(id);

		// when
		this.client.newCompleteCommand(activateOne(type).getKey()).variables(Map.of("result", "done")).send().join();

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toTask:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING", "JOB task:CREATED",
				"task:ELEMENT_ACTIVATED", "JOB task:COMPLETED", "VARIABLE :CREATED", "task:ELEMENT_COMPLETING",
				"task:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING",
				"end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

}
