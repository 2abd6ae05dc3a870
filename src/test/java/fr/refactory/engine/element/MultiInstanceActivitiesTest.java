package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-instance on embedded subprocesses, call activities, user tasks and receive tasks.
 */
class MultiInstanceActivitiesTest extends EngineTestSupport {

	private List<ElementInstance> ofType(long processInstanceKey, ElementInstanceType type) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey).type(type))
			.send()
			.join()
			.items();
	}

	private List<UserTask> userTasks(long processInstanceKey) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
	}

	@Test
	void shouldRunAParallelSubprocessPerItemWithItsInputMappingsAndCollectALocalResult() {
		String id = uniqueId("mi-sub");
		String type = uniqueId("op");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("operations",
					(s) -> s.zeebeInputExpression("operation.code", "operationCode")
						.zeebeInputExpression("null", "outcome")
						.multiInstance((m) -> m.zeebeInputCollectionExpression("operations")
							.zeebeInputElement("operation")
							.zeebeOutputCollection("outcomes")
							.zeebeOutputElementExpression("{code: operationCode, outcome: outcome}")))
			.embeddedSubProcess()
			.startEvent("opStart")
			.serviceTask("perform", (t) -> t.zeebeJobType(type))
			.endEvent("opEnd")
			.subProcessDone()
			.endEvent("end")
			.done());
		long key = start(id, Map.of("operations", List.of(Map.of("code", "OP1"), Map.of("code", "OP2"))));

		List<ActivatedJob> jobs = activate(type, 10);
		assertThat(jobs).extracting((j) -> j.getVariablesAsMap().get("operationCode"))
			.containsExactlyInAnyOrder("OP1", "OP2");
		for (ActivatedJob job : jobs) {
			this.client.newCompleteCommand(job.getKey())
				.variables(Map.of("outcome", "ok-" + job.getVariablesAsMap().get("operationCode")))
				.send()
				.join();
		}

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key))
			.containsEntry("outcomes",
					"[{\"code\":\"OP1\",\"outcome\":\"ok-OP1\"},{\"code\":\"OP2\",\"outcome\":\"ok-OP2\"}]")
			.doesNotContainKeys("outcome", "operationCode", "operation");
		assertThat(ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY)).singleElement()
			.extracting(ElementInstance::getElementId)
			.isEqualTo("operations");
		assertThat(ofType(key, ElementInstanceType.SUB_PROCESS)).hasSize(2);
		assertThat(history(key)).containsSubsequence("opStart:COMPLETED", "perform:COMPLETED", "opEnd:COMPLETED")
			.endsWith("end:COMPLETED");
	}

	@Test
	void shouldRunASequentialSubprocessOneItemAtATime() {
		String id = uniqueId("mi-sub-seq");
		String type = uniqueId("op");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("steps",
					(s) -> s.multiInstance((m) -> m.sequential()
						.zeebeInputCollectionExpression("for i in 1..n return i * 100")
						.zeebeInputElement("step")))
			.embeddedSubProcess()
			.startEvent()
			.serviceTask("perform", (t) -> t.zeebeJobType(type))
			.endEvent()
			.subProcessDone()
			.endEvent()
			.done());
		long key = start(id, Map.of("n", 2));

		ActivatedJob first = activateOne(type);
		assertThat(first.getVariablesAsMap()).containsEntry("step", 100).containsEntry("loopCounter", 1);
		assertThat(ofType(key, ElementInstanceType.SUB_PROCESS)).as("one inner instance at a time").hasSize(1);
		this.client.newCompleteCommand(first.getKey()).send().join();
		ActivatedJob second = activateOne(type);
		assertThat(second.getVariablesAsMap()).containsEntry("step", 200).containsEntry("loopCounter", 2);
		this.client.newCompleteCommand(second.getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCallOneChildProcessPerItemAndCollectTheirResults() {
		String childType = uniqueId("child-work");
		String childId = uniqueId("mi-child");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.serviceTask("childTask", (t) -> t.zeebeJobType(childType))
			.endEvent()
			.done());
		String id = uniqueId("mi-call");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call",
					(c) -> c.zeebeProcessId(childId)
						.multiInstance((m) -> m.zeebeInputCollectionExpression("parts")
							.zeebeInputElement("part")
							.zeebeOutputCollection("grades")
							.zeebeOutputElementExpression("grade")))
			.endEvent()
			.done());
		long key = start(id, Map.of("parts", List.of("door", "seat", "wheel")));

		List<ActivatedJob> jobs = activate(childType, 10);
		assertThat(jobs).extracting((j) -> j.getVariablesAsMap().get("part"))
			.containsExactlyInAnyOrder("door", "seat", "wheel");
		List<ProcessInstance> children = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(key))
			.send()
			.join()
			.items();
		assertThat(children).hasSize(3);
		for (ActivatedJob job : jobs) {
			this.client.newCompleteCommand(job.getKey())
				.variables(Map.of("grade", "A-" + job.getVariablesAsMap().get("part")))
				.send()
				.join();
		}

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("grades", "[\"A-door\",\"A-seat\",\"A-wheel\"]");
		assertThat(ofType(key, ElementInstanceType.CALL_ACTIVITY)).hasSize(3);
	}

	@Test
	void shouldTerminateTheCalledChildrenWhenTheParentIsCancelled() {
		String childType = uniqueId("child-work");
		String childId = uniqueId("mi-child");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.serviceTask("childTask", (t) -> t.zeebeJobType(childType))
			.endEvent()
			.done());
		String id = uniqueId("mi-call-cancel");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call",
					(c) -> c.zeebeProcessId(childId)
						.multiInstance((m) -> m.zeebeInputCollectionExpression("[1, 2]").zeebeInputElement("n")))
			.endEvent()
			.done());
		long key = start(id);
		assertThat(activate(childType, 10)).hasSize(2);

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(key))
			.send()
			.join()
			.items()).hasSize(2)
			.allSatisfy((child) -> assertThat(child.getState()).isEqualTo(ProcessInstanceState.TERMINATED));
	}

	@Test
	void shouldCreateOneUserTaskPerItemAndCollectTheFormFieldsOfEach() {
		String id = uniqueId("mi-user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("check",
					(t) -> t.name("Manual check")
						.zeebeUserTask()
						.zeebeInputExpression("check.checkCode", "checkCode")
						.zeebeInputExpression("null", "checkResult")
						.multiInstance((m) -> m.zeebeInputCollectionExpression("manualChecks")
							.zeebeInputElement("check")
							.zeebeOutputCollection("manualResults")
							.zeebeOutputElementExpression("{checkCode: checkCode, checkResult: checkResult}")))
			.endEvent()
			.done());
		long key = start(id, Map.of("manualChecks", List.of(Map.of("checkCode", "C1"), Map.of("checkCode", "C2"))));

		List<UserTask> tasks = userTasks(key);
		assertThat(tasks).hasSize(2).allSatisfy((task) -> {
			assertThat(task.getElementId()).isEqualTo("check");
			assertThat(task.getName()).isEqualTo("Manual check");
		});
		for (UserTask task : tasks) {
			Map<String, String> locals = variablesOfScope(task.getElementInstanceKey());
			String result = locals.get("checkCode").equals("\"C1\"") ? "PASS" : "FAIL";
			this.client.newCompleteUserTaskCommand(task.getUserTaskKey())
				.variables(Map.of("checkResult", result))
				.send()
				.join();
		}

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key))
			.containsEntry("manualResults",
					"[{\"checkCode\":\"C1\",\"checkResult\":\"PASS\"},{\"checkCode\":\"C2\",\"checkResult\":\"FAIL\"}]")
			.doesNotContainKey("checkResult");
	}

	@Test
	void shouldCancelTheOpenUserTasksWhenTheInstanceIsCancelled() {
		String id = uniqueId("mi-user-cancel");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask()
				.multiInstance((m) -> m.zeebeInputCollectionExpression("[\"a\", \"b\", \"c\"]").zeebeInputElement("x")))
			.endEvent()
			.done());
		long key = start(id);
		List<UserTask> tasks = userTasks(key);
		assertThat(tasks).hasSize(3);
		this.client.newCompleteUserTaskCommand(tasks.get(0).getUserTaskKey()).send().join();

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(userTasks(key)).extracting(UserTask::getState)
			.containsExactlyInAnyOrder(UserTaskState.COMPLETED, UserTaskState.CANCELED, UserTaskState.CANCELED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldWaitForOneMessagePerItemOnAMultiInstanceReceiveTask() {
		String id = uniqueId("mi-receive");
		String message = uniqueId("part-arrived");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.receiveTask("await",
					(r) -> r.message((m) -> m.name(message).zeebeCorrelationKeyExpression("ref"))
						.multiInstance((l) -> l.zeebeInputCollectionExpression("refs").zeebeInputElement("ref")))
			.endEvent()
			.done());
		long key = start(id, Map.of("refs", List.of("R1", "R2")));

		this.client.newPublishMessageCommand().messageName(message).correlationKey("R2").send().join();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		this.client.newPublishMessageCommand().messageName(message).correlationKey("R1").send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(ofType(key, ElementInstanceType.RECEIVE_TASK)).hasSize(2);
	}

}
