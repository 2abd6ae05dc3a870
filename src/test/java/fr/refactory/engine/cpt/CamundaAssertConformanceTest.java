package fr.refactory.engine.cpt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.Dmn;
import fr.refactory.processes.ProcessTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.process.test.api.mock.JobWorkerMockBuilder.JobWorkerMock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatDecision;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CamundaAssert and CPT's helpers (8.8.14) against the embedded engine, each on a small
 * model: the searches CPT makes must return exactly what Camunda 8 would (filters,
 * states, sort, page).
 */
class CamundaAssertConformanceTest extends ProcessTestSupport {

	@Test
	void shouldFollowAnInstanceFromActiveToCompleted() {
		String processId = uniqueId("cpt-service");
		String jobType = uniqueId("cpt-work");
		deploy(serviceTaskProcess(processId, jobType));

		ProcessInstanceEvent instance = start(processId, Map.of("order", 42));

		assertThat(instance).isCreated()
			.isActive()
			.hasActiveElements("work")
			.hasCompletedElements("start")
			.hasNotActivatedElements("end")
			.hasVariable("order", 42);
		this.processTestContext.completeJob(jobType, Map.of("result", "done"));
		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("start", "work", "end")
			.hasCompletedElement("work", 1)
			.hasNoActiveElements("work")
			.hasVariableNames("order", "result")
			.hasVariables(Map.of("order", 42, "result", "done"));
		assertThatProcessInstance(ProcessInstanceSelectors.byProcessId(processId)).isCompleted();
	}

	@Test
	void shouldSeeACancelledInstanceAsTerminated() {
		String processId = uniqueId("cpt-cancel");
		deploy(serviceTaskProcess(processId, uniqueId("cpt-never")));
		ProcessInstanceEvent instance = start(processId, Map.of());
		assertThat(instance).hasActiveElements("work");

		this.client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

		assertThat(instance).isTerminated().hasTerminatedElements("work").hasTerminatedElement("work", 1);
	}

	@Test
	void shouldSeeParallelBranchesAndTheBranchNotTaken() {
		String processId = uniqueId("cpt-branches");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.parallelGateway("fork")
			.serviceTask("left", (t) -> t.zeebeJobType(processId + "-left"))
			.endEvent("left-end")
			.moveToNode("fork")
			.exclusiveGateway("choice")
			.defaultFlow()
			.serviceTask("right", (t) -> t.zeebeJobType(processId + "-right"))
			.endEvent("right-end")
			.moveToNode("choice")
			.conditionExpression("= false")
			.userTask("never", (t) -> t.zeebeUserTask())
			.endEvent("never-end")
			.done());

		ProcessInstanceEvent instance = start(processId, Map.of());

		assertThat(instance).isActive()
			.hasActiveElements("left", "right")
			.hasActiveElement("left", 1)
			.hasCompletedElements("fork", "choice")
			.hasNotActivatedElements("never");
	}

	@Test
	void shouldReportAndClearAnIncident() {
		String processId = uniqueId("cpt-incident");
		String jobType = uniqueId("cpt-fails");
		deploy(serviceTaskProcess(processId, jobType));
		ProcessInstanceEvent instance = start(processId, Map.of());
		assertThat(instance).hasNoActiveIncidents();
		ActivatedJob job = activateOne(jobType);

		this.client.newFailCommand(job.getKey()).retries(0).errorMessage("bench offline").send().join();

		assertThat(instance).isActive().hasActiveIncidents();
		long incidentKey = this.client.newIncidentSearchRequest()
			.filter((f) -> f.processInstanceKey(instance.getProcessInstanceKey()))
			.send()
			.join()
			.items()
			.get(0)
			.getIncidentKey();
		this.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		this.client.newResolveIncidentCommand(incidentKey).send().join();
		assertThat(instance).hasNoActiveIncidents();
		this.processTestContext.completeJob(jobType);
		assertThat(instance).isCompleted();
	}

	@Test
	void shouldAssertAndCompleteAUserTask() {
		String processId = uniqueId("cpt-user");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("inspect",
					(t) -> t.name("Inspect the part")
						.zeebeUserTask()
						.zeebeAssignee("quentin")
						.zeebeCandidateGroups("quality-inspectors, quality-supervisors"))
			.endEvent("end")
			.done());
		ProcessInstanceEvent instance = start(processId, Map.of());
		long key = instance.getProcessInstanceKey();

		assertThatUserTask(UserTaskSelectors.byElementId("inspect", key)).isCreated()
			.hasName("Inspect the part")
			.hasElementId("inspect")
			.hasProcessInstanceKey(key)
			.hasAssignee("quentin")
			.hasCandidateGroup("quality-inspectors")
			.hasCandidateGroups(List.of("quality-inspectors", "quality-supervisors"));
		assertThatUserTask(UserTaskSelectors.byTaskName("Inspect the part", key)).isCreated();

		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("inspect", key),
				Map.of("verdict", "OK"));

		assertThatUserTask(UserTaskSelectors.byElementId("inspect", key)).isCompleted();
		assertThat(instance).isCompleted().hasCompletedElements("inspect").hasVariable("verdict", "OK");
	}

	@Test
	void shouldAssertTheDecisionOfABusinessRuleTask() {
		String decisionId = uniqueId("cpt-risk");
		String processId = uniqueId("cpt-decide");
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("risk"))
			.endEvent()
			.done());

		ProcessInstanceEvent instance = start(processId, Map.of("amount", 150));

		assertThat(instance).isCompleted().hasVariable("risk", "high");
		assertThatDecision(DecisionSelectors.byId(decisionId, instance.getProcessInstanceKey())).isEvaluated()
			.hasOutput("high")
			.hasMatchedRules(1)
			.hasNotMatchedRules(2);
		assertThatDecision(DecisionSelectors.byProcessInstanceKey(instance.getProcessInstanceKey())).isEvaluated();
	}

	@Test
	void shouldAssertADecisionEvaluatedThroughTheApi() {
		String decisionId = uniqueId("cpt-risk");
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();

		EvaluateDecisionResponse response = this.client.newEvaluateDecisionCommand()
			.decisionId(decisionId)
			.variables(Map.of("amount", 20))
			.send()
			.join();

		assertThat(response).isEvaluated().hasOutput("low").hasMatchedRules(2).hasNotMatchedRules(1);
		assertThatDecision(DecisionSelectors.byResponse(response)).isEvaluated().hasOutput("low");
	}

	@Test
	void shouldCompleteJobsWithAMockedWorker() {
		String processId = uniqueId("cpt-mock");
		String jobType = uniqueId("cpt-mocked");
		deploy(serviceTaskProcess(processId, jobType));
		JobWorkerMock worker = this.processTestContext.mockJobWorker(jobType).thenComplete(Map.of("mocked", true));

		ProcessInstanceEvent first = start(processId, Map.of());
		ProcessInstanceEvent second = start(processId, Map.of());

		assertThat(first).isCompleted().hasVariable("mocked", true);
		assertThat(second).isCompleted().hasVariable("mocked", true);
		assertThat(worker.getInvocations()).isEqualTo(2);
	}

	@Test
	void shouldLetAMockedWorkerComputeItsResult() {
		String processId = uniqueId("cpt-handler");
		String jobType = uniqueId("cpt-doubles");
		deploy(serviceTaskProcess(processId, jobType));
		this.processTestContext.mockJobWorker(jobType)
			.withHandler((jobClient, job) -> jobClient.newCompleteCommand(job)
				.variables(Map.of("twice", 2 * ((Number) job.getVariablesAsMap().get("order")).intValue()))
				.send()
				.join());

		ProcessInstanceEvent instance = start(processId, Map.of("order", 21));

		assertThat(instance).isCompleted().hasVariable("twice", 42);
	}

	@Test
	void shouldMoveTheEngineClockSoThatARetryBackOffEnds() {
		String processId = uniqueId("cpt-backoff");
		String jobType = uniqueId("cpt-retry");
		deploy(serviceTaskProcess(processId, jobType));
		ProcessInstanceEvent instance = start(processId, Map.of());
		ActivatedJob job = activateOne(jobType);
		this.client.newFailCommand(job.getKey()).retries(2).retryBackoff(Duration.ofHours(1)).send().join();
		assertThat(activate(jobType)).as("no job during the back-off").isEmpty();
		Instant before = this.processTestContext.getCurrentTime();

		this.processTestContext.increaseTime(Duration.ofHours(1));

		assertThat(Duration.between(before, this.processTestContext.getCurrentTime()))
			.isGreaterThanOrEqualTo(Duration.ofHours(1));
		this.processTestContext.completeJob(jobType);
		assertThat(instance).isCompleted().hasCompletedElements("work");
	}

	@Test
	void shouldWaitForAMessageUntilItIsCorrelated() {
		String processId = uniqueId("cpt-message");
		String messageName = uniqueId("part-arrived");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateCatchEvent("wait-part",
					(e) -> e.message((m) -> m.name(messageName).zeebeCorrelationKeyExpression("partId")))
			.endEvent()
			.done());
		ProcessInstanceEvent instance = start(processId, Map.of("partId", "P-7"));

		assertThat(instance).isWaitingForMessage(messageName).isWaitingForMessage(messageName, "P-7");
		this.client.newPublishMessageCommand().messageName(messageName).correlationKey("P-7").send().join();

		assertThat(instance).isCompleted()
			.isNotWaitingForMessage(messageName, "P-7")
			.hasCompletedElements("wait-part")
			.hasCorrelatedMessage(messageName)
			.hasCorrelatedMessage(messageName, "P-7");
	}

	@Test
	void shouldSeeTheMessagesCorrelatedToAReceiveTaskABoundaryEventAndAStartEvent() {
		String processId = uniqueId("cpt-correlations");
		String reminder = uniqueId("reminder");
		String delivery = uniqueId("delivery");
		String request = uniqueId("request");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("requested")
			.message((m) -> m.name(request))
			.userTask("prepare", (t) -> t.zeebeUserTask())
			.boundaryEvent("remind",
					(b) -> b.cancelActivity(false)
						.message((m) -> m.name(reminder).zeebeCorrelationKeyExpression("orderId")))
			.endEvent("reminded")
			.moveToActivity("prepare")
			.receiveTask("await-delivery")
			.message((m) -> m.name(delivery).zeebeCorrelationKeyExpression("orderId"))
			.endEvent("delivered")
			.done());

		this.client.newPublishMessageCommand()
			.messageName(request)
			.correlationKey("O-1")
			.variables(Map.of("orderId", "O-1"))
			.send()
			.join();
		var started = ProcessInstanceSelectors.byProcessId(processId);
		assertThatProcessInstance(started).isActive().hasCorrelatedMessage(request, "O-1");
		this.client.newPublishMessageCommand().messageName(reminder).correlationKey("O-1").send().join();
		this.client.newPublishMessageCommand().messageName(reminder).correlationKey("O-1").send().join();
		assertThatProcessInstance(started).hasCompletedElement("remind", 2).hasCorrelatedMessage(reminder, "O-1");
		long instanceKey = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("prepare", instanceKey));
		this.client.newCorrelateMessageCommand().messageName(delivery).correlationKey("O-1").send().join();

		assertThatProcessInstance(started).isCompleted()
			.hasCorrelatedMessage(delivery)
			.hasCorrelatedMessage(delivery, "O-1")
			.hasCompletedElements("await-delivery", "delivered");
	}

	@Test
	void shouldSeeExactlyTheActiveElementsWithoutTheProcessItself() {
		String processId = uniqueId("cpt-exactly");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.parallelGateway("fork")
			.serviceTask("left", (t) -> t.zeebeJobType(processId + "-left"))
			.endEvent("left-end")
			.moveToNode("fork")
			.subProcess("inner",
					(sub) -> sub.embeddedSubProcess()
						.startEvent("inner-start")
						.userTask("check", (t) -> t.zeebeUserTask())
						.endEvent("inner-end"))
			.endEvent("right-end")
			.done());

		ProcessInstanceEvent instance = start(processId, Map.of());

		assertThat(instance).isActive().hasActiveElementsExactly("left", "inner", "check");
		this.processTestContext.completeJob(processId + "-left");
		assertThat(instance).isActive().hasActiveElementsExactly("inner", "check").hasCompletedElements("left");
		this.processTestContext
			.completeUserTask(UserTaskSelectors.byElementId("check", instance.getProcessInstanceKey()));
		assertThat(instance).isCompleted().hasNoActiveElements("left", "inner", "check");
	}

	@Test
	void shouldEvaluateFeelNowAndTodayOnTheMovedEngineClock() {
		String decisionId = uniqueId("cpt-deadline");
		String processId = uniqueId("cpt-clock");
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.deadlineTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.scriptTask("plan",
					(t) -> t.zeebeExpression("today() + duration(\"P10D\")").zeebeResultVariable("deadline"))
			.userTask("hold", (t) -> t.zeebeUserTask())
			.businessRuleTask("check", (t) -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("verdict"))
			.userTask("follow-up", (t) -> t.zeebeUserTask().zeebeDueDateExpression("now() + duration(\"P1D\")"))
			.endEvent()
			.done());
		ProcessInstanceEvent instance = start(processId, Map.of());
		long key = instance.getProcessInstanceKey();
		assertThat(instance).hasActiveElements("hold");

		this.processTestContext.increaseTime(Duration.ofDays(30));
		Instant moved = this.processTestContext.getCurrentTime();
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("hold", key));

		assertThat(instance).hasActiveElements("follow-up").hasVariable("verdict", "overdue");
		Instant due = this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(key).elementId("follow-up"))
			.send()
			.join()
			.items()
			.get(0)
			.getDueDate()
			.toInstant();
		assertThat(Duration.between(moved.plus(Duration.ofDays(1)), due).abs())
			.as("due date from now() on the moved clock")
			.isLessThan(Duration.ofMinutes(5));
		this.client.newCancelInstanceCommand(key).send().join();
	}

	private static BpmnModelInstance serviceTaskProcess(String processId, String jobType) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("work", (t) -> t.zeebeJobType(jobType))
			.endEvent("end")
			.done();
	}

	private ActivatedJob activateOne(String jobType) {
		List<ActivatedJob> jobs = this.client.newActivateJobsCommand()
			.jobType(jobType)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofSeconds(10))
			.send()
			.join()
			.getJobs();
		assertThat(jobs).as("an activatable job of type %s", jobType).hasSize(1);
		return jobs.get(0);
	}

	private List<ActivatedJob> activate(String jobType) {
		return this.client.newActivateJobsCommand()
			.jobType(jobType)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(500))
			.send()
			.join()
			.getJobs();
	}

}
