package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** User-task listeners (zeebe:taskListeners) as Camunda 8.8 documents them: jobs the task's transition waits for. */
class TaskListenerTest extends EngineTestSupport {

	@Test
	void shouldKeepTheTaskOpenWithTheReasonWhenACompletingListenerDeniesTheCompletion() {
		// given
		String id = uniqueId("deny");
		String check = uniqueId("check");
		deployTaskWithCompletingListeners(id, check);
		long key = start(id);
		UserTask task = openTask(key);

		// when
		this.client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("odometerKm", 5)).send().join();
		assertThat(taskState(task)).isEqualTo(UserTaskState.COMPLETING);
		ActivatedJob job = activateOne(check);
		this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().deny(true, "Odometer photo missing"))
			.send()
			.join();

		// then
		assertThat(job.getKind()).isEqualTo(JobKind.TASK_LISTENER);
		assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
		assertThat(job.getCustomHeaders()).containsEntry("station", "gate");
		assertThat(taskState(task)).isEqualTo(UserTaskState.CREATED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(rootVariables(key)).doesNotContainKey("odometerKm");
		Job denied = this.client.newJobSearchRequest()
			.filter((f) -> f.elementInstanceKey(task.getElementInstanceKey()).isDenied(true))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(denied.getDeniedReason()).isEqualTo("Odometer photo missing");
	}

	@Test
	void shouldApplyTheListenersCorrectionsAndCompleteOnceAllCompletingListenersRan() {
		// given
		String id = uniqueId("correct");
		String first = uniqueId("first");
		String second = uniqueId("second");
		deployTaskWithCompletingListeners(id, first, second);
		long key = start(id);
		UserTask task = openTask(key);
		this.client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("odometerKm", 5)).send().join();

		// when
		complete(activateOne(first), "supervisor", 80);
		assertThat(taskState(task)).isEqualTo(UserTaskState.COMPLETING);
		complete(activateOne(second), null, 90);

		// then
		UserTask done = this.client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
		assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);
		assertThat(done.getAssignee()).isEqualTo("supervisor");
		assertThat(done.getPriority()).isEqualTo(90);
		assertThat(rootVariables(key)).containsEntry("odometerKm", "5");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRecordTheCompletingDeniedAndCorrectedUserTaskEventsInOrder() {
		// given
		String id = uniqueId("sequence");
		String check = uniqueId("check");
		deployTaskWithCompletingListeners(id, check);
		long key = start(id);
		UserTask task = openTask(key);

		// when: a first completion is denied, the second goes through with a correction
		this.client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
		this.client.newCompleteCommand(activateOne(check).getKey())
			.withResult((r) -> r.forUserTask().deny(true, "not yet"))
			.send()
			.join();
		this.client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
		complete(activateOne(check), "supervisor", 70);

		// then
		assertThat(events(key).stream().filter((e) -> e.startsWith("USER_TASK") || e.startsWith("JOB")))
			.containsExactly("USER_TASK review:CREATED", "USER_TASK review:COMPLETING", "JOB review:CREATED",
					"JOB review:COMPLETED", "USER_TASK review:COMPLETION_DENIED", "USER_TASK review:COMPLETING",
					"JOB review:CREATED", "JOB review:COMPLETED", "USER_TASK review:CORRECTED",
					"USER_TASK review:COMPLETED");
		assertThat(elementEvents(key)).containsSubsequence("review:ELEMENT_ACTIVATED", "review:ELEMENT_COMPLETING",
				"review:ELEMENT_COMPLETED");
	}

	@Test
	void shouldRefuseVariablesOnATaskListenerJob() {
		String id = uniqueId("vars");
		String check = uniqueId("check");
		deployTaskWithCompletingListeners(id, check);
		long key = start(id);
		this.client.newCompleteUserTaskCommand(openTask(key).getUserTaskKey()).send().join();
		ActivatedJob job = activateOne(check);

		ProblemException problem = problem(
				() -> this.client.newCompleteCommand(job.getKey()).variables(Map.of("x", 1)).send().join(), 400);

		assertThat(problem.details().getDetail()).contains("variables");
		this.client.newCompleteCommand(job.getKey()).send().join();
		assertThat(state(key)).as("the refused completion changed nothing").isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRejectTaskListenersOfEventsTheEngineDoesNotRunNamingElementAndAttribute() {
		String id = uniqueId("creating");
		ProblemException problem = problem(() -> deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.creating().type("x")))
			.endEvent()
			.done()), 400);

		assertThat(problem.details().getDetail()).contains("'review'").contains("zeebe:taskListener eventType");
	}

	private void deployTaskWithCompletingListeners(String id, String... types) {
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> {
				t.zeebeUserTask().zeebeTaskHeader("station", "gate");
				for (String type : types) {
					t.zeebeTaskListener((l) -> l.completing().type(type));
				}
			})
			.endEvent()
			.done());
	}

	private void complete(ActivatedJob job, String assignee, int priority) {
		this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().correctAssignee(assignee).correctPriority(priority))
			.send()
			.join();
	}

	private UserTask openTask(long processInstanceKey) {
		List<UserTask> tasks = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private UserTaskState taskState(UserTask task) {
		return this.client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState();
	}

}
