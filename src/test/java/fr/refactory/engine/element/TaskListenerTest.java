package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CancelProcessInstanceResponse;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User-task listeners (zeebe:taskListeners) as Camunda 8.8 documents them: jobs the
 * task's transition waits for.
 */
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
	void shouldCreateTheTaskOnlyOnceItsCreatingListenersRanWithTheirCorrections() {
		// given: no assignee in the model, so a creating listener may set one
		String id = uniqueId("creating");
		String create = uniqueId("create");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.creating().type(create)))
			.endEvent()
			.done());
		long key = start(id);
		UserTask creating = openTask(key);
		assertThat(creating.getState()).isEqualTo(UserTaskState.CREATING);
		assertThat(problem(() -> this.client.newCompleteUserTaskCommand(creating.getUserTaskKey()).send().join(), 409)
			.details()
			.getDetail()).contains("CREATING");

		// when
		ActivatedJob job = activateOne(create);
		assertThat(problem(() -> this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().deny(true, "no"))
			.send()
			.join(), 400).details().getDetail()).as("a creation cannot be denied").contains("cannot be denied");
		complete(job, "anna", 80);

		// then
		assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
		assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(creating.getUserTaskKey());
		assertThat(job.getUserTask().getAssignee()).isNull();
		assertThat(job.getUserTask().getPriority()).isEqualTo(50);
		UserTask created = this.client.newUserTaskGetRequest(creating.getUserTaskKey()).send().join();
		assertThat(created.getState()).isEqualTo(UserTaskState.CREATED);
		assertThat(created.getAssignee()).isEqualTo("anna");
		assertThat(created.getPriority()).isEqualTo(80);
		assertThat(events(key).stream().filter((e) -> e.startsWith("USER_TASK")))
			.containsExactly("USER_TASK review:CREATING", "USER_TASK review:CORRECTED", "USER_TASK review:CREATED");
	}

	@Test
	void shouldAssignTheModelsAssigneeThroughTheAssigningListenersOnceTheTaskIsCreated() {
		// given
		String id = uniqueId("model-assignee");
		String create = uniqueId("create");
		String assign = uniqueId("assign");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review",
					(t) -> t.zeebeUserTask()
						.zeebeAssignee("quentin")
						.zeebeTaskListener((l) -> l.creating().type(create))
						.zeebeTaskListener((l) -> l.assigning().type(assign)))
			.endEvent()
			.done());
		long key = start(id);

		// when: the creating listener sees the model's assignee and may not replace it
		ActivatedJob creating = activateOne(create);
		assertThat(creating.getUserTask().getAssignee()).isEqualTo("quentin");
		assertThat(problem(() -> complete(creating, "anna", 60), 400).details().getDetail())
			.contains("assigning listener");
		this.client.newCompleteCommand(creating.getKey()).send().join();
		UserTask assigning = openTask(key);
		ActivatedJob job = activateOne(assign);
		this.client.newCompleteCommand(job.getKey()).send().join();

		// then
		assertThat(assigning.getState()).isEqualTo(UserTaskState.ASSIGNING);
		assertThat(assigning.getAssignee()).isNull();
		assertThat(job.getUserTask().getAssignee()).isEqualTo("quentin");
		assertThat(job.getUserTask().getChangedAttributes()).containsExactly("assignee");
		assertThat(taskOf(assigning).getAssignee()).isEqualTo("quentin");
		assertThat(taskOf(assigning).getState()).isEqualTo(UserTaskState.CREATED);
	}

	@Test
	void shouldKeepTheTaskAsItWasWhenAnAssigningListenerDeniesTheAssignment() {
		// given
		String id = uniqueId("deny-assign");
		String assign = uniqueId("assign");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.assigning().type(assign)))
			.endEvent()
			.done());
		long key = start(id);
		UserTask task = openTask(key);

		// when
		this.client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("anna").action("delegate").send().join();
		assertThat(taskState(task)).isEqualTo(UserTaskState.ASSIGNING);
		ActivatedJob job = activateOne(assign);
		this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().deny(true, "anna is on leave"))
			.send()
			.join();

		// then
		assertThat(job.getUserTask().getAction()).isEqualTo("delegate");
		assertThat(job.getUserTask().getAssignee()).isEqualTo("anna");
		assertThat(job.getUserTask().getChangedAttributes()).containsExactly("assignee");
		UserTask after = taskOf(task);
		assertThat(after.getState()).isEqualTo(UserTaskState.CREATED);
		assertThat(after.getAssignee()).isNull();
		Job denied = this.client.newJobSearchRequest()
			.filter((f) -> f.elementInstanceKey(task.getElementInstanceKey())
				.listenerEventType(ListenerEventType.ASSIGNING)
				.isDenied(true))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(denied.getDeniedReason()).isEqualTo("anna is on leave");
		assertThat(events(key)).contains("USER_TASK review:ASSIGNING", "USER_TASK review:ASSIGNMENT_DENIED")
			.doesNotContain("USER_TASK review:ASSIGNED");
	}

	@Test
	void shouldApplyAnUpdateWithTheUpdatingListenersCorrectionsOrKeepTheTaskWhenDenied() {
		// given
		String id = uniqueId("update");
		String update = uniqueId("update");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.updating().type(update)))
			.endEvent()
			.done());
		long key = start(id);
		UserTask task = openTask(key);

		// when: one update is denied, the next corrected
		this.client.newUpdateUserTaskCommand(task.getUserTaskKey()).priority(90).send().join();
		assertThat(taskState(task)).isEqualTo(UserTaskState.UPDATING);
		UserTask searched = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(key).state(UserTaskState.UPDATING))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(searched.getPriority()).as("8.8: an -ING task shows the values from before the change")
			.isEqualTo(50);
		this.client.newCompleteCommand(activateOne(update).getKey())
			.withResult((r) -> r.forUserTask().deny(true, "priority is set by the planner"))
			.send()
			.join();
		assertThat(taskOf(task).getPriority()).as("denied: unchanged").isEqualTo(50);
		this.client.newUpdateUserTaskCommand(task.getUserTaskKey()).priority(90).candidateGroups("leads").send().join();
		ActivatedJob job = activateOne(update);
		this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().correctPriority(70))
			.send()
			.join();

		// then
		assertThat(job.getUserTask().getAction()).isEqualTo("update");
		assertThat(job.getUserTask().getPriority()).isEqualTo(90);
		assertThat(job.getUserTask().getChangedAttributes()).containsExactlyInAnyOrder("priority", "candidateGroups");
		UserTask updated = taskOf(task);
		assertThat(updated.getState()).isEqualTo(UserTaskState.CREATED);
		assertThat(updated.getPriority()).isEqualTo(70);
		assertThat(updated.getCandidateGroups()).containsExactly("leads");
		assertThat(events(key)).contains("USER_TASK review:UPDATE_DENIED", "USER_TASK review:UPDATED");
	}

	@Test
	void shouldRunTheUpdatingListenersForTaskLocalVariablesAndSetThemOnlyWhenTheyAllow() {
		// given
		String id = uniqueId("variables");
		String update = uniqueId("update");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.updating().type(update)))
			.endEvent()
			.done());
		long key = start(id);
		long scope = openTask(key).getElementInstanceKey();

		// when: the first variable update is denied, the second allowed
		this.client.newSetVariablesCommand(scope).variables(Map.of("note", "scratched")).local(true).send().join();
		UserTask updating = openTask(key);
		assertThat(variablesOfScope(scope)).as("held while the listeners run").doesNotContainKey("note");
		ActivatedJob denied = activateOne(update);
		this.client.newCompleteCommand(denied.getKey())
			.withResult((r) -> r.forUserTask().deny(true, "notes come from the form"))
			.send()
			.join();
		assertThat(variablesOfScope(scope)).as("denied: discarded").doesNotContainKey("note");
		this.client.newSetVariablesCommand(scope).variables(Map.of("note", "bent")).local(true).send().join();
		this.client.newCompleteCommand(activateOne(update).getKey()).send().join();

		// then
		assertThat(updating.getState()).isEqualTo(UserTaskState.UPDATING);
		assertThat(denied.getUserTask().getAction()).isEqualTo("update");
		assertThat(variablesOfScope(scope)).containsEntry("note", "\"bent\"");
		assertThat(rootVariables(key)).doesNotContainKey("note");
		assertThat(taskOf(updating).getState()).isEqualTo(UserTaskState.CREATED);
		assertThat(events(key)).containsSubsequence("USER_TASK review:UPDATING", "USER_TASK review:UPDATE_DENIED",
				"USER_TASK review:UPDATING", "USER_TASK review:UPDATED");
		assertThat(problem(() -> this.client.newSetVariablesCommand(scope)
			.variables(Map.of("note", "x"))
			.local(false)
			.send()
			.join(), 409).details().getDetail()).as("propagated variables are refused on such a task, as in 8.8")
			.contains("local");
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
	void shouldCancelTheTaskAndEndTheInstanceOnlyOnceItsCancelingListenersRan() {
		// given
		String id = uniqueId("canceling");
		String first = uniqueId("notify");
		String second = uniqueId("release");
		deployTaskWithCancelingListeners(id, first, second);
		long key = start(id);
		UserTask task = openTask(key);

		// when: the cancellation answers only once the listeners ran (8.8's endpoint
		// waits)
		CamundaFuture<CancelProcessInstanceResponse> cancel = this.client.newCancelInstanceCommand(key).send();
		ActivatedJob notify = activateOne(first);
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELING);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(cancel.isDone()).as("the cancellation waits for the listeners").isFalse();
		this.client.newCompleteCommand(notify.getKey()).send().join();
		this.client.newCompleteCommand(activateOne(second).getKey()).send().join();
		cancel.join();

		// then
		assertThat(notify.getKind()).isEqualTo(JobKind.TASK_LISTENER);
		assertThat(notify.getListenerEventType()).isEqualTo(ListenerEventType.CANCELING);
		assertThat(notify.getCustomHeaders()).containsEntry("station", "gate");
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(events(key).stream().filter((e) -> e.startsWith("USER_TASK") || e.startsWith("JOB")))
			.containsExactly("USER_TASK review:CREATED", "USER_TASK review:CANCELING", "JOB review:CREATED",
					"JOB review:COMPLETED", "JOB review:CREATED", "JOB review:COMPLETED", "USER_TASK review:CANCELED");
		assertThat(elementEvents(key)).endsWith("review:ELEMENT_TERMINATED", id + ":ELEMENT_TERMINATED");
	}

	@Test
	void shouldTakeAnInterruptingBoundaryEventOnlyOnceTheCancelingListenersRan() {
		// given
		String id = uniqueId("interrupted");
		String release = uniqueId("release");
		String orderId = uniqueId("order");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.canceling().type(release)))
			.endEvent("reviewed")
			.moveToActivity("review")
			.boundaryEvent("recalled",
					(b) -> b.message((m) -> m.name("recall").zeebeCorrelationKeyExpression("orderId")))
			.userTask("rework", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long key = start(id, Map.of("orderId", orderId));
		UserTask task = openTask(key);

		// when
		publish("recall", orderId, Map.of());
		ActivatedJob job = activateOne(release);
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELING);
		assertThat(elementEvents(key)).doesNotContain("recalled:ELEMENT_ACTIVATING");
		this.client.newCompleteCommand(job.getKey()).send().join();

		// then
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(elementEvents(key)).containsSubsequence("review:ELEMENT_TERMINATING", "review:ELEMENT_TERMINATED",
				"recalled:ELEMENT_ACTIVATING", "rework:ELEMENT_ACTIVATED");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	@Test
	void shouldCompleteTheScopeOfATerminateEndEventOnlyOnceTheCancelingListenersRan() {
		// given: a parallel branch reaches a terminate end event while the task is open
		String id = uniqueId("terminated");
		String release = uniqueId("release");
		String go = uniqueId("go");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.parallelGateway("fork")
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.canceling().type(release)))
			.endEvent()
			.moveToNode("fork")
			.serviceTask("abort", (s) -> s.zeebeJobType(go))
			.endEvent("stop", (e) -> e.terminate())
			.done());
		long key = start(id);
		UserTask task = openTask(key);

		// when
		this.client.newCompleteCommand(activateOne(go).getKey()).send().join();
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELING);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		this.client.newCompleteCommand(activateOne(release).getKey()).send().join();

		// then
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldStartAnInterruptingEventSubprocessOnlyOnceTheCancelingListenersRan() {
		// given
		String id = uniqueId("esp");
		String release = uniqueId("release");
		String vin = uniqueId("vin");
		deploy(Bpmn.createExecutableProcess(id)
			.eventSubProcess("recall",
					(esp) -> esp.startEvent("recallNotified")
						.interrupting(true)
						.message((m) -> m.name("recall-" + id).zeebeCorrelationKeyExpression("vin"))
						.userTask("quarantine", (t) -> t.zeebeUserTask())
						.endEvent())
			.startEvent()
			.userTask("review", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.canceling().type(release)))
			.endEvent()
			.done());
		long key = start(id, Map.of("vin", vin));
		UserTask task = openTask(key);

		// when
		publish("recall-" + id, vin, Map.of());
		ActivatedJob job = activateOne(release);
		assertThat(elementEvents(key)).doesNotContain("recall:ELEMENT_ACTIVATING");
		this.client.newCompleteCommand(job.getKey()).send().join();

		// then
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(elementEvents(key)).containsSubsequence("review:ELEMENT_TERMINATED", "recall:ELEMENT_ACTIVATING",
				"quarantine:ELEMENT_ACTIVATED");
	}

	@Test
	void shouldTerminateACalledInstanceAndItsCallActivityOnlyOnceTheCancelingListenersRan() {
		// given
		String childId = uniqueId("child");
		String id = uniqueId("parent");
		String release = uniqueId("release");
		deployTaskWithCancelingListeners(childId, release);
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.endEvent()
			.done());
		long key = start(id);
		UserTask task = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.elementId("review").bpmnProcessId(childId))
			.send()
			.join()
			.items()
			.get(0);
		long child = task.getProcessInstanceKey();

		// when
		CamundaFuture<CancelProcessInstanceResponse> cancel = this.client.newCancelInstanceCommand(key).send();
		ActivatedJob job = activateOne(release);
		assertThat(state(child)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		this.client.newCompleteCommand(job.getKey()).send().join();
		cancel.join();

		// then
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(state(child)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(elementEvents(key)).endsWith("call:ELEMENT_TERMINATED", id + ":ELEMENT_TERMINATED");
	}

	@Test
	void shouldKeepTheTerminationWaitingOnACancelingListenerIncidentUntilItIsResolved() {
		// given
		String id = uniqueId("incident");
		String release = uniqueId("release");
		deployTaskWithCancelingListeners(id, release);
		long key = start(id);
		UserTask task = openTask(key);
		this.client.newCancelInstanceCommand(key).send();

		// when: the listener's worker fails without retries left
		ActivatedJob job = activateOne(release);
		this.client.newFailCommand(job.getKey()).retries(0).errorMessage("ERP not reachable").send().join();

		// then: an incident on the task's element, the instance still terminating
		assertThat(incidents(key)).singleElement()
			.satisfies((incident) -> assertThat(incident.getElementId()).isEqualTo("review"));
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELING);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

		// when: resolved, the listener runs again and the termination goes on
		this.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		this.client.newResolveIncidentCommand(incidents(key).get(0).getIncidentKey()).send().join();
		this.client.newCompleteCommand(activateOne(release).getKey()).send().join();
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELED);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldRefuseADenialOrCorrectionsOfATaskCancellation() {
		// given
		String id = uniqueId("nodeny");
		String release = uniqueId("release");
		deployTaskWithCancelingListeners(id, release);
		long key = start(id);
		UserTask task = openTask(key);
		this.client.newCancelInstanceCommand(key).send();
		ActivatedJob job = activateOne(release);

		// when
		ProblemException denial = problem(() -> this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().deny(true, "keep it"))
			.send()
			.join(), 400);
		ProblemException correction = problem(() -> this.client.newCompleteCommand(job.getKey())
			.withResult((r) -> r.forUserTask().correctPriority(90))
			.send()
			.join(), 400);

		// then
		assertThat(denial.details().getDetail()).contains("canceling");
		assertThat(correction.details().getDetail()).contains("corrections").contains("canceling");
		assertThat(taskState(task)).isEqualTo(UserTaskState.CANCELING);
		this.client.newCompleteCommand(job.getKey()).send().join();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	private void deployTaskWithCancelingListeners(String id, String... types) {
		deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("review", (t) -> {
			t.zeebeUserTask().zeebeTaskHeader("station", "gate");
			for (String type : types) {
				t.zeebeTaskListener((l) -> l.canceling().type(type));
			}
		}).endEvent().done());
	}

	private void deployTaskWithCompletingListeners(String id, String... types) {
		deploy(Bpmn.createExecutableProcess(id).startEvent().userTask("review", (t) -> {
			t.zeebeUserTask().zeebeTaskHeader("station", "gate");
			for (String type : types) {
				t.zeebeTaskListener((l) -> l.completing().type(type));
			}
		}).endEvent().done());
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

	private UserTask taskOf(UserTask task) {
		return this.client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
	}

	private UserTaskState taskState(UserTask task) {
		return this.client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState();
	}

}
