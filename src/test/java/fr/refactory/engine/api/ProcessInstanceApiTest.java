package fr.refactory.engine.api;

import java.time.Duration;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessInstanceApiTest extends EngineTestSupport {

	@Test
	void shouldCreateByVersionAndByKey() {
		String id = uniqueId("pi");
		long v1 = deployProcess(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
		long v2 = deployProcess(Bpmn.createExecutableProcess(id).startEvent().manualTask().endEvent().done());

		var byVersion = this.client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
		var byKey = this.client.newCreateInstanceCommand().processDefinitionKey(v2).send().join();
		var latest = this.client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

		assertThat(byVersion.getProcessDefinitionKey()).isEqualTo(v1);
		assertThat(byVersion.getVersion()).isEqualTo(1);
		assertThat(byKey.getVersion()).isEqualTo(2);
		assertThat(latest.getProcessDefinitionKey()).isEqualTo(v2);
	}

	@Test
	void shouldAnswerNotFoundForUnknownDefinitionsAndInstances() {
		problem(() -> this.client.newCreateInstanceCommand()
			.bpmnProcessId(uniqueId("nope"))
			.latestVersion()
			.send()
			.join(), 404);
		problem(() -> this.client.newCreateInstanceCommand().processDefinitionKey(7L).send().join(), 404);
		problem(() -> this.client.newProcessInstanceGetRequest(7L).send().join(), 404);
		problem(() -> this.client.newCancelInstanceCommand(7L).send().join(), 404);
	}

	@Test
	void shouldAwaitCompletionAndFetchSelectedVariables() {
		String id = uniqueId("pi");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("s", (t) -> t.zeebeExpression("x + 1").zeebeResultVariable("y"))
			.endEvent()
			.done());

		ProcessInstanceResult result = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("x", 1, "other", "o"))
			.withResult()
			.fetchVariables("y")
			.send()
			.join();

		assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("y", 2));
	}

	@Test
	void shouldAwaitCompletionOfAnInstanceFinishedByAWorker() {
		String id = uniqueId("pi");
		String type = uniqueId("await");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("t", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		var future = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send();

		this.client.newCompleteCommand(activateOne(type).getKey()).variables(Map.of("done", true)).send().join();

		assertThat(future.join().getVariablesAsMap()).containsEntry("done", true);
	}

	@Test
	void shouldAnswerDeadlineExceededWhenTheInstanceDoesNotCompleteInTime() {
		String id = uniqueId("pi");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("t", (t) -> t.zeebeJobType(uniqueId("never")))
			.endEvent()
			.done());

		problem(() -> this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.withResult()
			.requestTimeout(Duration.ofMillis(500))
			.send()
			.join(), 504);
	}

	@Test
	void shouldCancelAnInstanceTerminatingItsElementsAndJobs() {
		String id = uniqueId("pi");
		String type = uniqueId("cancel");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("t", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(history(key)).contains("t:TERMINATED");
		assertThat(activatableNow(type, 1)).isEmpty();
		problem(() -> this.client.newCancelInstanceCommand(key).send().join(), 404);
	}

	@Test
	void shouldSearchInstancesByDefinitionStateAndVariables() {
		String id = uniqueId("pi");
		deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("t", (t) -> t.zeebeUserTask()).endEvent().done());
		long first = start(id, Map.of("color", "red"));
		long second = start(id, Map.of("color", "blue"));
		this.client.newCancelInstanceCommand(second).send().join();

		var active = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(id).state(ProcessInstanceState.ACTIVE))
			.send()
			.join();
		var red = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(id).variables(Map.of("color", "\"red\"")))
			.send()
			.join();
		var sorted = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(id))
			.sort((s) -> s.startDate().desc())
			.page((p) -> p.limit(1))
			.send()
			.join();

		assertThat(active.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(first);
		assertThat(red.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(first);
		assertThat(sorted.items()).hasSize(1);
		assertThat(sorted.page().totalItems()).isEqualTo(2);
	}

	@Test
	void shouldRejectMalformedJsonWithAProblem() throws Exception {
		var response = raw("POST", "/v2/process-instances", "application/json", "{\"processDefinitionId\":");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"status\":400").contains("\"instance\":\"/v2/process-instances\"");
	}

	@Test
	void shouldStoreReturnAndFilterTheTagsGivenAtCreation() {
		String id = uniqueId("tagged");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		var created = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.tags("vin:WVW-1", "triage")
			.send()
			.join();
		long other = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.tags("triage")
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(created.getTags()).containsExactlyInAnyOrder("vin:WVW-1", "triage");
		assertThat(this.client.newProcessInstanceGetRequest(created.getProcessInstanceKey()).send().join().getTags())
			.containsExactlyInAnyOrder("vin:WVW-1", "triage");
		assertThat(keys((f) -> f.processDefinitionId(id).tags("triage", "vin:WVW-1")))
			.containsExactly(created.getProcessInstanceKey());
		assertThat(keys((f) -> f.processDefinitionId(id).tags("triage")))
			.containsExactlyInAnyOrder(created.getProcessInstanceKey(), other);
	}

	@Test
	void shouldRejectATagTheClientWouldNotSendNamingTheField() throws Exception {
		String id = uniqueId("badly-tagged");
		deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

		var response = raw("POST", "/v2/process-instances", "application/json",
				"{\"processDefinitionId\":\"" + id + "\",\"tags\":[\"1-starts-with-a-digit\"]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("tags").contains("1-starts-with-a-digit");
		assertThat(keys((f) -> f.processDefinitionId(id))).isEmpty();
	}

	@Test
	void shouldTerminateTheInstanceAfterTheElementARuntimeInstructionNames() {
		String id = uniqueId("cut-short");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("inspect")
			.userTask("repair", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long key = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.terminateAfterElement("inspect")
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(history(key)).contains("inspect:COMPLETED").noneMatch((entry) -> entry.startsWith("repair:"));
		assertThat(problem(() -> this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.terminateAfterElement("nowhere")
			.send()
			.join(), 400).details().getDetail()).contains("afterElementId").contains("nowhere");
	}

	@Test
	void shouldFilterByElementIdErrorMessageItsHashCodeAndRetriesLeft() {
		String id = uniqueId("troubled");
		String type = uniqueId("troubled-work");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long failing = start(id);
		long retrying = start(id);
		String message = uniqueId("pack isolation reading lost");
		for (var job : activate(type, 2)) {
			boolean last = job.getProcessInstanceKey() == failing;
			this.client.newFailCommand(job.getKey())
				.retries(last ? 0 : 2)
				.retryBackoff(Duration.ofHours(1))
				.errorMessage(message)
				.send()
				.join();
		}

		assertThat(keys((f) -> f.processDefinitionId(id).elementId("work"))).containsExactlyInAnyOrder(failing,
				retrying);
		assertThat(keys((f) -> f.processDefinitionId(id).elementId("elsewhere"))).isEmpty();
		assertThat(keys((f) -> f.processDefinitionId(id).errorMessage(message))).containsExactly(failing);
		assertThat(keys((f) -> f.processDefinitionId(id).incidentErrorHashCode(message.hashCode())))
			.containsExactly(failing);
		assertThat(keys((f) -> f.processDefinitionId(id).hasRetriesLeft(true))).containsExactly(retrying);
		assertThat(keys((f) -> f.processDefinitionId(id).hasRetriesLeft(false))).containsExactly(failing);
	}

	private java.util.List<Long> keys(
			java.util.function.Consumer<io.camunda.client.api.search.filter.ProcessInstanceFilter> filter) {
		return this.client.newProcessInstanceSearchRequest()
			.filter(filter)
			.send()
			.join()
			.items()
			.stream()
			.map(ProcessInstance::getProcessInstanceKey)
			.toList();
	}

}
