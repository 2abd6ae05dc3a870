package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compensation as Camunda 8.8 documents it (docs.camunda.io, "Compensation events" and
 * "Compensation handler"): a compensation throw or end event invokes the handlers of the
 * completed activities of its scope (not of active or terminated ones) and stays active
 * until every invoked handler has completed.
 */
class CompensationTest extends EngineTestSupport {

	@Test
	void shouldInvokeTheHandlerOfACompletedActivityAndWaitForItAtAnIntermediateThrowEvent() {
		String id = uniqueId("compensation-throw");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.serviceTask("reserve", (t) -> t.zeebeJobType(id + "-reserve"))
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.serviceTask("releaseReservation").zeebeJobType(id + "-release"))
			.moveToActivity("reserve")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.userTask("next")
			.zeebeUserTask()
			.endEvent()
			.done());
		long instance = start(id, Map.of("vin", "VF1COMP"));
		complete(id + "-reserve", Map.of("slot", "B2"));

		ActivatedJob release = activateOne(id + "-release");

		assertThat(release.getElementId()).isEqualTo("releaseReservation");
		assertThat(release.getVariablesAsMap()).containsEntry("vin", "VF1COMP").containsEntry("slot", "B2");
		assertThat(history(instance)).containsExactly("start:COMPLETED", "reserve:COMPLETED", "undo:ACTIVE",
				"releaseReservation:ACTIVE");

		this.client.newCompleteCommand(release.getKey()).variables(Map.of("released", true)).send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "reserve:COMPLETED", "undo:COMPLETED",
				"releaseReservation:COMPLETED", "next:ACTIVE");
		assertThat(rootVariables(instance)).containsEntry("released", "true");
	}

	@Test
	void shouldCompleteTheProcessAfterTheHandlersOfACompensationEndEvent() {
		String id = uniqueId("compensation-end");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("order")
			.boundaryEvent("orderCompensation")
			.compensation((c) -> c.serviceTask("cancelOrder").zeebeJobType(id + "-cancel"))
			.moveToActivity("order")
			.endEvent("rollBack")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.done());
		long instance = start(id);
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);

		complete(id + "-cancel", Map.of());

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).containsExactly("start:COMPLETED", "order:COMPLETED", "rollBack:COMPLETED",
				"cancelOrder:COMPLETED");
	}

	@Test
	void shouldInvokeNoHandlerForAnActivityThatIsStillActiveOrWasTerminated() {
		String id = uniqueId("compensation-active");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.parallelGateway("fork")
			.userTask("inspect", (t) -> t.zeebeUserTask())
			.boundaryEvent("inspectCompensation")
			.compensation((c) -> c.serviceTask("undoInspect").zeebeJobType(id + "-undo-inspect"))
			.moveToActivity("inspect")
			.endEvent()
			.moveToNode("fork")
			.serviceTask("charge", (t) -> t.zeebeJobType(id + "-charge"))
			.boundaryEvent("chargeCompensation")
			.compensation((c) -> c.serviceTask("refund").zeebeJobType(id + "-refund"))
			.moveToActivity("charge")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent("done")
			.terminate()
			.done());
		long instance = start(id);
		complete(id + "-charge", Map.of());

		complete(id + "-refund", Map.of());

		assertThat(openJobs(id + "-undo-inspect")).isEmpty();
		assertThat(history(instance)).contains("inspect:TERMINATED", "refund:COMPLETED", "undo:COMPLETED")
			.noneMatch((entry) -> entry.startsWith("undoInspect"));
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCompleteAThrowEventAtOnceWhenNothingCompletedHasAHandler() {
		String id = uniqueId("compensation-nothing");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.exclusiveGateway("choice")
			.defaultFlow()
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent("end")
			.moveToNode("choice")
			.conditionExpression("false")
			.serviceTask("charge", (t) -> t.zeebeJobType(id + "-charge"))
			.boundaryEvent("chargeCompensation")
			.compensation((c) -> c.serviceTask("refund").zeebeJobType(id + "-refund"))
			.moveToActivity("charge")
			.endEvent()
			.done());

		long instance = start(id);

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).containsExactly("start:COMPLETED", "choice:COMPLETED", "undo:COMPLETED",
				"end:COMPLETED");
	}

	@Test
	void shouldCompensateAnActivityOnlyOnceAndEveryCompletionOfIt() {
		String id = uniqueId("compensation-twice");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.exclusiveGateway("again")
			.manualTask("measure")
			.boundaryEvent("measureCompensation")
			.compensation((c) -> c.serviceTask("discardMeasure").zeebeJobType(id + "-discard"))
			.moveToActivity("measure")
			.exclusiveGateway("enough")
			.conditionExpression("count(measured) < 2")
			.scriptTask("count", (s) -> s.zeebeExpression("append(measured, 1)").zeebeResultVariable("measured"))
			.connectTo("again")
			.moveToNode("enough")
			.conditionExpression("count(measured) >= 2")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.intermediateThrowEvent("undoAgain")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.userTask("next")
			.zeebeUserTask()
			.endEvent()
			.done());
		long instance = start(id, Map.of("measured", List.of()));

		assertThat(activate(id + "-discard", 5)).hasSize(3)
			.allSatisfy((job) -> this.client.newCompleteCommand(job.getKey()).send().join());

		assertThat(history(instance)).contains("undo:COMPLETED", "undoAgain:COMPLETED", "next:ACTIVE");
		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("discardMeasure")).hasSize(3);
	}

	@Test
	void shouldInvokeTheHandlersInsideACompletedSubprocessButNotInsideAnActiveOne() {
		String id = uniqueId("compensation-subprocess");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.parallelGateway("fork")
			.subProcess("loading",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.manualTask("load")
						.endEvent()
						.moveToActivity("load")
						.boundaryEvent("loadCompensation")
						.compensation((c) -> c.serviceTask("unload").zeebeJobType(id + "-unload")))
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent("undone")
			.moveToNode("fork")
			.subProcess("painting",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.manualTask("paint")
						.userTask("dry")
						.zeebeUserTask()
						.endEvent()
						.moveToActivity("paint")
						.boundaryEvent("paintCompensation")
						.compensation((c) -> c.serviceTask("strip").zeebeJobType(id + "-strip")))
			.endEvent()
			.done());
		long instance = start(id);

		complete(id + "-unload", Map.of());

		assertThat(openJobs(id + "-strip")).isEmpty();
		assertThat(history(instance)).contains("loading:COMPLETED", "unload:COMPLETED", "undo:COMPLETED",
				"painting:ACTIVE", "paint:COMPLETED", "dry:ACTIVE");
	}

	@Test
	void shouldCompensateOnlyInsideTheSubprocessOfTheThrowEvent() {
		String id = uniqueId("compensation-inner");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("book")
			.subProcess("assembly",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.manualTask("mount")
						.intermediateThrowEvent("undoMount")
						.compensateEventDefinition()
						.compensateEventDefinitionDone()
						.endEvent()
						.moveToActivity("mount")
						.boundaryEvent("mountCompensation")
						.compensation((c) -> c.serviceTask("dismount").zeebeJobType(id + "-dismount")))
			.userTask("next", (t) -> t.zeebeUserTask())
			.endEvent()
			.moveToActivity("book")
			.boundaryEvent("bookCompensation")
			.compensation((c) -> c.serviceTask("cancelBooking").zeebeJobType(id + "-cancel"))
			.done());
		long instance = start(id);

		complete(id + "-dismount", Map.of());

		assertThat(openJobs(id + "-cancel")).isEmpty();
		assertThat(history(instance)).contains("dismount:COMPLETED", "undoMount:COMPLETED", "assembly:COMPLETED",
				"next:ACTIVE");
	}

	@Test
	void shouldInvokeTheHandlerOfAMultiInstanceActivityOnceAndOncePerInstanceInsideAMultiInstanceSubprocess() {
		String id = uniqueId("compensation-multi-instance");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("pick")
			.multiInstance((m) -> m.parallel().zeebeInputCollectionExpression("parts").zeebeInputElement("part"))
			.subProcess("fit", (s) -> s
				.multiInstance((m) -> m.sequential().zeebeInputCollectionExpression("parts").zeebeInputElement("part"))
				.embeddedSubProcess()
				.startEvent()
				.manualTask("mount")
				.endEvent()
				.moveToActivity("mount")
				.boundaryEvent("mountCompensation")
				.compensation((c) -> c.serviceTask("dismount").zeebeJobType(id + "-dismount")))
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("pick")
			.boundaryEvent("pickCompensation")
			.compensation((c) -> c.serviceTask("putBack").zeebeJobType(id + "-put-back"))
			.done());
		long instance = start(id, Map.of("parts", List.of("door", "hood", "trunk")));

		List<ActivatedJob> dismounts = activate(id + "-dismount", 10);
		List<ActivatedJob> putBacks = activate(id + "-put-back", 10);

		assertThat(putBacks).hasSize(1);
		assertThat(dismounts).hasSize(3)
			.extracting((job) -> job.getVariablesAsMap().get("part"))
			.containsExactlyInAnyOrder("door", "hood", "trunk");
		dismounts.forEach((job) -> this.client.newCompleteCommand(job.getKey()).send().join());
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
		this.client.newCompleteCommand(putBacks.get(0).getKey()).send().join();
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCompensateTheReferencedActivityOnlyToUndoInAGivenOrder() {
		String id = uniqueId("compensation-activity-ref");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("reserve")
			.manualTask("charge")
			.intermediateThrowEvent("refundFirst")
			.compensateEventDefinition()
			.activityRef("charge")
			.compensateEventDefinitionDone()
			.intermediateThrowEvent("releaseThen")
			.compensateEventDefinition()
			.activityRef("reserve")
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("reserve")
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.serviceTask("release").zeebeJobType(id + "-release"))
			.moveToActivity("charge")
			.boundaryEvent("chargeCompensation")
			.compensation((c) -> c.serviceTask("refund").zeebeJobType(id + "-refund"))
			.done());
		long instance = start(id);

		assertThat(openJobs(id + "-release")).isEmpty();
		complete(id + "-refund", Map.of());
		complete(id + "-release", Map.of());

		assertThat(history(instance)).containsSubsequence("refundFirst:COMPLETED", "refund:COMPLETED",
				"releaseThen:COMPLETED", "release:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCompensateTheEnclosingScopeFromAnErrorEventSubprocess() {
		String id = uniqueId("compensation-event-subprocess");
		deploy(Bpmn.createExecutableProcess(id)
			.eventSubProcess("paymentFailure",
					(s) -> s.startEvent("failed")
						.error("PAYMENT_FAILED")
						.endEvent("rollBack")
						.compensateEventDefinition()
						.compensateEventDefinitionDone())
			.startEvent("start")
			.manualTask("reserve")
			.serviceTask("charge", (t) -> t.zeebeJobType(id + "-charge"))
			.endEvent()
			.moveToActivity("reserve")
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.serviceTask("release").zeebeJobType(id + "-release"))
			.done());
		long instance = start(id);
		this.client.newThrowErrorCommand(activateOne(id + "-charge").getKey())
			.errorCode("PAYMENT_FAILED")
			.send()
			.join();

		complete(id + "-release", Map.of());

		assertThat(history(instance)).contains("reserve:COMPLETED", "charge:TERMINATED", "rollBack:COMPLETED",
				"release:COMPLETED", "paymentFailure:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRunASubprocessHandlerWithItsInputMappingsAndPropagateItsOutputs() {
		String id = uniqueId("compensation-subprocess-handler");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.serviceTask("reserve", (t) -> t.zeebeJobType(id + "-reserve"))
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("reserve")
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.subProcess("release")
				.zeebeInputExpression("slot", "slotToFree")
				.zeebeOutputExpression("slotToFree", "freed")
				.embeddedSubProcess()
				.startEvent()
				.serviceTask("freeSlot")
				.zeebeJobType(id + "-free")
				.endEvent())
			.done());
		long instance = start(id);
		complete(id + "-reserve", Map.of("slot", "B2"));

		ActivatedJob free = activateOne(id + "-free");
		assertThat(free.getVariablesAsMap()).containsEntry("slotToFree", "B2");
		this.client.newCompleteCommand(free.getKey()).send().join();

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(instance)).containsEntry("freed", "\"B2\"");
	}

	@Test
	void shouldRunACallActivityHandlerAndNotCompensateInsideAChildProcess() {
		String id = uniqueId("compensation-call");
		String childId = uniqueId("compensation-child");
		String undoId = uniqueId("compensation-undo");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.manualTask("book")
			.endEvent()
			.moveToActivity("book")
			.boundaryEvent("bookCompensation")
			.compensation((c) -> c.serviceTask("unbook").zeebeJobType(childId + "-unbook"))
			.done());
		deploy(Bpmn.createExecutableProcess(undoId)
			.startEvent()
			.serviceTask("undoInChild", (t) -> t.zeebeJobType(undoId + "-undo"))
			.endEvent()
			.done());
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.callActivity("callBooking", (c) -> c.zeebeProcessId(childId))
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("callBooking")
			.boundaryEvent("bookingCompensation")
			.compensation((c) -> c.callActivity("callUndo").zeebeProcessId(undoId))
			.done());
		long instance = start(id);

		complete(undoId + "-undo", Map.of());

		assertThat(openJobs(childId + "-unbook")).isEmpty();
		assertThat(history(instance)).contains("callBooking:COMPLETED", "callUndo:COMPLETED", "undo:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldUndoACompletedSubprocessWithItsOwnHandlerOnlyAndTheInnerOnesWhenReferenced() {
		String id = uniqueId("compensation-subprocess-ref");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.subProcess("assembly",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.manualTask("mount")
						.endEvent()
						.moveToActivity("mount")
						.boundaryEvent("mountCompensation")
						.compensation((c) -> c.serviceTask("dismount").zeebeJobType(id + "-dismount")))
			.subProcess("painting",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.manualTask("paint")
						.endEvent()
						.moveToActivity("paint")
						.boundaryEvent("paintCompensation")
						.compensation((c) -> c.serviceTask("strip").zeebeJobType(id + "-strip")))
			.intermediateThrowEvent("undoAssembly")
			.compensateEventDefinition()
			.activityRef("assembly")
			.compensateEventDefinitionDone()
			.intermediateThrowEvent("undoAll")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("painting")
			.boundaryEvent("paintingCompensation")
			.compensation((c) -> c.serviceTask("repaint").zeebeJobType(id + "-repaint"))
			.done());
		long instance = start(id);

		assertThat(openJobs(id + "-strip")).isEmpty();
		complete(id + "-dismount", Map.of());
		complete(id + "-repaint", Map.of());

		assertThat(openJobs(id + "-strip")).isEmpty();
		assertThat(history(instance)).containsSubsequence("undoAssembly:COMPLETED", "dismount:COMPLETED",
				"undoAll:COMPLETED", "repaint:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRunTheHandlerOfEveryCompensationBoundaryEventOfAnActivity() {
		String id = uniqueId("compensation-two-handlers");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("deliver")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("deliver")
			.boundaryEvent("pickUpCompensation")
			.compensation((c) -> c.serviceTask("pickUp").zeebeJobType(id + "-pick-up"))
			.moveToActivity("deliver")
			.boundaryEvent("invoiceCompensation")
			.compensation((c) -> c.serviceTask("creditNote").zeebeJobType(id + "-credit"))
			.done());
		long instance = start(id);

		complete(id + "-pick-up", Map.of());
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
		complete(id + "-credit", Map.of());

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldTerminateTheRunningHandlersWhenTheInstanceIsCancelled() {
		String id = uniqueId("compensation-cancel");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("reserve")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("reserve")
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.serviceTask("release").zeebeJobType(id + "-release"))
			.done());
		long instance = start(id);

		this.client.newCancelInstanceCommand(instance).send().join();

		assertThat(openJobs(id + "-release")).isEmpty();
		assertThat(history(instance)).containsExactly("start:COMPLETED", "reserve:COMPLETED", "undo:TERMINATED",
				"release:TERMINATED");
	}

	@Test
	void shouldRejectACompensationHandlerAsAStartInstruction() {
		String id = uniqueId("compensation-start-before");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("reserve")
			.endEvent()
			.moveToActivity("reserve")
			.boundaryEvent("reserveCompensation")
			.compensation((c) -> c.serviceTask("release").zeebeJobType(id + "-release"))
			.done());

		ProblemException problem = problem(() -> this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.startBeforeElement("release")
			.send()
			.join(), 400);

		assertThat(problem.details().getDetail()).contains("'release'").contains("compensation handler");
	}

	@Test
	void shouldRunAMultiInstanceHandlerOnceWithAnInstancePerItem() {
		String id = uniqueId("compensation-multi-instance-handler");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.manualTask("fitParts")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.endEvent()
			.moveToActivity("fitParts")
			.boundaryEvent("fitCompensation")
			.compensation((c) -> c.serviceTask("removePart")
				.zeebeJobType(id + "-remove")
				.multiInstance((m) -> m.parallel().zeebeInputCollectionExpression("parts").zeebeInputElement("part")))
			.done());
		long instance = start(id, Map.of("parts", List.of("door", "hood")));

		List<ActivatedJob> removals = activate(id + "-remove", 10);
		assertThat(removals).extracting((job) -> job.getVariablesAsMap().get("part"))
			.containsExactlyInAnyOrder("door", "hood");
		removals.forEach((job) -> this.client.newCompleteCommand(job.getKey()).send().join());

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).filteredOn((entry) -> entry.startsWith("removePart"))
			.containsExactly("removePart:COMPLETED", "removePart:COMPLETED", "removePart:COMPLETED");
	}

	@Test
	void shouldWriteTheEventSequenceOfACompensation() {
		String id = uniqueId("compensation-events");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toTask")
			.manualTask("task")
			.boundaryEvent("taskCompensation")
			.compensation((c) -> c.manualTask("undoTask"))
			.moveToActivity("task")
			.sequenceFlowId("toThrow")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.compensateEventDefinitionDone()
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());

		long key = start(id);

		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toTask:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING",
				"task:ELEMENT_ACTIVATED", "task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED",
				"COMPENSATION_SUBSCRIPTION task:CREATED", "toThrow:SEQUENCE_FLOW_TAKEN", "undo:ELEMENT_ACTIVATING",
				"COMPENSATION_SUBSCRIPTION task:TRIGGERED", "undo:ELEMENT_ACTIVATED", "undoTask:ELEMENT_ACTIVATING",
				"undoTask:ELEMENT_ACTIVATED", "undoTask:ELEMENT_COMPLETING", "undoTask:ELEMENT_COMPLETED",
				"COMPENSATION_SUBSCRIPTION task:COMPLETED", "undo:ELEMENT_COMPLETING", "undo:ELEMENT_COMPLETED",
				"toEnd:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED",
				"end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

	@Test
	void shouldRejectACompensationEventSubprocessNamingIt() {
		String id = uniqueId("compensation-event-subprocess");
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.eventSubProcess("compensationHandling",
					(s) -> s.startEvent("compensationStart")
						.compensateEventDefinition()
						.compensateEventDefinitionDone()
						.endEvent())
			.startEvent()
			.endEvent()
			.done();

		ProblemException problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("'compensationHandling'");
	}

	@Test
	void shouldRejectAThrowEventThatDoesNotWaitForCompletion() {
		String id = uniqueId("compensation-no-wait");
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("task")
			.boundaryEvent("taskCompensation")
			.compensation((c) -> c.manualTask("undoTask"))
			.moveToActivity("task")
			.intermediateThrowEvent("undo")
			.compensateEventDefinition()
			.waitForCompletion(false)
			.compensateEventDefinitionDone()
			.endEvent()
			.done();

		ProblemException problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("'undo'").contains("waitForCompletion");
	}

	/**
	 * Jobs of the type waiting for a worker, looked up without a long poll that would
	 * wait for one.
	 */
	private List<Job> openJobs(String jobType) {
		return this.client.newJobSearchRequest()
			.filter((f) -> f.type(jobType).state(JobState.CREATED))
			.send()
			.join()
			.items();
	}

	private void complete(String jobType, Map<String, Object> variables) {
		this.client.newCompleteCommand(activateOne(jobType).getKey()).variables(variables).send().join();
	}

}
