package fr.refactory.engine.api;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.ProcessInstanceMigration;
import fr.refactory.engine.ProcessInstanceMigration.Mapping;
import fr.refactory.engine.ProcessInstanceMigration.MigrationPlan;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process-instance modification and migration through the real client (issue 18,
 * decisions 1000 and 1001): tokens move, wait states created by an activation work,
 * migrated jobs, user tasks and incidents keep their keys, and every refused command
 * names its reason and changes nothing.
 */
class ProcessInstanceRepairApiTest extends EngineTestSupport {

	@Autowired
	private ProcessInstanceMigration migration;

	/** An intake-like model: the route is decided, then reviewed. */
	private String deployIntake() {
		String processId = uniqueId("intake-repair");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("task-decide-route", (t) -> t.zeebeUserTask().zeebeCandidateGroups("intake"))
			.userTask("task-review-route", (t) -> t.zeebeUserTask())
			.endEvent("end")
			.done());
		return processId;
	}

	private long activeKey(long instance, String elementId) {
		return elements(instance).stream()
			.filter((e) -> e.getElementId().equals(elementId) && e.getState().name().equals("ACTIVE"))
			.map(ElementInstance::getElementInstanceKey)
			.findFirst()
			.orElseThrow();
	}

	private List<UserTask> openTasks(long instance) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	@Test
	void shouldMoveAnIntakeFromTheReviewBackToTheDecisionWithVariables() {
		String processId = deployIntake();
		long instance = start(processId, Map.of("vin", "VF1MOVE"));
		completeUserTask(instance, "task-decide-route");

		this.client.newModifyProcessInstanceCommand(instance)
			.activateElement("task-decide-route")
			.withVariables(Map.of("reason", "route was wrong"))
			.withVariables(Map.<String, Object>of("hint", "re-check the battery"), "task-decide-route")
			.and()
			.terminateElement(activeKey(instance, "task-review-route"))
			.send()
			.join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "task-decide-route:COMPLETED",
				"task-review-route:TERMINATED", "task-decide-route:ACTIVE");
		assertThat(openTasks(instance)).singleElement().satisfies((task) -> {
			assertThat(task.getElementId()).isEqualTo("task-decide-route");
			assertThat(task.getCandidateGroups()).containsExactly("intake");
		});
		assertThat(rootVariables(instance)).containsEntry("reason", "\"route was wrong\"").doesNotContainKey("hint");
		assertThat(variablesOfScope(activeKey(instance, "task-decide-route"))).containsEntry("hint",
				"\"re-check the battery\"");
		assertThat(events(instance)).contains("PROCESS_INSTANCE_MODIFICATION :MODIFIED");
		completeUserTask(instance, "task-decide-route");
		completeUserTask(instance, "task-review-route");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldActivateAServiceTaskInsideASubprocessThatIsNotActiveYet() {
		String processId = uniqueId("modify-nested");
		String jobType = processId + "-fix";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask())
			.subProcess("repair",
					(s) -> s.embeddedSubProcess()
						.startEvent("repairStart")
						.serviceTask("fix", (t) -> t.zeebeJobType(jobType))
						.endEvent())
			.endEvent()
			.done());
		long instance = start(processId);

		this.client.newModifyProcessInstanceCommand(instance).activateElement("fix").send().join();

		assertThat(history(instance)).endsWith("wait:ACTIVE", "repair:ACTIVE", "fix:ACTIVE");
		this.client.newCompleteCommand(activateOne(jobType)).send().join();
		assertThat(history(instance)).contains("fix:COMPLETED", "repair:COMPLETED")
			.doesNotContain("repairStart:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	@Test
	void shouldTerminateTheProcessInstanceWhenItsLastElementInstanceIsTerminated() {
		long instance = start(deployIntake());

		this.client.newModifyProcessInstanceCommand(instance)
			.terminateElement(activeKey(instance, "task-decide-route"))
			.send()
			.join();

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(openTasks(instance)).isEmpty();
		assertThat(elementEvents(instance)).endsWith("task-decide-route:ELEMENT_TERMINATED",
				instanceProcessId(instance) + ":ELEMENT_TERMINATING",
				instanceProcessId(instance) + ":ELEMENT_TERMINATED");
	}

	private String instanceProcessId(long instance) {
		return this.client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionId();
	}

	@Test
	void shouldRefuseABadModificationNamingTheReasonAndChangeNothing() {
		long instance = start(deployIntake());
		long task = activeKey(instance, "task-decide-route");
		List<String> before = events(instance);

		assertThat(problem(() -> this.client.newModifyProcessInstanceCommand(instance)
			.terminateElement(task)
			.and()
			.activateElement("no-such-element")
			.send()
			.join(), 400).details().getDetail()).contains("no-such-element", "is not a flow node");
		assertThat(problem(() -> this.client.newModifyProcessInstanceCommand(instance)
			.activateElement("task-review-route")
			.and()
			.terminateElement(123L)
			.send()
			.join(), 400).details().getDetail()).contains("'123'", "not an active element instance");
		assertThat(problem(() -> this.client.newModifyProcessInstanceCommand(instance)
			.activateElement("task-review-route")
			.withVariables(Map.<String, Object>of("x", 1), "end")
			.send()
			.join(), 400).details().getDetail()).contains("scope id 'end'");
		assertThat(problem(() -> this.client.newModifyProcessInstanceCommand(1L)
			.activateElement("task-review-route")
			.send()
			.join(), 404).details().getDetail()).contains("'1'");

		assertThat(events(instance)).isEqualTo(before);
		assertThat(history(instance)).containsExactly("start:COMPLETED", "task-decide-route:ACTIVE");
	}

	private BpmnModelInstance reviewModel(String processId, String version) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("check", (t) -> t.zeebeJobType(processId + "-check").zeebeTaskHeader("v", version))
			.userTask("review", (t) -> t.zeebeUserTask().zeebeAssignee("anna"))
			.serviceTask("archive-" + version, (t) -> t.zeebeJobType(processId + "-archive-" + version))
			.endEvent("end")
			.done();
	}

	@Test
	void shouldMigrateAWaitingUserTaskKeepingItsKeyAndContinueInTheTargetVersion() {
		String processId = uniqueId("migrate-review");
		long v1 = deployProcess(reviewModel(processId, "v1"));
		long v2 = deployProcess(reviewModel(processId, "v2"));
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(v1)
			.send()
			.join()
			.getProcessInstanceKey();
		this.client.newCompleteCommand(activateOne(processId + "-check")).send().join();
		UserTask task = openTasks(instance).get(0);
		long reviewKey = activeKey(instance, "review");

		this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("review", "review")
			.send()
			.join();

		assertThat(this.client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey())
			.isEqualTo(v2);
		assertThat(activeKey(instance, "review")).isEqualTo(reviewKey);
		assertThat(openTasks(instance)).singleElement().satisfies((migrated) -> {
			assertThat(migrated.getUserTaskKey()).isEqualTo(task.getUserTaskKey());
			assertThat(migrated.getAssignee()).isEqualTo("anna");
			assertThat(migrated.getProcessDefinitionKey()).isEqualTo(v2);
		});
		assertThat(events(instance)).contains("review:ELEMENT_MIGRATED", "USER_TASK review:MIGRATED",
				"PROCESS_INSTANCE_MIGRATION :MIGRATED");
		completeUserTask(instance, "review");
		this.client.newCompleteCommand(activateOne(processId + "-archive-v2")).send().join();
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldMoveAJobAndItsIncidentWithTheInstance() {
		String processId = uniqueId("migrate-incident");
		long v1 = deployProcess(reviewModel(processId, "v1"));
		long v2 = deployProcess(reviewModel(processId, "v2"));
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(v1)
			.send()
			.join()
			.getProcessInstanceKey();
		var job = activateOne(processId + "-check");
		this.client.newFailCommand(job).retries(0).errorMessage("MES down").send().join();
		long incident = incidents(instance).get(0).getIncidentKey();

		this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("check", "check")
			.send()
			.join();

		assertThat(incidents(instance)).singleElement().satisfies((migrated) -> {
			assertThat(migrated.getIncidentKey()).isEqualTo(incident);
			assertThat(migrated.getProcessDefinitionKey()).isEqualTo(v2);
		});
		this.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		this.client.newResolveIncidentCommand(incident).send().join();
		var again = activateOne(processId + "-check");
		assertThat(again.getKey()).isEqualTo(job.getKey());
		assertThat(again.getProcessDefinitionKey()).isEqualTo(v2);
		this.client.newCompleteCommand(again).send().join();
		assertThat(history(instance)).contains("review:ACTIVE");
	}

	@Test
	void shouldRefuseWhatCannotBeMigratedNamingWhyAndChangeNothing() {
		String processId = uniqueId("migrate-refused");
		long v1 = deployProcess(reviewModel(processId, "v1"));
		long v2 = deployProcess(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("check", (t) -> t.zeebeUserTask())
			.endEvent("end")
			.done());
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(v1)
			.send()
			.join()
			.getProcessInstanceKey();
		List<String> before = events(instance);

		assertThat(problem(() -> this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("start", "start")
			.send()
			.join(), 400).details().getDetail()).contains("no mapping instruction", "'check'");
		assertThat(problem(() -> this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("check", "missing")
			.send()
			.join(), 400).details().getDetail()).contains("non-existing target element id 'missing'");
		assertThat(problem(() -> this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("check", "check")
			.send()
			.join(), 400).details().getDetail()).contains("'SERVICE_TASK'", "different type 'USER_TASK'");
		assertThat(problem(() -> this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(1L)
			.addMappingInstruction("check", "check")
			.send()
			.join(), 404).details().getDetail()).contains("'1'");
		assertThat(problem(() -> this.client.newMigrateProcessInstanceCommand(2L)
			.migrationPlan(v2)
			.addMappingInstruction("check", "check")
			.send()
			.join(), 404).details().getDetail()).contains("'2'");

		assertThat(this.migration.refusal(instance, new MigrationPlan(v2, List.of(new Mapping("check", "check")))))
			.as("the dry run a batch asks")
			.hasValueSatisfying((reason) -> assertThat(reason).contains("different type"));
		assertThat(this.migration.refusal(instance, new MigrationPlan(v2, List.of(new Mapping("check", "start")))))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("different type 'START_EVENT'"));

		assertThat(events(instance)).isEqualTo(before);
		assertThat(this.client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey())
			.isEqualTo(v1);
		assertThat(activate(processId + "-check", 1)).singleElement()
			.satisfies((job) -> assertThat(job.getProcessDefinitionKey()).isEqualTo(v1));
	}

	@Test
	void shouldAskForTheAncestorWhenTheFlowScopeRunsTwice() {
		String processId = uniqueId("modify-ancestor");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask())
			.subProcess("repair",
					(s) -> s.embeddedSubProcess()
						.startEvent("repairStart")
						.userTask("diagnose", (t) -> t.zeebeUserTask())
						.userTask("fix", (t) -> t.zeebeUserTask())
						.endEvent())
			.endEvent()
			.done());
		long instance = start(processId);
		this.client.newModifyProcessInstanceCommand(instance)
			.activateElement("repair")
			.and()
			.activateElement("repair")
			.send()
			.join();
		List<Long> repairs = elements(instance).stream()
			.filter((e) -> e.getElementId().equals("repair"))
			.map(ElementInstance::getElementInstanceKey)
			.toList();
		assertThat(repairs).hasSize(2);

		assertThat(problem(
				() -> this.client.newModifyProcessInstanceCommand(instance).activateElement("fix").send().join(), 400)
			.details()
			.getDetail()).contains("'repair' has 2 active instances", "ancestorElementInstanceKey");
		this.client.newModifyProcessInstanceCommand(instance).activateElement("fix", repairs.get(1)).send().join();

		assertThat(elements(instance)).filteredOn((e) -> e.getElementId().equals("fix"))
			.singleElement()
			.satisfies((fix) -> assertThat(fix.getElementInstanceKey()).isGreaterThan(repairs.get(1)));
		assertThat(openTasks(instance)).extracting(UserTask::getElementId)
			.containsExactlyInAnyOrder("wait", "diagnose", "diagnose", "fix");
	}

	@Test
	void shouldKeepAWaitingMessageSubscriptionAndReSubscribeTheBoundaryEventsOfTheTarget() {
		String processId = uniqueId("migrate-events");
		String recall = "recall-" + processId;
		String arrived = "arrived-" + processId;
		long v1 = deployProcess(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.parallelGateway("fork")
			.intermediateCatchEvent("arrival",
					(e) -> e.message((m) -> m.name(arrived).zeebeCorrelationKeyExpression("vin")))
			.endEvent("arrivalEnd")
			.moveToNode("fork")
			.userTask("review", (t) -> t.zeebeUserTask())
			.boundaryEvent("recalled", (b) -> b.message((m) -> m.name(recall).zeebeCorrelationKeyExpression("vin")))
			.endEvent("recalledEnd")
			.moveToActivity("review")
			.endEvent("reviewEnd")
			.done());
		long v2 = deployProcess(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.parallelGateway("fork")
			.intermediateCatchEvent("arrival",
					(e) -> e.message((m) -> m.name(arrived).zeebeCorrelationKeyExpression("vin")))
			.userTask("unload", (t) -> t.zeebeUserTask())
			.endEvent("arrivalEnd")
			.moveToNode("fork")
			.userTask("review", (t) -> t.zeebeUserTask())
			.boundaryEvent("late", (b) -> b.timerWithDuration("PT1H"))
			.endEvent("lateEnd")
			.moveToActivity("review")
			.endEvent("reviewEnd")
			.done());
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(v1)
			.variables(Map.of("vin", "VF1MIG"))
			.send()
			.join()
			.getProcessInstanceKey();
		long arrivalSubscription = messageSubscriptions(instance).stream()
			.filter((m) -> m.getMessageName().equals(arrived))
			.findFirst()
			.orElseThrow()
			.getMessageSubscriptionKey();

		this.client.newMigrateProcessInstanceCommand(instance)
			.migrationPlan(v2)
			.addMappingInstruction("arrival", "arrival")
			.addMappingInstruction("review", "review")
			.send()
			.join();

		assertThat(messageSubscriptions(instance)).filteredOn((m) -> m.getMessageName().equals(recall))
			.singleElement()
			.satisfies((m) -> assertThat(m.getMessageSubscriptionState().name()).isEqualTo("DELETED"));
		assertThat(events(instance)).contains("TIMER late:CREATED", "PROCESS_MESSAGE_SUBSCRIPTION arrival:MIGRATED");
		publish(arrived, "VF1MIG", Map.of());
		assertThat(messageSubscriptions(instance)).filteredOn((m) -> m.getMessageName().equals(arrived))
			.singleElement()
			.satisfies((m) -> {
				assertThat(m.getMessageSubscriptionKey()).isEqualTo(arrivalSubscription);
				assertThat(m.getMessageSubscriptionState().name()).isEqualTo("CORRELATED");
			});
		assertThat(history(instance)).contains("arrival:COMPLETED", "unload:ACTIVE");
	}

	@Test
	void shouldRefuseToEmptyACalledInstanceAndChangeNothing() {
		String childId = uniqueId("modify-child");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.userTask("inspect", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		String parentId = uniqueId("modify-parent");
		deploy(Bpmn.createExecutableProcess(parentId)
			.startEvent()
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.endEvent()
			.done());
		long parent = start(parentId);
		long child = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(parent))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
		List<String> before = events(child);

		assertThat(problem(() -> this.client.newModifyProcessInstanceCommand(child)
			.terminateElement(activeKey(child, "inspect"))
			.send()
			.join(), 400).details().getDetail()).contains("created by a call activity");

		assertThat(events(child)).isEqualTo(before);
		assertThat(state(child)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(openTasks(child)).hasSize(1);
	}

}
