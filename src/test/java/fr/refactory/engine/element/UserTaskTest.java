package fr.refactory.engine.element;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UserTaskTest extends EngineTestSupport {

	private UserTask onlyTask(long processInstanceKey) {
		List<UserTask> tasks = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	@Test
	void shouldCreateATaskWithStaticAssignmentScheduleAndPriority() {
		String id = uniqueId("user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review",
					(t) -> t.name("Review it")
						.zeebeUserTask()
						.zeebeAssignee("demo")
						.zeebeCandidateGroups("quality-inspectors, auditors")
						.zeebeCandidateUsers("quentin")
						.zeebeDueDate("2030-01-02T10:00:00Z")
						.zeebeFollowUpDate("2030-01-01T10:00:00Z")
						.zeebeTaskPriority("70"))
			.endEvent()
			.done());

		long key = start(id);

		UserTask task = onlyTask(key);
		assertThat(task.getName()).isEqualTo("Review it");
		assertThat(task.getElementId()).isEqualTo("review");
		assertThat(task.getState().name()).isEqualTo("CREATED");
		assertThat(task.getAssignee()).isEqualTo("demo");
		assertThat(task.getCandidateGroups()).containsExactly("quality-inspectors", "auditors");
		assertThat(task.getCandidateUsers()).containsExactly("quentin");
		assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-02T10:00:00Z").toInstant());
		assertThat(task.getFollowUpDate().toInstant())
			.isEqualTo(OffsetDateTime.parse("2030-01-01T10:00:00Z").toInstant());
		assertThat(task.getPriority()).isEqualTo(70);
		assertThat(history(key)).contains("review:ACTIVE");
	}

	@Test
	void shouldEvaluateFeelAttributesAndLinkTheDeployedForm() {
		String id = uniqueId("user");
		String formId = uniqueId("form");
		this.client.newDeployResourceCommand()
			.addResourceString("{\"id\":\"" + formId + "\",\"components\":[{\"key\":\"ok\",\"type\":\"checkbox\"}]}",
					StandardCharsets.UTF_8, "review.form")
			.send()
			.join();
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review",
					(t) -> t.zeebeUserTask()
						.zeebeAssigneeExpression("initiator")
						.zeebeCandidateGroupsExpression("[team, \"leads\"]")
						.zeebeTaskPriorityExpression("level * 10")
						.zeebeFormId(formId))
			.endEvent()
			.done());

		long key = start(id, Map.of("initiator", "ines", "team", "intake-operators", "level", 3));

		UserTask task = onlyTask(key);
		assertThat(task.getAssignee()).isEqualTo("ines");
		assertThat(task.getCandidateGroups()).containsExactly("intake-operators", "leads");
		assertThat(task.getPriority()).isEqualTo(30);
		var form = this.client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();
		assertThat(form.getFormId()).isEqualTo(formId);
		assertThat(String.valueOf(form.getSchema())).contains("checkbox");
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', value = {
			"assignee        | [\"anna\"]                        | to be 'STRING', but was 'ARRAY'",
			"assignee        | 42                                | to be 'STRING', but was 'NUMBER'",
			"candidateGroups | \"quality-inspectors, auditors\" | to be 'ARRAY', but was 'STRING'",
			"candidateGroups | missingVariable                   | to be 'ARRAY', but was 'NULL'",
			"candidateUsers  | [\"quentin\", 7]                 | to be 'ARRAY' containing 'STRING' items",
			"priority        | 12.5                              | to be an integer between 0 and 100, but was '12.5'",
			"priority        | 101                               | to be an integer between 0 and 100, but was '101'",
			"priority        | \"high\"                          | to be an integer between 0 and 100, but was 'high'",
			"dueDate         | \"next week\"                     | to be a valid date-time",
			"followUpDate    | date(\"2030-01-01\")              | to be a valid date-time" })
	void shouldRaiseAnExtractValueIncidentForAnAttributeCamundaWouldNotAccept(String attribute, String feel,
			String reason) {
		String id = uniqueId("user-strict");
		deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("review", (t) -> {
			t.zeebeUserTask();
			switch (attribute) {
				case "assignee" -> t.zeebeAssigneeExpression(feel);
				case "candidateGroups" -> t.zeebeCandidateGroupsExpression(feel);
				case "candidateUsers" -> t.zeebeCandidateUsersExpression(feel);
				case "priority" -> t.zeebeTaskPriorityExpression(feel);
				case "dueDate" -> t.zeebeDueDateExpression(feel);
				default -> t.zeebeFollowUpDateExpression(feel);
			}
		}).endEvent().done());

		long key = start(id);

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
			assertThat(incident.getElementId()).isEqualTo("review");
			assertThat(incident.getErrorMessage()).contains("'=" + feel + "'").contains(reason);
		});
		assertThat(
				this.client.newUserTaskSearchRequest().filter((f) -> f.processInstanceKey(key)).send().join().items())
			.as("no task is created")
			.isEmpty();
	}

	@Test
	void shouldRunAJobBasedUserTaskAsAJobCarryingTheTasksAttributesAsHeaders() {
		// given: a user task without zeebe:userTask (Camunda 8's job worker
		// implementation)
		String id = uniqueId("job-user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review",
					(t) -> t.zeebeAssigneeExpression("reviewer")
						.zeebeCandidateGroups("leads, auditors")
						.zeebeCandidateUsersExpression("[\"anna\"]")
						.zeebeDueDate("2030-01-02T10:00:00+01:00")
						.zeebeFollowUpDateExpression("\"2030-01-01T10:00:00+01:00\"")
						.zeebeFormKey("custom:review-form")
						.zeebeTaskHeader("station", "gate"))
			.endEvent()
			.done());
		long key = start(id, Map.of("reviewer", "quentin"));

		// when
		ActivatedJob job = jobBasedUserTaskOf(key);
		this.client.newCompleteCommand(job.getKey()).variables(Map.of("approved", true)).send().join();

		// then
		assertThat(job.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
		assertThat(job.getElementId()).isEqualTo("review");
		assertThat(job.getCustomHeaders()).containsEntry("station", "gate")
			.containsEntry("io.camunda.zeebe:assignee", "quentin")
			.containsEntry("io.camunda.zeebe:candidateGroups", "[\"leads\",\"auditors\"]")
			.containsEntry("io.camunda.zeebe:candidateUsers", "[\"anna\"]")
			.containsEntry("io.camunda.zeebe:dueDate", "2030-01-02T10:00:00+01:00")
			.containsEntry("io.camunda.zeebe:followUpDate", "2030-01-01T10:00:00+01:00")
			.containsEntry("io.camunda.zeebe:formKey", "custom:review-form");
		assertThat(
				this.client.newUserTaskSearchRequest().filter((f) -> f.processInstanceKey(key)).send().join().items())
			.as("not a Camunda user task: the user-task API does not see it")
			.isEmpty();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("approved", "true");
	}

	@Test
	void shouldRejectWhatAJobBasedUserTaskCannotCarryNamingElementAndAttribute() {
		ProblemException listeners = problem(() -> deploy(Bpmn.createExecutableProcess(uniqueId("job-user"))
			.startEvent()
			.userTask("review", (t) -> t.zeebeTaskListener((l) -> l.completing().type("check")))
			.endEvent()
			.done()), 400);
		ProblemException externalReference = problem(() -> deploy(Bpmn.createExecutableProcess(uniqueId("job-user"))
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeFormKey("custom:review-form"))
			.endEvent()
			.done()), 400);

		assertThat(listeners.details().getDetail()).contains("'review'").contains("Task listeners");
		assertThat(externalReference.details().getDetail()).contains("'review'").contains("formKey");
	}

	private ActivatedJob jobBasedUserTaskOf(long processInstanceKey) {
		List<ActivatedJob> jobs = activate("io.camunda.zeebe:userTask", 10);
		assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).contains(processInstanceKey);
		return jobs.stream().filter((j) -> j.getProcessInstanceKey() == processInstanceKey).findFirst().orElseThrow();
	}

	@Test
	void shouldAcceptAFeelDateAndTimeAndAnIntegralNumberAsCamundaDoes() {
		String id = uniqueId("user-strict");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review",
					(t) -> t.zeebeUserTask()
						.zeebeCandidateUsersExpression("[\"quentin\"]")
						.zeebeDueDateExpression("date and time(\"2030-01-02T10:00:00@Europe/Paris\")")
						.zeebeFollowUpDateExpression("\"2030-01-01T10:00:00+01:00\"")
						.zeebeTaskPriorityExpression("100.0"))
			.endEvent()
			.done());

		UserTask task = onlyTask(start(id));

		assertThat(task.getCandidateUsers()).containsExactly("quentin");
		assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-02T09:00:00Z").toInstant());
		assertThat(task.getFollowUpDate().toInstant())
			.isEqualTo(OffsetDateTime.parse("2030-01-01T09:00:00Z").toInstant());
		assertThat(task.getPriority()).isEqualTo(100);
	}

	@Test
	void shouldContinueWhenTheTaskIsCompletedWithVariables() {
		String id = uniqueId("user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("approve", (t) -> t.zeebeUserTask())
			.endEvent("end")
			.done());
		long key = start(id);
		UserTask task = onlyTask(key);

		this.client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("approved", "true");
		assertThat(onlyTask(key).getState().name()).isEqualTo("COMPLETED");
		assertThat(onlyTask(key).getCompletionDate()).isNotNull();
	}

	@Test
	void shouldCancelTheTaskWhenTheInstanceIsCancelled() {
		String id = uniqueId("user");
		deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("t", (t) -> t.zeebeUserTask()).endEvent().done());
		long key = start(id);

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(onlyTask(key).getState().name()).isEqualTo("CANCELED");
		assertThat(history(key)).contains("t:TERMINATED");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldRaiseAnIncidentForAnUnknownForm() {
		String id = uniqueId("user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("t", (t) -> t.zeebeUserTask().zeebeFormId(uniqueId("missing")))
			.endEvent()
			.done());

		long key = start(id);

		assertThat(incidents(key)).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("FORM_NOT_FOUND"));
	}

	@Test
	void shouldWriteTheEventSequenceOfAUserTask() {
		// given
		String id = uniqueId("user");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toTask")
			.userTask("task", (t) -> t.zeebeUserTask())
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());
		long key = start(id);

		// when
		completeUserTask(key, "task");

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toTask:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING",
				"USER_TASK task:CREATED", "task:ELEMENT_ACTIVATED", "USER_TASK task:COMPLETED",
				"task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN",
				"end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED",
				id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}
