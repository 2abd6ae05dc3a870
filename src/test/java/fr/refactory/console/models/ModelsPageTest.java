package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.AdminClient;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models page lists forms and says when and by whom each version was deployed,
 * start-up ones included.
 */
class ModelsPageTest extends RefactoryIntegrationTest {

	@Autowired
	private ApplicationJobTypes jobTypes;

	@Autowired
	@AdminClient
	private CamundaClient client;

	@Autowired
	private fr.refactory.records.AuditLog auditLog;

	@Test
	void shouldListTheFormsAndWhoDeployedEachVersionAtStartUp() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");

		HttpResponse<String> page = owner.get("/models");

		assertThat(page.statusCode()).isEqualTo(200);
		String forms = page.body().substring(page.body().indexOf("id=\"form-versions\""));
		assertThat(forms).contains("data-form-id=\"hv-lockout-checklist\"")
			.contains("hv-lockout-checklist.form")
			.contains("<td>application</td>");
		String decisions = page.body()
			.substring(page.body().indexOf("id=\"decision-versions\""), page.body().indexOf("id=\"form-versions\""));
		String intakeRoute = decisions.substring(decisions.indexOf("<td>intake-route</td>"));
		intakeRoute = intakeRoute.substring(0, intakeRoute.indexOf("</tr>"));
		assertThat(intakeRoute).as("other tests deploy decisions through /v2 too; this one came with the application")
			.contains("<td>application</td>")
			.doesNotContain("not recorded");
	}

	/**
	 * ADR 0473: the running instances are counted per version from one search, and each
	 * version links its predecessor.
	 */
	@Test
	void shouldCountTheRunningInstancesOfEachVersionAndCompareItWithThePreviousOne() {
		String processId = "models-page-count-" + UUID.randomUUID().toString().substring(0, 8);
		long first = deploy(processId, "Check the first way");
		long second = deploy(processId, "Check the second way");
		for (long definition : List.of(first, first, second)) {
			this.client.newCreateInstanceCommand().processDefinitionKey(definition).send().join();
		}
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");

		String page = owner.get("/models").body();

		assertThat(versionRow(page, processId, 1)).contains("<td class=\"running\">2</td>").doesNotContain("compare");
		assertThat(versionRow(page, processId, 2)).contains("<td class=\"running\">1</td>")
			.contains("href=\"/models/compare?from=" + first + "&amp;to=" + second + "\"")
			.contains("changes since v1");
	}

	private long deploy(String processId, String taskName) {
		return this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent()
				.userTask("check", (task) -> task.name(taskName).zeebeUserTask())
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join()
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
	}

	private static String versionRow(String page, String processId, int version) {
		int start = page.indexOf("data-process-id=\"" + processId + "\" data-version=\"" + version + "\"");
		assertThat(start).as("row of %s v%s", processId, version).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	@Test
	void shouldMigrateNothingWithoutAReason() {
		String processId = "no-reason-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long v1 = deployServiceTask(processId, processId);
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
		long v2 = deployServiceTask(processId, processId + "-v2");
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		assertThat(owner.get("/models/processes/" + v1 + "/migration").body()).contains("1 can move")
			.contains("0 cannot move");

		HttpResponse<String> refused = owner.post("/models/processes/" + v1 + "/migration",
				java.util.Map.of("to", java.util.List.of(String.valueOf(v2)), "reason", java.util.List.of(" ")));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Say why these instances are migrated");
		assertThat(this.client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey())
			.isEqualTo(v1);
		assertThat(this.auditLog.about(processId)).isEmpty();
	}

	private long deployServiceTask(String processId, String jobType) {
		return this.client.newDeployResourceCommand()
			.addProcessModel(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
				.startEvent()
				.serviceTask("task-a", (task) -> task.zeebeJobType(jobType))
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join()
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
	}

	@Test
	void shouldOfferEveryJobTypesElementTemplateForDownload() throws Exception {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");

		assertThat(owner.get("/models").body()).contains("id=\"element-templates-download\"")
			.contains("href=\"/models/element-templates.json\"");
		HttpResponse<String> download = owner.get("/models/element-templates.json");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).contains("attachment").contains("refactory-element-templates.json"));
		JsonNode templates = new ObjectMapper().readTree(download.body());
		Set<String> jobTypes = new TreeSet<>();
		templates.forEach((template) -> template.get("properties").forEach((property) -> {
			if ("zeebe:taskDefinition".equals(property.path("binding").path("type").asText())
					&& "type".equals(property.path("binding").path("property").asText())) {
				jobTypes.add(property.get("value").asText());
			}
		}));
		assertThat(jobTypes).as("one template per job type (ElementTemplatesTest: one for each worker)")
			.hasSize(templates.size())
			.hasSizeGreaterThan(60)
			.contains("mes.createWorkOrder", "vin.validate")
			.isSubsetOf(this.jobTypes.all());
	}

}
