package fr.refactory.engine.element;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import fr.refactory.engine.EngineClock;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event subprocesses with message, timer, signal, error and escalation start events,
 * interrupting and not, in a process and in an embedded subprocess.
 */
class EventSubprocessTest extends EngineTestSupport {

	private final EngineClock clock = new EngineClock(baseUrl());

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * A process that waits at the user task "work" (after the start event "start"), with
	 * these event subprocesses.
	 */
	private String deployWaitingAtWork(String prefix, UnaryOperator<ProcessBuilder> eventSubprocesses) {
		String processId = uniqueId(prefix);
		deploy(eventSubprocesses.apply(Bpmn.createExecutableProcess(processId))
			.startEvent("start")
			.userTask("work", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		return processId;
	}

	@Test
	void shouldInterruptTheProcessWhenAMessageStartsAnInterruptingEventSubprocess() {
		String message = uniqueId("recall-notice");
		String processId = uniqueId("esp-message-interrupting");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("recall",
					(esp) -> esp.startEvent("recallNotified")
						.interrupting(true)
						.message((m) -> m.name(message).zeebeCorrelationKeyExpression("vin"))
						.userTask("quarantine", (t) -> t.zeebeUserTask())
						.endEvent("recallHandled"))
			.startEvent("start")
			.userTask("repair", (t) -> t.zeebeUserTask())
			.endEvent("repaired")
			.done());
		long instance = start(processId, Map.of("vin", "VF1RECALL000000001"));

		publish(message, "VF1RECALL000000001", Map.of("campaign", "R-42"));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "repair:TERMINATED", "recall:ACTIVE",
				"recallNotified:COMPLETED", "quarantine:ACTIVE");
		assertThat(elements(instance)).filteredOn((e) -> e.getElementId().equals("recall"))
			.singleElement()
			.satisfies((e) -> assertThat(e.getType()).isEqualTo(ElementInstanceType.EVENT_SUB_PROCESS));
		assertThat(rootVariables(instance)).containsEntry("campaign", "\"R-42\"");
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("CORRELATED"));

		completeUserTask(instance, "quarantine");

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("quarantine:COMPLETED", "recallHandled:COMPLETED", "recall:COMPLETED");
	}

	@Test
	void shouldRunANonInterruptingEventSubprocessPerMessageAndCompleteTheProcessOnlyWhenAllAreDone() {
		String message = uniqueId("customer-called");
		String processId = uniqueId("esp-message-non-interrupting");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("call",
					(esp) -> esp.startEvent("called")
						.interrupting(false)
						.message((m) -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
						.userTask("callBack", (t) -> t.zeebeUserTask())
						.endEvent())
			.startEvent("start")
			.userTask("repair", (t) -> t.zeebeUserTask())
			.endEvent("repaired")
			.done());
		long instance = start(processId, Map.of("orderId", "o-7"));

		publish(message, "o-7", Map.of("calls", 1));
		publish(message, "o-7", Map.of("calls", 2));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "repair:ACTIVE", "call:ACTIVE",
				"called:COMPLETED", "callBack:ACTIVE", "call:ACTIVE", "called:COMPLETED", "callBack:ACTIVE");
		assertThat(rootVariables(instance)).containsEntry("calls", "2");
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("CREATED"));

		completeUserTask(instance, "repair");
		assertThat(state(instance)).as("the event subprocesses still run").isEqualTo(ProcessInstanceState.ACTIVE);

		completeUserTask(instance, "callBack");
		completeUserTask(instance, "callBack");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("DELETED"));
	}

	@Test
	void shouldTriggerAtOnceWhenABufferedMessageMatchesAsTheScopeStarts() {
		String message = uniqueId("cancel-order");
		String processId = deployWaitingAtWork("esp-message-buffered",
				(process) -> process.eventSubProcess("cancellation",
						(esp) -> esp.startEvent("cancelled")
							.message((m) -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
							.endEvent("cancelEnd")));
		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey("o-buffered")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join();

		long instance = start(processId, Map.of("orderId", "o-buffered"));

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("cancelled:COMPLETED", "cancelEnd:COMPLETED", "cancellation:COMPLETED")
			.noneMatch((entry) -> entry.startsWith("work"));
	}

	@Test
	void shouldInterruptOnlyTheSubprocessWhenItsTimerEventSubprocessFires() {
		String processId = uniqueId("esp-timer-in-subprocess");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("inspection",
					(s) -> s.embeddedSubProcess()
						.eventSubProcess("overdue",
								(esp) -> esp.startEvent("slaBreached").timerWithDuration("PT4H").endEvent("givenUp"))
						.startEvent("inspectionStart")
						.userTask("inspect", (t) -> t.zeebeUserTask())
						.endEvent())
			.userTask("next", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long instance = start(processId);

		this.clock.add(Duration.ofHours(3));
		assertThat(history(instance)).contains("inspect:ACTIVE").noneMatch((e) -> e.startsWith("overdue"));

		this.clock.add(Duration.ofHours(2));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "inspection:COMPLETED",
				"inspectionStart:COMPLETED", "inspect:TERMINATED", "overdue:COMPLETED", "slaBreached:COMPLETED",
				"givenUp:COMPLETED", "next:ACTIVE");
	}

	@Test
	void shouldRepeatANonInterruptingTimerCycleWhileTheScopeRuns() {
		String processId = uniqueId("esp-timer-cycle");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("reminders",
					(esp) -> esp.startEvent("remind")
						.interrupting(false)
						.timerWithCycle("R3/PT1H")
						.serviceTask("sendReminder", (t) -> t.zeebeJobType(processId + "-remind"))
						.endEvent())
			.startEvent("start")
			.userTask("approve", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long instance = start(processId);

		this.clock.add(Duration.ofMinutes(61));
		this.clock.add(Duration.ofMinutes(61));
		List<ActivatedJob> reminders = activate(processId + "-remind", 10);
		assertThat(reminders).hasSize(2);
		assertThat(history(instance)).filteredOn((e) -> e.startsWith("approve")).containsExactly("approve:ACTIVE");

		reminders.forEach((job) -> this.client.newCompleteCommand(job.getKey()).send().join());
		completeUserTask(instance, "approve");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		this.clock.add(Duration.ofMinutes(61));
		assertThat(history(instance)).filteredOn((e) -> e.startsWith("remind:")).hasSize(2);
	}

	@Test
	void shouldInterruptOnASignal() {
		String signal = uniqueId("line-stop");
		String processId = deployWaitingAtWork("esp-signal", (process) -> process.eventSubProcess("stop",
				(esp) -> esp.startEvent("lineStopped").signal(signal).endEvent("stopped")));
		long instance = start(processId);

		this.client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("reason", "fire")).send().join();

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("work:TERMINATED", "lineStopped:COMPLETED", "stopped:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("reason", "\"fire\"");
	}

	@Test
	void shouldCatchAJobErrorInTheSubprocessEventSubprocessBeforeTheSubprocessBoundaryEvent() {
		String processId = uniqueId("esp-error");
		String jobType = processId + "-measure";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("test",
					(s) -> s.embeddedSubProcess()
						.eventSubProcess("insulationFailure",
								(esp) -> esp.startEvent("failed")
									.error("INSULATION_FAULT")
									.userTask("rework", (t) -> t.zeebeUserTask())
									.endEvent())
						.startEvent()
						.serviceTask("measure", (t) -> t.zeebeJobType(jobType))
						.endEvent())
			.endEvent("tested")
			.moveToActivity("test")
			.boundaryEvent("anyError", (b) -> b.error())
			.endEvent("aborted")
			.done());
		long instance = start(processId);

		ActivatedJob job = activateOne(jobType);
		this.client.newThrowErrorCommand(job.getKey())
			.errorCode("INSULATION_FAULT")
			.variables(Map.of("megaOhms", 0.4))
			.send()
			.join();

		assertThat(history(instance))
			.contains("measure:TERMINATED", "insulationFailure:ACTIVE", "failed:COMPLETED", "rework:ACTIVE")
			.noneMatch((e) -> e.startsWith("anyError"));
		assertThat(rootVariables(instance)).containsEntry("megaOhms", "0.4");
		assertThat(incidents(instance)).isEmpty();

		completeUserTask(instance, "rework");
		assertThat(history(instance)).contains("rework:COMPLETED", "insulationFailure:COMPLETED", "test:COMPLETED",
				"tested:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCatchAnErrorEndEventWithACatchAllErrorEventSubprocessOfTheProcess() {
		String processId = uniqueId("esp-error-end");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("onError", (esp) -> esp.startEvent("anyError").error().endEvent("handled"))
			.startEvent("start")
			.parallelGateway("fork")
			.userTask("waiting", (t) -> t.zeebeUserTask())
			.endEvent()
			.moveToNode("fork")
			.endEvent("fail", (e) -> e.error("=\"VIN_INVALID\""))
			.done());
		long instance = start(processId);

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("waiting:TERMINATED", "anyError:COMPLETED", "handled:COMPLETED");
		assertThat(incidents(instance)).isEmpty();
	}

	@Test
	void shouldLetTheThrowerContinueWhenANonInterruptingEscalationEventSubprocessCatchesIt() {
		String processId = uniqueId("esp-escalation");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("notifyLead",
					(esp) -> esp.startEvent("late")
						.interrupting(false)
						.escalation("LATE")
						.userTask("leadReview", (t) -> t.zeebeUserTask())
						.endEvent())
			.startEvent("start")
			.intermediateThrowEvent("raise", (e) -> e.escalation("LATE"))
			.userTask("next", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long instance = start(processId);

		assertThat(history(instance)).contains("raise:COMPLETED", "next:ACTIVE", "late:COMPLETED", "leadReview:ACTIVE");
	}

	@Test
	void shouldInterruptTheScopeWhenAnInterruptingEscalationEventSubprocessCatchesIt() {
		String processId = uniqueId("esp-escalation-interrupting");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("scrap", (esp) -> esp.startEvent("scrapped").escalation("SCRAP").endEvent("scrapEnd"))
			.startEvent("start")
			.parallelGateway("fork")
			.userTask("paperwork", (t) -> t.zeebeUserTask())
			.endEvent()
			.moveToNode("fork")
			.endEvent("escalate", (e) -> e.escalation("SCRAP"))
			.done());
		long instance = start(processId);

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("paperwork:TERMINATED", "scrapped:COMPLETED", "scrapEnd:COMPLETED");
	}

	@Test
	void shouldCloseTheEventSubprocessSubscriptionsWhenTheProcessIsCancelled() {
		String message = uniqueId("late-message");
		String processId = deployWaitingAtWork("esp-cancel",
				(process) -> process.eventSubProcess("late",
						(esp) -> esp.startEvent("lateStart")
							.message((m) -> m.name(message).zeebeCorrelationKeyExpression("\"k\""))
							.endEvent()));
		long instance = start(processId);

		this.client.newCancelInstanceCommand(instance).send().join();

		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("DELETED"));
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldInterruptOnlyTheInnerInstanceOfAMultiInstanceSubprocessWhoseEventSubprocessTriggers() {
		String message = uniqueId("part-recalled");
		String processId = uniqueId("esp-multi-instance");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("perPart", (s) -> s
				.multiInstance((m) -> m.parallel().zeebeInputCollectionExpression("parts").zeebeInputElement("part"))
				.embeddedSubProcess()
				.eventSubProcess("recall",
						(esp) -> esp.startEvent("recalled")
							.message((m) -> m.name(message).zeebeCorrelationKeyExpression("part"))
							.endEvent("partRecalled"))
				.startEvent("partStart")
				.userTask("inspectPart", (t) -> t.zeebeUserTask())
				.endEvent("partInspected"))
			.endEvent("allParts")
			.done());
		long instance = start(processId, Map.of("parts", List.of("P-1", "P-2")));
		assertThat(messageSubscriptions(instance)).extracting((s) -> s.getCorrelationKey())
			.containsExactlyInAnyOrder("P-1", "P-2");

		publish(message, "P-2", Map.of());

		assertThat(history(instance)).filteredOn((e) -> e.startsWith("inspectPart"))
			.containsExactlyInAnyOrder("inspectPart:ACTIVE", "inspectPart:TERMINATED");
		assertThat(history(instance)).contains("recalled:COMPLETED", "partRecalled:COMPLETED")
			.doesNotContain("allParts:COMPLETED");
		completeUserTask(instance, "inspectPart");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCatchAnErrorOfACalledProcessInAnEventSubprocessOfTheCallingProcess() {
		String childId = uniqueId("esp-error-child");
		String parentId = uniqueId("esp-error-parent");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.endEvent("noHabilitation", (e) -> e.error("HABILITATION_MISSING"))
			.done());
		deploy(Bpmn.createExecutableProcess(parentId)
			.eventSubProcess("habilitationIssue",
					(esp) -> esp.startEvent("missing")
						.error("HABILITATION_MISSING")
						.userTask("resolveHabilitation", (t) -> t.zeebeUserTask())
						.endEvent())
			.startEvent("start")
			.parallelGateway("fork")
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.endEvent()
			.moveToNode("fork")
			.userTask("paperwork", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long parent = start(parentId);

		assertThat(history(parent)).contains("call:TERMINATED", "paperwork:TERMINATED", "habilitationIssue:ACTIVE",
				"missing:COMPLETED", "resolveHabilitation:ACTIVE");
		assertThat(incidents(parent)).isEmpty();
	}

	@Test
	void shouldNotStartAnotherEventSubprocessOfAScopeAnInterruptingOneRunsIn() {
		String processId = uniqueId("esp-error-inside-esp");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("onError", (esp) -> esp.startEvent("anyError").error().endEvent("handled"))
			.eventSubProcess("onEscalation",
					(esp) -> esp.startEvent("escalated")
						.escalation("LATE")
						.endEvent("failAgain", (e) -> e.error("STILL_LATE")))
			.startEvent("start")
			.endEvent("late", (e) -> e.escalation("LATE"))
			.done());

		long instance = start(processId);

		assertThat(history(instance)).contains("escalated:COMPLETED", "failAgain:ACTIVE")
			.noneMatch((e) -> e.startsWith("anyError"));
		assertThat(incidents(instance)).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("UNHANDLED_ERROR_EVENT"));
	}

	@Test
	void shouldRaiseAnIncidentBeforeStartingWhenACorrelationKeyFailsAndStartOnceResolved() {
		String message = uniqueId("recall");
		String processId = deployWaitingAtWork("esp-key-incident",
				(process) -> process.eventSubProcess("recall",
						(esp) -> esp.startEvent("recalled")
							.message((m) -> m.name(message).zeebeCorrelationKeyExpression("vin"))
							.endEvent()));
		long instance = start(processId);

		assertThat(incidents(instance)).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR"));
		assertThat(history(instance)).as("nothing starts while the scope's subscriptions cannot open").isEmpty();

		this.client.newSetVariablesCommand(instance).variables(Map.of("vin", "VF1KEY")).send().join();
		this.client.newResolveIncidentCommand(incidents(instance).get(0).getIncidentKey()).send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "work:ACTIVE");
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getCorrelationKey()).isEqualTo("VF1KEY"));
	}

	@Test
	void shouldRejectAMessageEventSubprocessStartWithoutACorrelationKey() {
		String processId = uniqueId("esp-no-key");
		var model = Bpmn.createExecutableProcess(processId)
			.eventSubProcess("late", (esp) -> esp.startEvent("lateStart").message("late-" + processId).endEvent())
			.startEvent()
			.endEvent()
			.done();

		var problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("model.bpmn").contains("zeebe:subscription");
	}

	@Test
	void shouldRejectAMessageStartEventInAnEmbeddedSubprocess() {
		String processId = uniqueId("subprocess-message-start");
		var model = Bpmn.createExecutableProcess(processId)
			.startEvent()
			.subProcess("inner",
					(s) -> s.embeddedSubProcess()
						.startEvent("innerStart")
						.message((m) -> m.name("m-" + processId).zeebeCorrelationKeyExpression("k"))
						.endEvent())
			.endEvent()
			.done();

		var problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("'inner'").contains("must be of type none");
	}

}
