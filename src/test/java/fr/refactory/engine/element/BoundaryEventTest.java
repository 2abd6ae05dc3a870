package fr.refactory.engine.element;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.EngineClock;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timer and message boundary events on tasks, subprocesses and call activities:
 * subscriptions follow the activity's life, interrupting events terminate it (and what
 * runs inside), non-interrupting ones leave it running.
 */
class BoundaryEventTest extends EngineTestSupport {

	private final EngineClock clock = new EngineClock(baseUrl());

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void shouldInterruptATaskWhenItsTimerBoundaryEventFires() {
		String type = uniqueId("slow-work");
		String processId = uniqueId("timer-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.boundaryEvent("late", (b) -> b.timerWithDuration("PT1H"))
			.userTask("escalate", (t) -> t.zeebeUserTask())
			.moveToActivity("work")
			.endEvent("done")
			.done());
		long instance = start(processId);

		this.clock.add(Duration.ofMinutes(30));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "work:ACTIVE");
		this.clock.add(Duration.ofMinutes(31));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "work:TERMINATED", "late:COMPLETED",
				"escalate:ACTIVE");
		assertThat(activatableJobs(type)).as("the interrupted task's job is gone").isEmpty();
	}

	@Test
	void shouldRepeatANonInterruptingTimerCycleWhileTheTaskRunsAndStopWhenItCompletes() {
		String type = uniqueId("long-work");
		String processId = uniqueId("timer-reminder");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.boundaryEvent("remind", (b) -> b.cancelActivity(false).timerWithCycle("R/PT1H"))
			.endEvent("reminded")
			.moveToActivity("work")
			.endEvent("done")
			.done());
		long instance = start(processId);

		this.clock.add(Duration.ofMinutes(61));
		this.clock.add(Duration.ofMinutes(60));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "work:ACTIVE", "remind:COMPLETED",
				"reminded:COMPLETED", "remind:COMPLETED", "reminded:COMPLETED");

		ActivatedJob job = activateOne(type);
		this.client.newCompleteCommand(job.getKey()).send().join();
		this.clock.add(Duration.ofHours(3));

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("remind:")).hasSize(2);
	}

	@Test
	void shouldCloseTheTimerWhenTheTaskCompletesFirst() {
		String type = uniqueId("quick-work");
		String processId = uniqueId("timer-closed");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.boundaryEvent("late", (b) -> b.timerWithDuration("PT1H"))
			.endEvent("timedOut")
			.moveToActivity("work")
			.endEvent("done")
			.done());
		long instance = start(processId);
		this.client.newCompleteCommand(activateOne(type).getKey()).send().join();

		this.clock.add(Duration.ofHours(2));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "work:COMPLETED", "done:COMPLETED");
	}

	@Test
	void shouldTerminateASubprocessAndEverythingInsideItOnAnInterruptingTimer() {
		String type = uniqueId("inner-work");
		String processId = uniqueId("timer-subprocess");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("stage",
					(s) -> s.embeddedSubProcess()
						.startEvent("stageStart")
						.serviceTask("inner", (t) -> t.zeebeJobType(type))
						.endEvent("stageEnd"))
			.boundaryEvent("stageLate", (b) -> b.timerWithDuration("P1D"))
			.endEvent("abandoned")
			.moveToActivity("stage")
			.endEvent("done")
			.done());
		long instance = start(processId);

		this.clock.add(Duration.ofDays(1).plusMinutes(1));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "stage:TERMINATED", "stageStart:COMPLETED",
				"inner:TERMINATED", "stageLate:COMPLETED", "abandoned:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(activatableJobs(type)).isEmpty();
	}

	@Test
	void shouldTerminateTheCalledProcessInstanceWhenATimerInterruptsTheCallActivity() {
		String childId = uniqueId("timer-child");
		String parentId = uniqueId("timer-parent");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.userTask("childTask", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		deploy(Bpmn.createExecutableProcess(parentId)
			.startEvent("start")
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.boundaryEvent("callLate", (b) -> b.timerWithDuration("PT2H"))
			.endEvent("gaveUp")
			.moveToActivity("call")
			.endEvent("done")
			.done());
		long parent = start(parentId);
		long child = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(parent))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();

		this.clock.add(Duration.ofHours(3));

		assertThat(state(parent)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(parent)).containsExactly("start:COMPLETED", "call:TERMINATED", "callLate:COMPLETED",
				"gaveUp:COMPLETED");
		assertThat(state(child)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(history(child)).contains("childTask:TERMINATED");
	}

	@Test
	void shouldInterruptATaskWhenAMessageBoundaryEventIsCorrelated() {
		String name = uniqueId("kit-cancelled");
		String processId = uniqueId("message-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("fit", (t) -> t.zeebeUserTask())
			.boundaryEvent("cancelled", (b) -> b.message((m) -> m.name(name).zeebeCorrelationKeyExpression("kitId")))
			.endEvent("stopped")
			.moveToActivity("fit")
			.endEvent("done")
			.done());
		long instance = start(processId, Map.of("kitId", "kit-1"));
		assertThat(messageSubscriptions(instance)).singleElement().satisfies((subscription) -> {
			assertThat(subscription.getElementId()).isEqualTo("cancelled");
			assertThat(subscription.getCorrelationKey()).isEqualTo("kit-1");
		});

		this.client.newCorrelateMessageCommand()
			.messageName(name)
			.correlationKey("kit-1")
			.variables(Map.of("reason", "supplier recall"))
			.send()
			.join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "fit:TERMINATED", "cancelled:COMPLETED",
				"stopped:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("reason", "\"supplier recall\"");
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("CORRELATED"));
		assertThat(this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(instance))
			.send()
			.join()
			.items()).singleElement().satisfies((task) -> assertThat(task.getState().name()).isEqualTo("CANCELED"));
	}

	@Test
	void shouldKeepTheTaskAndTheSubscriptionOnANonInterruptingMessageBoundaryEvent() {
		String name = uniqueId("customer-called");
		String processId = uniqueId("message-boundary-non-interrupting");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("repair", (t) -> t.zeebeUserTask())
			.boundaryEvent("called",
					(b) -> b.cancelActivity(false)
						.message((m) -> m.name(name).zeebeCorrelationKeyExpression("orderId")))
			.endEvent("noted")
			.moveToActivity("repair")
			.endEvent("done")
			.done());
		long instance = start(processId, Map.of("orderId", "o-1"));

		for (int call = 1; call <= 2; call++) {
			publish(name, "o-1", Map.of("calls", call));
		}

		assertThat(history(instance)).containsExactly("start:COMPLETED", "repair:ACTIVE", "called:COMPLETED",
				"noted:COMPLETED", "called:COMPLETED", "noted:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("calls", "2");
		completeUserTask(instance, "repair");

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("DELETED"));
	}

	/**
	 * Jobs of the type a worker could activate now (short poll: nothing is expected to
	 * arrive later).
	 */
	private java.util.List<io.camunda.client.api.response.ActivatedJob> activatableJobs(String type) {
		return this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(200))
			.send()
			.join()
			.getJobs();
	}

	/**
	 * A boundary event on a multi-instance activity belongs to its body: one timer for
	 * the whole body, and when it fires it terminates the body with every inner instance,
	 * then leaves through the boundary event once.
	 */
	@Test
	void shouldAttachTheBoundaryEventOfAMultiInstanceActivityToItsBody() {
		String type = uniqueId("per-item");
		String processId = uniqueId("mi-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("work", (t) -> t.zeebeJobType(type)
				.multiInstance((m) -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item")))
			.boundaryEvent("late", (b) -> b.timerWithDuration("PT1H"))
			.endEvent("timedOut")
			.moveToActivity("work")
			.endEvent("done")
			.done());
		long instance = start(processId, Map.of("items", List.of(1, 2, 3)));

		this.clock.add(Duration.ofMinutes(61));

		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("work:"))
			.hasSize(4)
			.allMatch((entry) -> entry.endsWith(":TERMINATED"));
		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("late:"))
			.containsExactly("late:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(activatableJobs(type)).as("the inner instances' jobs are gone").isEmpty();
	}

	@Test
	void shouldCatchAnErrorOfOneInnerInstanceAtTheMultiInstanceBody() {
		String type = uniqueId("per-item-check");
		String processId = uniqueId("mi-error");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("check", (t) -> t.zeebeJobType(type)
				.multiInstance((m) -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item")))
			.boundaryEvent("failed", (b) -> b.error("CHECK_FAILED"))
			.endEvent("rejected")
			.moveToActivity("check")
			.endEvent("done")
			.done());
		long instance = start(processId, Map.of("items", List.of("a", "b")));

		ActivatedJob job = activateOne(type);
		this.client.newThrowErrorCommand(job.getKey()).errorCode("CHECK_FAILED").send().join();

		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("check:"))
			.hasSize(3)
			.allMatch((entry) -> entry.endsWith(":TERMINATED"));
		assertThat(history(instance))
			.filteredOn((entry) -> entry.startsWith("failed:") || entry.startsWith("rejected:"))
			.containsExactly("failed:COMPLETED", "rejected:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCreateTheTaskOnceWhenItsBoundaryTimerFailsAndTheIncidentIsResolved() {
		String processId = uniqueId("boundary-timer-incident");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("repair", (t) -> t.zeebeUserTask())
			.boundaryEvent("late", (b) -> b.timerWithDurationExpression("sla"))
			.endEvent("escalated")
			.moveToActivity("repair")
			.endEvent("done")
			.done());
		long instance = start(processId);
		assertThat(incidents(instance)).singleElement()
			.satisfies((incident) -> assertThat(incident.getElementId()).isEqualTo("repair"));

		this.client.newSetVariablesCommand(instance).variables(Map.of("sla", "PT4H")).send().join();
		this.client.newResolveIncidentCommand(incidents(instance).get(0).getIncidentKey()).send().join();

		assertThat(this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(instance))
			.send()
			.join()
			.items()).as("one task, not one per activation attempt").hasSize(1);
		assertThat(history(instance)).containsExactly("start:COMPLETED", "repair:ACTIVE");
	}

	@Test
	void shouldWriteTheEventSequenceOfAnInterruptingTimerBoundaryEvent() {
		// given
		String id = uniqueId("boundary-events");
		String type = uniqueId("slow");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toTask")
			.serviceTask("task", (t) -> t.zeebeJobType(type))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.moveToActivity("task")
			.boundaryEvent("timeout", (b) -> b.timerWithDuration("PT1H"))
			.sequenceFlowId("toLate")
			.endEvent("late")
			.done());
		long key = start(id);

		// when
		this.clock.add(Duration.ofHours(2));

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toTask:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING", "JOB task:CREATED",
				"TIMER timeout:CREATED", "task:ELEMENT_ACTIVATED", "TIMER timeout:TRIGGERED",
				"task:ELEMENT_TERMINATING", "JOB task:CANCELED", "task:ELEMENT_TERMINATED",
				"timeout:ELEMENT_ACTIVATING", "timeout:ELEMENT_ACTIVATED", "timeout:ELEMENT_COMPLETING",
				"timeout:ELEMENT_COMPLETED", "toLate:SEQUENCE_FLOW_TAKEN", "late:ELEMENT_ACTIVATING",
				"late:ELEMENT_ACTIVATED", "late:ELEMENT_COMPLETING", "late:ELEMENT_COMPLETED",
				id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}
