package fr.refactory.engine.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import fr.refactory.engine.Dmn;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /v2/resources/{key}/deletion} through the client
 * ({@code newDeleteResourceCommand}).
 */
class ResourceDeletionApiTest extends EngineTestSupport {

	@Autowired
	private JdbcTemplate jdbc;

	private static BpmnModelInstance straight(String id, String taskName) {
		return Bpmn.createExecutableProcess(id).startEvent().task(taskName).endEvent().done();
	}

	private void delete(long key) {
		this.client.newDeleteResourceCommand(key).send().join();
	}

	@Test
	void shouldDeleteAProcessVersionWithItsHistoryAndNeverReuseItsVersion() {
		String id = uniqueId("deleted");
		long v1 = deployProcess(straight(id, "one"));
		long v2 = deployProcess(straight(id, "two"));
		long finished = start(id);
		assertThat(state(finished).name()).isEqualTo("COMPLETED");

		delete(v2);

		problem(() -> this.client.newProcessDefinitionGetRequest(v2).send().join(), 404);
		problem(() -> this.client.newProcessInstanceGetRequest(finished).send().join(), 404);
		problem(() -> this.client.newCreateInstanceCommand().processDefinitionKey(v2).send().join(), 404);
		var afterDeletion = this.client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
		assertThat(afterDeletion.getProcessDefinitionKey()).as("the previous version is the latest again")
			.isEqualTo(v1);
		var v3 = deploy(straight(id, "three")).getProcesses().get(0);
		assertThat(v3.getVersion()).as("version 2 is never reused").isEqualTo(3);
		var redeployed = deploy(straight(id, "two")).getProcesses().get(0);
		assertThat(redeployed.getVersion()).isEqualTo(4);
		assertThat(redeployed.getProcessDefinitionKey()).isNotEqualTo(v2);
	}

	@Test
	void shouldRefuseToDeleteAProcessVersionWithAnActiveInstance() {
		String id = uniqueId("busy");
		long key = deployProcess(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long running = start(id);

		var conflict = problem(() -> delete(key), 409);

		assertThat(conflict.details().getDetail()).contains("active process instance");
		assertThat(this.client.newProcessDefinitionGetRequest(key).send().join().getProcessDefinitionKey())
			.isEqualTo(key);
		this.client.newCancelInstanceCommand(running).send().join();
		delete(key);
		problem(() -> this.client.newProcessDefinitionGetRequest(key).send().join(), 404);
	}

	@Test
	void shouldReactivateTheStartEventsOfThePreviousVersionWhenTheLatestIsDeleted() {
		String id = uniqueId("start-events");
		String message = uniqueId("announce");
		long v1 = deployProcess(Bpmn.createExecutableProcess(id)
			.startEvent("byMessage")
			.message(message)
			.endEvent()
			.moveToProcess(id)
			.startEvent("hourly")
			.timerWithCycle("R/PT1H")
			.endEvent()
			.done());
		long v2 = deployProcess(
				Bpmn.createExecutableProcess(id).startEvent("hourly2").timerWithCycle("R/PT2H").endEvent().done());
		assertThat(startTimers(id)).containsExactly(v2);

		delete(v2);

		assertThat(startTimers(id)).as("v2's timer is gone, v1's is scheduled again").containsExactly(v1);
		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey("")
			.timeToLive(Duration.ZERO)
			.send()
			.join();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionKey(v1))
				.send()
				.join()
				.items()
				.stream()
				.map(ProcessInstance::getProcessDefinitionKey)
				.toList()
				.contains(v1));
		delete(v1);
		assertThat(startTimers(id)).as("no version left, no start timer").isEmpty();
	}

	private java.util.List<Long> startTimers(String processId) {
		return this.jdbc.queryForList("select process_definition_key from engine_timer where process_definition_id = ?"
				+ " and process_instance_key is null", Long.class, processId);
	}

	@Test
	void shouldDeleteDecisionRequirementsWithTheirDecisions() {
		String decisionId = uniqueId("risk");
		DeploymentEvent deployed = this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
		long drd = deployed.getDecisionRequirements().get(0).getDecisionRequirementsKey();
		long decision = deployed.getDecisions().get(0).getDecisionKey();
		assertThat(this.client.newEvaluateDecisionCommand()
			.decisionKey(decision)
			.variables(Map.of("amount", 500))
			.send()
			.join()
			.getDecisionOutput()).isEqualTo("\"high\"");

		delete(drd);

		problem(() -> this.client.newEvaluateDecisionCommand().decisionKey(decision).send().join(), 404);
		problem(() -> this.client.newEvaluateDecisionCommand().decisionId(decisionId).send().join(), 404);
		DeploymentEvent again = this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
		assertThat(again.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
		assertThat(again.getDecisions().get(0).getVersion()).isEqualTo(2);
	}

	@Test
	void shouldDeleteAFormSoThatTheStartFormIsNoLongerFound() {
		String formId = uniqueId("deleted-form");
		String form = "{\"id\":\"" + formId + "\",\"components\":[]}";
		long formKey = this.client.newDeployResourceCommand()
			.addResourceString(form, StandardCharsets.UTF_8, formId + ".form")
			.send()
			.join()
			.getForm()
			.get(0)
			.getFormKey();
		long process = deployProcess(Bpmn.createExecutableProcess(uniqueId("start-form"))
			.startEvent("start")
			.zeebeFormId(formId)
			.endEvent()
			.done());
		assertThat(this.client.newProcessDefinitionGetFormRequest(process).send().join().getFormKey())
			.isEqualTo(formKey);

		delete(formKey);

		problem(() -> this.client.newProcessDefinitionGetFormRequest(process).send().join(), 404);
		var redeployed = this.client.newDeployResourceCommand()
			.addResourceString(form, StandardCharsets.UTF_8, formId + ".form")
			.send()
			.join()
			.getForm()
			.get(0);
		assertThat(redeployed.getVersion()).isEqualTo(2);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownKeyAndBadRequestForAMalformedOne() throws Exception {
		problem(() -> delete(99L), 404);
		var malformed = raw("POST", "/v2/resources/not-a-key/deletion", "application/json", "{}");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

}
