package fr.refactory.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The operator's path through the console, over HTTP against the embedded engine. */
class TaskConsoleTest extends RefactoryIntegrationTest {

	@Autowired
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	String processId;

	String vin;

	long instanceKey;

	@BeforeEach
	void startAnIntakeWaitingForTheGateInspection() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.processId = "console-intake-" + suffix;
		this.vin = "VF1MA0000" + suffix.toUpperCase().replaceAll("[^A-HJ-NPR-Z0-9]", "7").substring(0, 8);
		String formId = "gate-inspection-" + suffix;
		this.client.newDeployResourceCommand()
			.addResourceString(gateInspectionForm(formId), java.nio.charset.StandardCharsets.UTF_8, formId + ".form")
			.addProcessModel(intake(this.processId, formId), this.processId + ".bpmn")
			.send()
			.join();
		this.instanceKey = this.client.newCreateInstanceCommand()
			.bpmnProcessId(this.processId)
			.latestVersion()
			.variables(Map.of("vin", this.vin))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	@Test
	void shouldLetAnIntakeOperatorClaimCorrectAndCompleteTheGateInspection() {
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();

		HttpResponse<String> list = operator.get("/console/tasks?process=" + this.processId);
		assertThat(list.body()).contains("Gate inspection").contains(this.vin);

		HttpResponse<String> claimed = operator.post("/console/tasks/" + taskKey + "/claim", Map.of());
		assertThat(claimed.body()).contains("id=\"assignee\">intake-operator<");

		HttpResponse<String> rejected = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("-5"), "plateVin", List.of(this.vin)));
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"error-odometerKm\"")
			.contains("Must be at least 0")
			.contains("value=\"-5\"");
		assertThat(openTask("task-gate-inspection").getUserTaskKey()).as("task stays open").isEqualTo(taskKey);

		HttpResponse<String> completed = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("123456"), "plateVin", List.of(this.vin)));
		assertThat(completed.uri().getPath()).isEqualTo("/console/tasks");
		assertThat(completed.body()).contains("completed");
		assertThat(openTask("task-registration-review").getName()).isEqualTo("Registration review");
		assertThat(rootVariable("odometerKm")).isEqualTo("123456");
		assertThat(this.auditLog.about(this.vin)).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple("TASK_CLAIMED", "intake-operator"), tuple("TASK_COMPLETED", "intake-operator"));
		assertThat(this.auditLog.about(this.vin).get(1).data().toString()).contains("odometerKm").contains("123456");
	}

	@Test
	void shouldHideAndRefuseTasksOutsideTheUsersGroups() {
		WebSession inspector = WebSession.signedIn(baseUrl(), "quality-inspector");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();

		assertThat(inspector.get("/console/tasks?process=" + this.processId).body()).doesNotContain(this.vin);
		HttpResponse<String> page = inspector.get("/console/tasks/" + taskKey);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(inspector.post("/console/tasks/" + taskKey + "/claim", Map.of()).statusCode()).isEqualTo(403);
		assertThat(openTask("task-gate-inspection").getAssignee()).isNull();
	}

	@Test
	void shouldRefuseToCompleteATaskNotClaimed() {
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();
		operator.get("/console/tasks/" + taskKey);

		HttpResponse<String> response = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("10"), "plateVin", List.of(this.vin)));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(openTask("task-gate-inspection").getUserTaskKey()).isEqualTo(taskKey);
	}

	private UserTask openTask(String elementId) {
		return org.awaitility.Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(this.instanceKey)
					.elementId(elementId)
					.state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
	}

	private String rootVariable(String name) {
		return this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(this.instanceKey).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

	private static BpmnModelInstance intake(String processId, String formId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("task-gate-inspection")
			.name("Gate inspection")
			.zeebeUserTask()
			.zeebeCandidateGroups("intake-operators")
			.zeebeFormId(formId)
			.userTask("task-registration-review")
			.name("Registration review")
			.zeebeUserTask()
			.zeebeCandidateGroups("intake-operators")
			.endEvent("end")
			.done();
	}

	private static String gateInspectionForm(String formId) {
		return """
				{"id": "%s", "type": "default", "schemaVersion": 16, "components": [
				  {"type": "number", "key": "odometerKm", "label": "Odometer (km)", "validate": {"required": true, "min": 0}},
				  {"type": "textfield", "key": "plateVin", "label": "VIN on the plate", "validate": {"required": true, "pattern": "^[A-HJ-NPR-Z0-9]{17}$"}}
				]}
				""".formatted(formId);
	}

}
