package fr.refactory.engine.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.BatchOperationItemState;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.BatchOperationType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.BatchOperationItems.BatchOperationItem;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camunda 8.8 batch operations through the real client (ADR 1040–1042): creation by a
 * process-instance filter, progress and items, a failing item recorded with its reason
 * while the batch goes on, suspension, resumption and cancellation taking effect after
 * the item in progress, and bad requests refused with nothing created.
 */
class BatchOperationApiTest extends EngineTestSupport {

	private static final Duration BATCH_DONE = Duration.ofSeconds(60);

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void shouldResolveTheFiftyJobIncidentsOfAnMesOutageInOneBatchAndLetTheInstancesComplete() {
		String processId = uniqueId("mes-outage");
		String jobType = processId + "-book";
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("book-operation", (task) -> task.zeebeJobType(jobType).zeebeJobRetries("3"))
			.endEvent()
			.done());
		List<Long> instances = IntStream.range(0, 50).mapToObj((i) -> start(processId)).toList();
		List<ActivatedJob> failing = activate(jobType, 50);
		assertThat(failing).hasSize(50);
		failing.forEach((job) -> this.client.newFailCommand(job.getKey())
			.retries(0)
			.errorMessage("MES unreachable: connection refused")
			.send()
			.join());
		List<Long> incidentKeys = instances.stream().map((key) -> incidents(key).get(0).getIncidentKey()).toList();

		String batchKey = this.client.newCreateBatchOperationCommand()
			.resolveIncident()
			.filter((f) -> f.processDefinitionId(processId).hasIncident(true))
			.send()
			.join()
			.getBatchOperationKey();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
		assertThat(done.getType()).isEqualTo(BatchOperationType.RESOLVE_INCIDENT);
		assertThat(done.getOperationsTotalCount()).isEqualTo(50);
		assertThat(done.getOperationsCompletedCount()).isEqualTo(50);
		assertThat(done.getOperationsFailedCount()).isZero();
		assertThat(done.getStartDate()).isNotNull();
		assertThat(done.getEndDate()).isNotNull();
		List<BatchOperationItem> items = items(batchKey);
		assertThat(items).extracting(BatchOperationItem::getItemKey)
			.as("one item per incident")
			.containsExactlyInAnyOrderElementsOf(incidentKeys);
		assertThat(items).allSatisfy((item) -> {
			assertThat(item.getStatus()).isEqualTo(BatchOperationItemState.COMPLETED);
			assertThat(item.getOperationType()).isEqualTo(BatchOperationType.RESOLVE_INCIDENT);
			assertThat(item.getProcessedDate()).isNotNull();
		});
		assertThat(this.client.newIncidentSearchRequest()
			.filter((f) -> f.processDefinitionId(processId)
				.state(io.camunda.client.api.search.enums.IncidentState.ACTIVE))
			.send()
			.join()
			.items()).isEmpty();

		List<ActivatedJob> retried = activate(jobType, 50);
		assertThat(retried).as("each job got one retry from the batch")
			.hasSize(50)
			.allSatisfy((job) -> assertThat(job.getRetries()).isEqualTo(1));
		retried.forEach((job) -> this.client.newCompleteCommand(job.getKey()).send().join());
		assertThat(instances).allSatisfy((key) -> assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED));
	}

	@Test
	void shouldRecordAFailingItemWithTheEnginesReasonAndGoOnWithTheOthers() {
		// branch "go" ends the instance when its gateway can decide; resolving its
		// incident first ends the instance
		// and with it the other branch's incident, so the second item finds no incident
		// to resolve
		String processId = uniqueId("partial");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.parallelGateway("fork")
			.exclusiveGateway("decide-go")
			.conditionExpression("=go = true")
			.endEvent("stop", (end) -> end.terminate())
			.moveToNode("decide-go")
			.conditionExpression("=go = false")
			.endEvent()
			.moveToNode("fork")
			.exclusiveGateway("decide-other")
			.conditionExpression("=other = true")
			.endEvent()
			.moveToNode("decide-other")
			.conditionExpression("=other = false")
			.endEvent()
			.done());
		List<Long> instances = List.of(start(processId), start(processId));
		instances.forEach((key) -> {
			assertThat(incidents(key)).extracting(Incident::getElementId)
				.containsExactlyInAnyOrder("decide-go", "decide-other");
			this.client.newSetVariablesCommand(key).variables(Map.of("go", true)).send().join();
		});

		String batchKey = this.client.newCreateBatchOperationCommand()
			.resolveIncident()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.getBatchOperationKey();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.PARTIALLY_COMPLETED);
		assertThat(done.getOperationsTotalCount()).isEqualTo(4);
		assertThat(done.getOperationsCompletedCount()).isEqualTo(2);
		assertThat(done.getOperationsFailedCount()).isEqualTo(2);
		List<BatchOperationItem> failed = this.client.newBatchOperationItemsSearchRequest()
			.filter((f) -> f.batchOperationKey(batchKey).state(BatchOperationItemState.FAILED))
			.send()
			.join()
			.items();
		assertThat(failed).hasSize(2)
			.allSatisfy((item) -> assertThat(item.getErrorMessage()).contains(String.valueOf(item.getItemKey()))
				.contains("no such incident was found"));
		assertThat(failed).extracting(BatchOperationItem::getProcessInstanceKey)
			.as("the batch went on after the first instance's failure")
			.containsExactlyInAnyOrderElementsOf(instances);
		assertThat(instances).allSatisfy((key) -> assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED));
	}

	@Test
	void shouldSuspendAfterTheItemInProgressAndResumeToTheEnd() throws Exception {
		Waiting waiting = threeWaitingInstances();
		String batchKey;
		try (Connection lock = lockInstance(waiting.instances().get(0))) {
			batchKey = cancelBatch(waiting.processId());
			awaitTheRunnerBlocked();
			this.client.newSuspendBatchOperationCommand(batchKey).send().join();
			lock.rollback();
		}
		await().atMost(BATCH_DONE)
			.until(() -> itemState(batchKey, waiting.instances().get(0)),
					(state) -> state == BatchOperationItemState.COMPLETED);
		BatchOperation suspended = this.client.newBatchOperationGetRequest(batchKey).send().join();
		assertThat(suspended.getStatus()).isEqualTo(BatchOperationState.SUSPENDED);
		assertThat(suspended.getOperationsCompletedCount()).isEqualTo(1);
		assertThat(state(waiting.instances().get(1))).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(itemState(batchKey, waiting.instances().get(2))).isEqualTo(BatchOperationItemState.ACTIVE);
		assertThat(this.client.newBatchOperationSearchRequest()
			.filter((f) -> f.batchOperationKey(batchKey).state(BatchOperationState.SUSPENDED))
			.send()
			.join()
			.items()).singleElement()
			.satisfies((batch) -> assertThat(batch.getType()).isEqualTo(BatchOperationType.CANCEL_PROCESS_INSTANCE));

		this.client.newResumeBatchOperationCommand(batchKey).send().join();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
		assertThat(done.getOperationsCompletedCount()).isEqualTo(3);
		assertThat(waiting.instances())
			.allSatisfy((key) -> assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED));
		assertThat(problem(() -> this.client.newSuspendBatchOperationCommand(batchKey).send().join(), 409).getMessage())
			.contains("COMPLETED");
		assertThat(problem(() -> this.client.newResumeBatchOperationCommand(batchKey).send().join(), 409).getMessage())
			.contains("SUSPENDED");
	}

	@Test
	void shouldCancelTheItemsNotDoneYetWhenTheBatchIsCancelled() throws Exception {
		Waiting waiting = threeWaitingInstances();
		String batchKey;
		try (Connection lock = lockInstance(waiting.instances().get(0))) {
			batchKey = cancelBatch(waiting.processId());
			awaitTheRunnerBlocked();
			this.client.newCancelBatchOperationCommand(batchKey).send().join();
			lock.rollback();
		}
		await().atMost(BATCH_DONE)
			.until(() -> itemState(batchKey, waiting.instances().get(0)),
					(state) -> state == BatchOperationItemState.COMPLETED);
		BatchOperation cancelled = this.client.newBatchOperationGetRequest(batchKey).send().join();
		assertThat(cancelled.getStatus()).isEqualTo(BatchOperationState.CANCELED);
		assertThat(cancelled.getEndDate()).isNotNull();
		assertThat(items(batchKey)).extracting(BatchOperationItem::getStatus)
			.containsExactlyInAnyOrder(BatchOperationItemState.COMPLETED, BatchOperationItemState.CANCELED,
					BatchOperationItemState.CANCELED);
		assertThat(state(waiting.instances().get(1))).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(state(waiting.instances().get(2))).isEqualTo(ProcessInstanceState.ACTIVE);
		problem(() -> this.client.newCancelBatchOperationCommand(batchKey).send().join(), 409);
	}

	@Test
	void shouldCancelOnlyActiveRootInstancesWhateverTheFilterSaysOfStateAndParent() {
		String childId = uniqueId("child");
		String parentId = uniqueId("parent");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.serviceTask("child-work", (task) -> task.zeebeJobType(childId))
			.endEvent()
			.done());
		deploy(Bpmn.createExecutableProcess(parentId)
			.startEvent()
			.callActivity("call", (call) -> call.zeebeProcessId(childId))
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

		String batchKey = this.client.newCreateBatchOperationCommand()
			.processInstanceCancel()
			.filter((f) -> f.processInstanceKey((key) -> key.in(parent, child))
				.state(ProcessInstanceState.COMPLETED)
				.parentProcessInstanceKey(parent))
			.send()
			.join()
			.getBatchOperationKey();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
		assertThat(items(batchKey)).singleElement()
			.satisfies((item) -> assertThat(item.getProcessInstanceKey()).isEqualTo(parent));
		assertThat(state(parent)).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(state(child)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldRefuseBadRequestsWithAProblemAndCreateNothing() throws Exception {
		long before = batchCount();
		assertBadRequest("/v2/process-instances/cancellation", "{}", "filter");
		assertBadRequest("/v2/process-instances/incident-resolution", "{\"filter\":[]}", "filter");
		assertBadRequest("/v2/process-instances/cancellation", "{\"filter\":{\"plantCode\":\"F1\"}}", "plantCode");
		assertBadRequest("/v2/process-instances/incident-resolution",
				"{\"filter\":{\"processInstanceKey\":\"not-a-key\"}}", "not-a-key");
		assertBadRequest("/v2/process-instances/cancellation", "{\"filter\":{\"startDate\":{\"$gt\":\"yesterday\"}}}",
				"yesterday");
		assertThat(batchCount()).as("nothing created").isEqualTo(before);

		problem(() -> this.client.newBatchOperationGetRequest("4503599627370495").send().join(), 404);
		problem(() -> this.client.newSuspendBatchOperationCommand("4503599627370495").send().join(), 404);
		assertBadRequest("/v2/batch-operations/search", "{\"filter\":{\"plantCode\":\"F1\"}}", "plantCode");

		String empty = this.client.newCreateBatchOperationCommand()
			.processInstanceCancel()
			.filter((f) -> f.processDefinitionId(uniqueId("nothing")))
			.send()
			.join()
			.getBatchOperationKey();
		BatchOperation done = awaitEnded(empty);
		assertThat(done.getStatus()).as("a filter selecting nothing").isEqualTo(BatchOperationState.COMPLETED);
		assertThat(done.getOperationsTotalCount()).isZero();
	}

	@Test
	void shouldMigrateTheInstancesAFilterSelectsAndFailTheOneThePlanCannotMoveNamingWhy() throws Exception {
		String processId = uniqueId("migrate");
		long v1 = deployProcess(twoWaitStates(processId, true));
		List<Long> movable = List.of(start(processId, Map.of("route", "a")), start(processId, Map.of("route", "a")),
				start(processId, Map.of("route", "a")));
		long stuck = start(processId, Map.of("route", "b"));
		long v2 = deployProcess(twoWaitStates(processId, false));
		String plan = "{\"targetProcessDefinitionKey\":\"" + v2 + "\",\"mappingInstructions\":["
				+ "{\"sourceElementId\":\"task-a\",\"targetElementId\":\"task-a\"}]}";
		String filter = "{\"processDefinitionKey\":\"" + v1 + "\"}";

		java.net.http.HttpResponse<String> dryRun = raw("POST", "/v2/process-instances/migration/dry-run",
				"application/json", "{\"filter\":" + filter + ",\"migrationPlan\":" + plan + "}");
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		com.fasterxml.jackson.databind.JsonNode verdicts = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(dryRun.body())
			.path("items");
		assertThat(verdicts).as(dryRun.body()).hasSize(4).as(dryRun.body());
		assertThat(verdicts).filteredOn((verdict) -> !verdict.path("refusal").isTextual())
			.extracting((verdict) -> Long.valueOf(verdict.path("processInstanceKey").asText()))
			.containsExactlyInAnyOrderElementsOf(movable);
		assertThat(verdicts).filteredOn((verdict) -> verdict.path("refusal").isTextual())
			.singleElement()
			.satisfies((verdict) -> assertThat(verdict.path("refusal").asText()).contains(String.valueOf(stuck))
				.contains("no mapping instruction is defined for the active element with id 'task-b'"));
		assertThat(this.client.newProcessInstanceGetRequest(movable.get(0)).send().join().getProcessDefinitionKey())
			.as("the dry run changes nothing")
			.isEqualTo(v1);

		String batchKey = this.client.newCreateBatchOperationCommand()
			.migrateProcessInstance()
			.migrationPlan(io.camunda.client.api.command.MigrationPlan.newBuilder()
				.withTargetProcessDefinitionKey(v2)
				.addMappingInstruction("task-a", "task-a")
				.build())
			.filter((f) -> f.processDefinitionKey(v1))
			.send()
			.join()
			.getBatchOperationKey();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getType()).isEqualTo(BatchOperationType.MIGRATE_PROCESS_INSTANCE);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.PARTIALLY_COMPLETED);
		assertThat(done.getOperationsTotalCount()).isEqualTo(4);
		assertThat(done.getOperationsFailedCount()).isEqualTo(1);
		assertThat(items(batchKey)).filteredOn((item) -> item.getStatus() == BatchOperationItemState.FAILED)
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.getProcessInstanceKey()).isEqualTo(stuck);
				assertThat(item.getErrorMessage()).contains("task-b");
			});
		assertThat(movable).allSatisfy((key) -> assertThat(
				this.client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionKey())
			.isEqualTo(v2));
		assertThat(this.client.newProcessInstanceGetRequest(stuck).send().join().getProcessDefinitionKey())
			.isEqualTo(v1);
		ActivatedJob moved = activateOne(processId + "-a");
		assertThat(moved.getProcessDefinitionKey()).as("the job moved with its instance, same key").isEqualTo(v2);
	}

	@Test
	void shouldRefuseABadMigrationPlanWithAProblemAndCreateNothing() throws Exception {
		String processId = uniqueId("badplan");
		long v1 = deployProcess(twoWaitStates(processId, true));
		long v2 = deployProcess(twoWaitStates(processId, false));
		String filter = "\"filter\":{\"processDefinitionKey\":\"" + v1 + "\"}";
		long before = batchCount();
		assertBadRequest("/v2/process-instances/migration", "{" + filter + "}", "migrationPlan");
		assertBadRequest("/v2/process-instances/migration",
				"{" + filter + ",\"migrationPlan\":{" + "\"targetProcessDefinitionKey\":\"" + v2
						+ "\",\"mappingInstructions\":[{\"sourceElementId\":"
						+ "\"task-b\",\"targetElementId\":\"task-b\"}]}}",
				"mappingInstructions[0].targetElementId");
		assertBadRequest("/v2/process-instances/migration",
				"{" + filter + ",\"migrationPlan\":{"
						+ "\"targetProcessDefinitionKey\":\"4503599627370495\",\"mappingInstructions\":[{"
						+ "\"sourceElementId\":\"task-a\",\"targetElementId\":\"task-a\"}]}}",
				"targetProcessDefinitionKey");
		assertBadRequest(
				"/v2/process-instances/migration", "{" + filter + ",\"migrationPlan\":{"
						+ "\"targetProcessDefinitionKey\":\"" + v2 + "\",\"mappingInstructions\":[]}}",
				"mappingInstructions");
		assertBadRequest("/v2/process-instances/migration/dry-run", "{\"migrationPlan\":{}}", "filter");
		assertThat(batchCount()).as("nothing created").isEqualTo(before);
	}

	/**
	 * v1 routes to task-a or task-b; v2 has only task-a: an instance at task-b cannot be
	 * migrated.
	 */
	/**
	 * ADR 1080: a modification batch moves the tokens of every selected instance; one
	 * without the source fails.
	 */
	@Test
	void shouldMoveTheTokensOfTheInstancesAFilterSelectsAndFailTheOneWithoutTheSourceElement() throws Exception {
		String processId = uniqueId("move");
		long v1 = deployProcess(twoWaitStates(processId, true));
		List<Long> onA = List.of(start(processId, Map.of("route", "a")), start(processId, Map.of("route", "a")));
		long onB = start(processId, Map.of("route", "b"));
		String filter = "\"filter\":{\"processDefinitionKey\":\"" + v1 + "\"}";
		long before = batchCount();
		assertBadRequest("/v2/process-instances/modification", "{" + filter + "}", "moveInstructions");
		assertBadRequest("/v2/process-instances/modification",
				"{" + filter + ",\"moveInstructions\":[{\"sourceElementId\":\"task-a\"}]}",
				"moveInstructions[0].targetElementId");
		assertThat(batchCount()).as("a refused batch is not created").isEqualTo(before);

		String batchKey = this.client.newCreateBatchOperationCommand()
			.modifyProcessInstance()
			.addMoveInstruction("task-a", "task-b")
			.filter((f) -> f.processDefinitionKey(v1))
			.send()
			.join()
			.getBatchOperationKey();

		BatchOperation done = awaitEnded(batchKey);
		assertThat(done.getType()).isEqualTo(BatchOperationType.MODIFY_PROCESS_INSTANCE);
		assertThat(done.getStatus()).isEqualTo(BatchOperationState.PARTIALLY_COMPLETED);
		assertThat(done.getOperationsTotalCount()).isEqualTo(3);
		assertThat(items(batchKey)).filteredOn((item) -> item.getStatus() == BatchOperationItemState.FAILED)
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.getProcessInstanceKey()).isEqualTo(onB);
				assertThat(item.getErrorMessage()).contains("task-a");
			});
		assertThat(this.client.newActivateJobsCommand()
			.jobType(processId + "-b")
			.maxJobsToActivate(10)
			.send()
			.join()
			.getJobs()).as("the moved tokens wait at task-b, next to the one that was there")
			.extracting(ActivatedJob::getProcessInstanceKey)
			.containsExactlyInAnyOrder(onA.get(0), onA.get(1), onB);
		assertThat(activatableNow(processId + "-a", 10)).as("the jobs of the terminated task-a instances are gone")
			.isEmpty();
	}

	private static io.camunda.zeebe.model.bpmn.BpmnModelInstance twoWaitStates(String processId, boolean withB) {
		io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder route = Bpmn.createExecutableProcess(processId)
			.startEvent()
			.exclusiveGateway("route");
		io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> a = route
			.conditionExpression("=route = \"a\"")
			.serviceTask("task-a", (task) -> task.zeebeJobType(processId + "-a"))
			.endEvent();
		if (withB) {
			a = a.moveToNode("route")
				.conditionExpression("=route = \"b\"")
				.serviceTask("task-b", (task) -> task.zeebeJobType(processId + "-b"))
				.endEvent();
		}
		return a.done();
	}

	private void assertBadRequest(String path, String body, String named) throws Exception {
		java.net.http.HttpResponse<String> response = raw("POST", path, "application/json", body);
		assertThat(response.statusCode()).as("%s %s", path, body).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains(named);
	}

	private long batchCount() {
		return this.jdbc.queryForObject("select count(*) from engine_batch_operation", Long.class);
	}

	private Waiting threeWaitingInstances() {
		String processId = uniqueId("waiting");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("wait", (task) -> task.zeebeJobType(processId))
			.endEvent()
			.done());
		return new Waiting(processId, List.of(start(processId), start(processId), start(processId)));
	}

	private String cancelBatch(String processId) {
		return this.client.newCreateBatchOperationCommand()
			.processInstanceCancel()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.getBatchOperationKey();
	}

	/**
	 * Holds the row lock every command on the instance takes first, so the runner waits
	 * at that item.
	 */
	private Connection lockInstance(long processInstanceKey) throws Exception {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("select 1 from engine_process_instance where process_instance_key = ? for update")) {
			lock.setLong(1, processInstanceKey);
			lock.executeQuery().close();
		}
		return connection;
	}

	private void awaitTheRunnerBlocked() {
		await().atMost(BATCH_DONE)
			.until(() -> this.jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
					+ " and query like '%engine_process_instance%for update%'", Long.class) > 0);
	}

	private BatchOperation awaitEnded(String batchKey) {
		return await().atMost(BATCH_DONE)
			.until(() -> this.client.newBatchOperationGetRequest(batchKey).send().join(),
					(batch) -> batch.getEndDate() != null);
	}

	private List<BatchOperationItem> items(String batchKey) {
		return this.client.newBatchOperationItemsSearchRequest()
			.filter((f) -> f.batchOperationKey(batchKey))
			.page((p) -> p.limit(100))
			.send()
			.join()
			.items();
	}

	private BatchOperationItemState itemState(String batchKey, long processInstanceKey) {
		return this.client.newBatchOperationItemsSearchRequest()
			.filter((f) -> f.batchOperationKey(batchKey).processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items()
			.get(0)
			.getStatus();
	}

	private record Waiting(String processId, List<Long> instances) {
	}

}
