package fr.refactory.engine.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTaskApiTest extends EngineTestSupport {

	private String deployTasks() {
		String id = uniqueId("tasks");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("check",
					(t) -> t.zeebeUserTask()
						.zeebeCandidateGroupsExpression("groups")
						.zeebeCandidateUsersExpression("users")
						.zeebeTaskPriorityExpression("priority")
						.zeebeDueDateExpression("due"))
			.endEvent()
			.done());
		return id;
	}

	private long startTask(String id, List<String> groups, int priority, String due) {
		return start(id, Map.of("groups", groups, "users", List.of("u-" + priority), "priority", priority, "due", due));
	}

	private UserTask task(long processInstanceKey) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items()
			.get(0);
	}

	@Test
	void shouldFilterSortAndPage() {
		String id = deployTasks();
		String group = uniqueId("group");
		long low = startTask(id, List.of(group), 10, "2030-01-01T00:00:00Z");
		long high = startTask(id, List.of(group, "other"), 90, "2031-01-01T00:00:00Z");
		startTask(id, List.of("elsewhere"), 50, "2032-01-01T00:00:00Z");

		var byGroup = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.candidateGroup(group).state(UserTaskState.CREATED).elementId("check"))
			.sort((s) -> s.priority().desc())
			.send()
			.join();
		var byUser = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.bpmnProcessId(id).candidateUser("u-10"))
			.send()
			.join();
		var dueBefore = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.bpmnProcessId(id).dueDate((d) -> d.lt(OffsetDateTime.parse("2030-06-01T00:00:00Z"))))
			.send()
			.join();
		var firstPage = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.bpmnProcessId(id))
			.sort((s) -> s.creationDate().asc())
			.page((p) -> p.from(1).limit(1))
			.send()
			.join();

		assertThat(byGroup.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(high, low);
		assertThat(byUser.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(low);
		assertThat(dueBefore.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(low);
		assertThat(firstPage.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(high);
		assertThat(firstPage.page().totalItems()).isEqualTo(3);
	}

	@Test
	void shouldAssignAndUnassign() {
		long key = startTask(deployTasks(), List.of("g"), 50, "2030-01-01T00:00:00Z");
		long taskKey = task(key).getUserTaskKey();

		this.client.newAssignUserTaskCommand(taskKey).assignee("demo").send().join();
		assertThat(task(key).getAssignee()).isEqualTo("demo");
		var assigned = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(key).assignee("demo"))
			.send()
			.join();
		assertThat(assigned.items()).hasSize(1);
		problem(() -> this.client.newAssignUserTaskCommand(taskKey)
			.assignee("other")
			.allowOverride(false)
			.send()
			.join(), 409);

		this.client.newUnassignUserTaskCommand(taskKey).send().join();
		assertThat(task(key).getAssignee()).isNull();
	}

	@Test
	void shouldRejectCompletionWithInvalidJsonAndKeepTheTaskOpen() throws Exception {
		long key = startTask(deployTasks(), List.of("g"), 50, "2030-01-01T00:00:00Z");
		long taskKey = task(key).getUserTaskKey();

		var response = raw("POST", "/v2/user-tasks/" + taskKey + "/completion", "application/json",
				"{\"variables\": {\"a\": ");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(task(key).getState()).isEqualTo(UserTaskState.CREATED);
		assertThat(history(key)).contains("check:ACTIVE");
	}

	@Test
	void shouldRejectASecondCompletion() {
		long key = startTask(deployTasks(), List.of("g"), 50, "2030-01-01T00:00:00Z");
		long taskKey = task(key).getUserTaskKey();
		this.client.newCompleteUserTaskCommand(taskKey).variables(Map.of("v", 1)).send().join();

		problem(() -> this.client.newCompleteUserTaskCommand(taskKey).variables(Map.of("v", 2)).send().join(), 409);

		assertThat(rootVariables(key)).containsEntry("v", "1");
	}

	@Test
	void shouldAnswerNotFoundForUnknownTasksAndNoContentWithoutForm() {
		long key = startTask(deployTasks(), List.of("g"), 50, "2030-01-01T00:00:00Z");

		problem(() -> this.client.newUserTaskGetRequest(99L).send().join(), 404);
		problem(() -> this.client.newCompleteUserTaskCommand(99L).send().join(), 404);
		problem(() -> this.client.newAssignUserTaskCommand(99L).assignee("x").send().join(), 404);
		assertThat(this.client.newUserTaskGetFormRequest(task(key).getUserTaskKey()).send().join().getFormId())
			.isNull();
	}

}
