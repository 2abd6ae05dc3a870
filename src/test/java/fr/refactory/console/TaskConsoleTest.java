package fr.refactory.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The operator's path through the console, over HTTP against the embedded engine. */
class TaskConsoleTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	IntakeFixture intake;

	@BeforeEach
	void startAnIntakeWaitingForTheGateInspection() {
		this.intake = IntakeFixture.start(this.client);
	}

	@Test
	void shouldLetAnIntakeOperatorClaimCorrectAndCompleteTheGateInspection() {
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();

		HttpResponse<String> list = operator.get("/console/tasks?process=" + this.intake.processId);
		assertThat(list.body()).contains("Gate inspection").contains(this.intake.vin);

		HttpResponse<String> claimed = operator.post("/console/tasks/" + taskKey + "/claim", Map.of());
		assertThat(claimed.body()).contains("id=\"assignee\">intake-operator<");

		HttpResponse<String> rejected = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("-5"), "plateVin", List.of(this.intake.vin)));
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"error-odometerKm\"")
			.contains("Must be at least 0")
			.contains("value=\"-5\"");
		assertThat(openTask("task-gate-inspection").getUserTaskKey()).as("task stays open").isEqualTo(taskKey);

		HttpResponse<String> completed = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("123456"), "plateVin", List.of(this.intake.vin)));
		assertThat(completed.uri().getPath()).isEqualTo("/console/tasks");
		assertThat(completed.body()).contains("completed");
		assertThat(openTask("task-registration-review").getName()).isEqualTo("Registration review");
		assertThat(rootVariable("odometerKm")).isEqualTo("123456");
		assertThat(this.auditLog.about(this.intake.vin)).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple("TASK_CLAIMED", "intake-operator"), tuple("TASK_COMPLETED", "intake-operator"));
		assertThat(this.auditLog.about(this.intake.vin).get(1).data().toString()).contains("odometerKm")
			.contains("123456");
	}

	@Test
	void shouldShowWhyACompletingTaskListenerRefusedTheCompletionOnTheTaskPage() {
		String processId = "denied-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String check = processId + "-check";
		this.client.newDeployResourceCommand()
			.addProcessModel(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
				.startEvent()
				.userTask("review",
						(t) -> t.name("Photo review")
							.zeebeUserTask()
							.zeebeCandidateGroups("intake-operators")
							.zeebeTaskListener((l) -> l.completing().type(check)))
				.endEvent()
				.done(), "denied.bpmn")
			.send()
			.join();
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		long taskKey = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(instance))
			.send()
			.join()
			.items()
			.get(0)
			.getUserTaskKey();
		operator.post("/console/tasks/" + taskKey + "/claim", Map.of());
		HttpResponse<String> waiting = operator.post("/console/tasks/" + taskKey + "/complete", Map.of());

		assertThat(waiting.uri().getPath()).as("the task stays reachable").isEqualTo("/console/tasks/" + taskKey);
		assertThat(waiting.body()).contains("id=\"completion-pending\"").doesNotContain("\" completed.");
		long job = this.client.newActivateJobsCommand()
			.jobType(check)
			.maxJobsToActivate(1)
			.send()
			.join()
			.getJobs()
			.get(0)
			.getKey();
		this.client.newCompleteCommand(job)
			.withResult((r) -> r.forUserTask().deny(true, "Odometer photo missing"))
			.send()
			.join();

		HttpResponse<String> page = operator.get("/console/tasks/" + taskKey);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"completion-denied\"")
			.contains("Completion was refused: Odometer photo missing");
	}

	/**
	 * "My shift" (ADR 0710): intake-operator works the morning, intake-supervisor the
	 * afternoon (simulated roster); the operator's filter keeps the task nobody holds and
	 * drops the one the supervisor claimed.
	 */
	@Test
	void shouldKeepOnlyTasksFreeOrHeldByMyShiftWhenFilteringMyShift() {
		IntakeFixture claimedByAfternoon = IntakeFixture.start(this.client);
		WebSession supervisor = WebSession.signedIn(baseUrl(), "intake-supervisor");
		long afternoonTask = claimedByAfternoon.openTask("task-gate-inspection").getUserTaskKey();
		supervisor.post("/console/tasks/" + afternoonTask + "/claim", Map.of());
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		String free = "/console/tasks?myShift=true&process=" + this.intake.processId;
		String held = "/console/tasks?myShift=true&process=" + claimedByAfternoon.processId;

		assertThat(operator.get(free).body()).contains(this.intake.vin);
		assertThat(operator.get(held).body()).doesNotContain(claimedByAfternoon.vin);
		assertThat(operator.get("/console/tasks?process=" + claimedByAfternoon.processId).body())
			.as("without the filter")
			.contains(claimedByAfternoon.vin);
		assertThat(supervisor.get(held).body()).as("the supervisor's own shift").contains(claimedByAfternoon.vin);
	}

	/**
	 * The shift handover (ADR 0711) refuses, naming the field, a shift the calendar does
	 * not have, the outgoing leader countersigning his own handover and a second
	 * countersignature; only shift leaders reach it; and the signed rows cannot be
	 * changed.
	 */
	@Test
	void shouldRefuseHandoverSignaturesThatAreNotTheIncomingLeadersOnce() {
		WebSession morning = WebSession.signedIn(baseUrl(), "shift-leader-morning");
		HttpResponse<String> unknownShift = morning.post("/console/handover",
				Map.of("outgoingShift", List.of("LUNCH"), "notes", List.of("-")));
		assertThat(unknownShift.statusCode()).isEqualTo(422);
		assertThat(unknownShift.body()).contains("id=\"error-outgoingShift\"").contains("LUNCH");

		HttpResponse<String> signed = morning.post("/console/handover",
				Map.of("outgoingShift", List.of("MORNING"), "notes", List.of("line 2 stopped")));
		String id = signed.body().replaceAll("(?s).*Handover (\\d+) signed.*", "$1");
		assertThat(morning.post("/console/handover/" + id + "/countersign", Map.of()).statusCode()).isEqualTo(422);
		WebSession afternoon = WebSession.signedIn(baseUrl(), "shift-leader-afternoon");
		assertThat(afternoon.post("/console/handover/" + id + "/countersign", Map.of()).body())
			.contains("Handover " + id + " countersigned");
		assertThat(afternoon.post("/console/handover/" + id + "/countersign", Map.of()).statusCode()).isEqualTo(409);
		assertThat(afternoon.post("/console/handover/" + Long.MAX_VALUE + "/countersign", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(WebSession.signedIn(baseUrl(), "intake-operator").get("/console/handover").statusCode())
			.isEqualTo(403);
		assertThat(this.auditLog.about("handover-" + id)).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple("SHIFT_HANDOVER_SIGNED", "shift-leader-morning"),
					tuple("SHIFT_HANDOVER_COUNTERSIGNED", "shift-leader-afternoon"));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.update("update shift_handover set notes = 'x' where handover_id = ?",
					Long.parseLong(id)))
			.hasMessageContaining("append-only");
	}

	@Test
	void shouldHideAndRefuseTasksOutsideTheUsersGroups() {
		WebSession outsider = WebSession.signedIn(baseUrl(), "battery-technician");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();

		assertThat(outsider.get("/console/tasks?process=" + this.intake.processId).body())
			.doesNotContain(this.intake.vin);
		HttpResponse<String> page = outsider.get("/console/tasks/" + taskKey);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(outsider.post("/console/tasks/" + taskKey + "/claim", Map.of()).statusCode()).isEqualTo(403);
		assertThat(openTask("task-gate-inspection").getAssignee()).isNull();
	}

	@Test
	void shouldRefuseToCompleteATaskNotClaimed() {
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		long taskKey = openTask("task-gate-inspection").getUserTaskKey();
		operator.get("/console/tasks/" + taskKey);

		HttpResponse<String> response = operator.post("/console/tasks/" + taskKey + "/complete",
				Map.of("odometerKm", List.of("10"), "plateVin", List.of(this.intake.vin)));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(openTask("task-gate-inspection").getUserTaskKey()).isEqualTo(taskKey);
	}

	private UserTask openTask(String elementId) {
		return this.intake.openTask(elementId);
	}

	private String rootVariable(String name) {
		return this.intake.rootVariable(name);
	}

}
