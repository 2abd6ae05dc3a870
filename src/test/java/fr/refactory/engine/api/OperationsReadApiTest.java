package fr.refactory.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.refactory.engine.Dmn;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ProcessInstanceCallHierarchyEntryResponse;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of issue 18 through the client: element statistics of a process version and
 * of an instance (ADR 1020), call hierarchy, decision requirements search/get/XML,
 * resource get and content (ADR 1022), and their bad input.
 */
class OperationsReadApiTest extends EngineTestSupport {

	private static BpmnModelInstance workThenReview(String id, String jobType) {
		return Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.serviceTask("work", (task) -> task.zeebeJobType(jobType))
			.userTask("review", (task) -> task.zeebeUserTask())
			.endEvent("end")
			.done();
	}

	/** "elementId active/canceled/incidents/completed" per element. */
	private static List<String> counts(List<ProcessElementStatistics> statistics) {
		return statistics.stream()
			.map((s) -> s.getElementId() + " " + s.getActive() + "/" + s.getCanceled() + "/" + s.getIncidents() + "/"
					+ s.getCompleted())
			.toList();
	}

	/**
	 * Four instances of version 1: one at the job, one in an incident there, one at the
	 * review, one canceled.
	 */
	private record Version(String processId, long definitionKey, long waiting, long failed, long reviewing,
			long canceled) {
	}

	private Version fourInstances() {
		String id = uniqueId("stats");
		String jobType = id + "-job";
		long definitionKey = deployProcess(workThenReview(id, jobType));
		long waiting = start(id);
		long failed = start(id);
		long reviewing = start(id);
		long canceled = start(id);
		Map<Long, Long> jobs = activate(jobType, 4).stream()
			.collect(Collectors.toMap((job) -> job.getProcessInstanceKey(), (job) -> job.getKey()));
		this.client.newFailCommand(jobs.get(failed)).retries(0).errorMessage("MES unreachable").send().join();
		this.client.newCompleteCommand(jobs.get(reviewing)).send().join();
		this.client.newCancelInstanceCommand(canceled).send().join();
		deployProcess(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.serviceTask("work", (task) -> task.zeebeJobType(jobType))
			.endEvent("end")
			.done());
		return new Version(id, definitionKey, waiting, failed, reviewing, canceled);
	}

	@Test
	void shouldCountTheElementInstancesOfAProcessVersionAsASearchFindsThem() {
		Version version = fourInstances();
		start(version.processId()); // of version 2: not counted for version 1

		List<ProcessElementStatistics> statistics = this.client
			.newProcessDefinitionElementStatisticsRequest(version.definitionKey())
			.send()
			.join();

		assertThat(counts(statistics)).containsExactly("review 1/0/0/0", "start 0/0/0/4", "work 1/1/1/1");
		long activeAtWork = this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processDefinitionKey(version.definitionKey())
				.elementId("work")
				.state(ElementInstanceState.ACTIVE))
			.send()
			.join()
			.page()
			.totalItems();
		ProcessElementStatistics work = statistics.get(2);
		assertThat(work.getActive() + work.getIncidents()).as("the tokens a search finds at the element")
			.isEqualTo(activeAtWork);
	}

	@Test
	void shouldCountOnlyTheInstancesTheFilterMatches() {
		Version version = fourInstances();

		assertThat(counts(this.client.newProcessDefinitionElementStatisticsRequest(version.definitionKey())
			.filter((f) -> f.hasIncident(true))
			.send()
			.join())).containsExactly("start 0/0/0/1", "work 0/0/1/0");
		assertThat(counts(this.client.newProcessDefinitionElementStatisticsRequest(version.definitionKey())
			.filter((f) -> f.elementId("work").elementInstanceState(ElementInstanceState.COMPLETED))
			.send()
			.join())).as("one element instance both at work and completed")
			.containsExactly("review 1/0/0/0", "start 0/0/0/1", "work 0/0/0/1");
		assertThat(this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionKey(version.definitionKey())
				.elementId("work")
				.elementInstanceState(ElementInstanceState.COMPLETED))
			.send()
			.join()
			.items()).as("the instance search with the same fields")
			.extracting((i) -> i.getProcessInstanceKey())
			.containsExactly(version.reviewing());
		assertThat(counts(this.client.newProcessDefinitionElementStatisticsRequest(version.definitionKey())
			.filter((f) -> f.processInstanceKey(version.canceled()))
			.send()
			.join())).containsExactly("start 0/0/0/1", "work 0/1/0/0");
		assertThat(counts(this.client.newProcessDefinitionElementStatisticsRequest(version.definitionKey())
			.filter((f) -> f.hasElementInstanceIncident(true))
			.send()
			.join())).containsExactly("start 0/0/0/1", "work 0/0/1/0");
	}

	@Test
	void shouldCountTheElementsOfOneInstanceWithTheInnerInstancesOfAMultiInstanceActivity() {
		String id = uniqueId("instance-stats");
		deployProcess(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.userTask("check",
					(task) -> task.zeebeUserTask()
						.multiInstance((mi) -> mi.parallel().zeebeInputCollectionExpression("[1,2,3]")))
			.endEvent()
			.done());
		long instance = start(id);

		assertThat(counts(this.client.newProcessInstanceElementStatisticsRequest(instance).send().join()))
			.containsExactly("check 3/0/0/0", "start 0/0/0/1");
	}

	@Test
	void shouldAnswer404ForAnUnknownVersionOrInstanceAnd400ForABadFilter() throws Exception {
		Version version = fourInstances();
		String path = "/v2/process-definitions/" + version.definitionKey() + "/statistics/element-instances";

		problem(() -> this.client.newProcessDefinitionElementStatisticsRequest(1L).send().join(), 404);
		problem(() -> this.client.newProcessInstanceElementStatisticsRequest(1L).send().join(), 404);
		assertBadRequest(raw("POST", path, "application/json", "{\"filter\":{\"colour\":\"red\"}}"), "colour");
		assertBadRequest(raw("POST", path, "application/json", "{\"filter\":\"active\"}"), "filter");
		assertBadRequest(raw("POST", path, "application/json", "{\"filter\":{\"hasElementInstanceIncident\":\"yes\"}}"),
				"hasElementInstanceIncident");
		assertBadRequest(raw("POST", path, "application/json", "{\"filter\":{\"startDate\":{\"$gt\":\"yesterday\"}}}"),
				"yesterday");
		assertBadRequest(
				raw("POST", "/v2/process-definitions/abc/statistics/element-instances", "application/json", "{}"),
				"abc");
		assertThat(raw("POST", path, "application/json", "").statusCode()).as("no body: no filter").isEqualTo(200);
	}

	private static void assertBadRequest(java.net.http.HttpResponse<String> response, String named) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains(named);
	}

	@Test
	void shouldListTheCallHierarchyFromTheRootToTheInstance() {
		String child = uniqueId("child");
		String parent = uniqueId("parent");
		deployProcess(Bpmn.createExecutableProcess(child)
			.name("Child process")
			.startEvent()
			.userTask("wait", (task) -> task.zeebeUserTask())
			.endEvent()
			.done());
		long parentDefinition = deployProcess(Bpmn.createExecutableProcess(parent)
			.startEvent()
			.callActivity("call", (call) -> call.zeebeProcessId(child))
			.endEvent()
			.done());
		long root = start(parent);
		long called = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(root))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();

		List<ProcessInstanceCallHierarchyEntryResponse> hierarchy = this.client
			.newProcessInstanceGetCallHierarchyRequest(called)
			.send()
			.join();

		assertThat(hierarchy).extracting(ProcessInstanceCallHierarchyEntryResponse::getProcessInstanceKey)
			.containsExactly(root, called);
		assertThat(hierarchy.get(0).getProcessDefinitionKey()).isEqualTo(parentDefinition);
		assertThat(hierarchy).extracting(ProcessInstanceCallHierarchyEntryResponse::getProcessDefinitionName)
			.as("the name, else the process id")
			.containsExactly(parent, "Child process");
		assertThat(this.client.newProcessInstanceGetCallHierarchyRequest(root).send().join()).hasSize(1);
		problem(() -> this.client.newProcessInstanceGetCallHierarchyRequest(1L).send().join(), 404);
	}

	@Test
	void shouldSearchGetAndServeTheXmlOfDecisionRequirements() throws Exception {
		String decision = uniqueId("risk");
		String dmn = Dmn.riskTable(decision);
		DeploymentEvent first = deployDmn(dmn, decision);
		DeploymentEvent second = deployDmn(Dmn.literal(decision, "\"low\""), decision);
		long key = first.getDecisionRequirements().get(0).getDecisionRequirementsKey();

		var found = this.client.newDecisionRequirementsSearchRequest()
			.filter((f) -> f.decisionRequirementsId("drd-" + decision))
			.sort((s) -> s.version().desc())
			.send()
			.join();

		assertThat(found.items()).extracting((drd) -> drd.getVersion()).containsExactly(2, 1);
		assertThat(found.items().get(1).getDecisionRequirementsKey()).isEqualTo(key);
		var drd = this.client.newDecisionRequirementsGetRequest(key).send().join();
		assertThat(drd.getDmnDecisionRequirementsName()).isEqualTo("DRD " + decision);
		assertThat(drd.getResourceName()).isEqualTo(decision + ".dmn");
		assertThat(drd.getTenantId()).isEqualTo("<default>");
		assertThat(this.client.newDecisionRequirementsGetXmlRequest(key).send().join()).isEqualTo(dmn);
		assertThat(this.client.newDecisionRequirementsSearchRequest()
			.filter((f) -> f.decisionRequirementsName("DRD " + decision).version(2))
			.send()
			.join()
			.items()).extracting((item) -> item.getDecisionRequirementsKey())
			.containsExactly(second.getDecisionRequirements().get(0).getDecisionRequirementsKey());
		problem(() -> this.client.newDecisionRequirementsGetRequest(1L).send().join(), 404);
		problem(() -> this.client.newDecisionRequirementsGetXmlRequest(1L).send().join(), 404);
		assertBadRequest(raw("POST", "/v2/decision-requirements/search", "application/json",
				"{\"filter\":{\"decisionRequirementsColour\":\"red\"}}"), "decisionRequirementsColour");
		assertBadRequest(raw("POST", "/v2/decision-requirements/search", "application/json",
				"{\"sort\":[{\"field\":\"colour\"}]}"), "colour");
	}

	private DeploymentEvent deployDmn(String dmn, String decision) {
		return this.client.newDeployResourceCommand()
			.addResourceString(dmn, StandardCharsets.UTF_8, decision + ".dmn")
			.send()
			.join();
	}

	@Test
	void shouldServeEveryDeployedResourceAndItsContentByKey() {
		String id = uniqueId("resource");
		String form = "{\"id\":\"" + id + "-form\",\"components\":[]}";
		String dmn = Dmn.literal(id + "-decision", "1");
		DeploymentEvent deployment = this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(id).versionTag("v1").startEvent().endEvent().done(),
					id + ".bpmn")
			.addResourceString(dmn, StandardCharsets.UTF_8, id + ".dmn")
			.addResourceString(form, StandardCharsets.UTF_8, id + ".form")
			.send()
			.join();
		long processKey = deployment.getProcesses().get(0).getProcessDefinitionKey();

		var process = this.client.newResourceGetRequest(processKey).send().join();

		assertThat(process.getResourceKey()).isEqualTo(processKey);
		assertThat(process.getResourceId()).isEqualTo(id);
		assertThat(process.getResourceName()).isEqualTo(id + ".bpmn");
		assertThat(process.getVersion()).isEqualTo(1);
		assertThat(this.client.newResourceContentGetRequest(processKey).send().join())
			.isEqualTo(this.client.newProcessDefinitionGetXmlRequest(processKey).send().join());
		long drdKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();
		assertThat(this.client.newResourceGetRequest(drdKey).send().join().getResourceId())
			.isEqualTo("drd-" + id + "-decision");
		assertThat(this.client.newResourceContentGetRequest(drdKey).send().join()).isEqualTo(dmn);
		long formKey = deployment.getForm().get(0).getFormKey();
		assertThat(this.client.newResourceGetRequest(formKey).send().join().getResourceName()).isEqualTo(id + ".form");
		assertThat(this.client.newResourceContentGetRequest(formKey).send().join()).contains("\"" + id + "-form\"");
		problem(() -> this.client.newResourceGetRequest(1L).send().join(), 404);
		problem(() -> this.client.newResourceContentGetRequest(1L).send().join(), 404);
	}

}
