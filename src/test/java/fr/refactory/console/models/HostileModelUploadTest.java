package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.AdminClient;
import fr.refactory.test.HostileModels;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner's upload that cannot be a sane model is reported on the page, never a
 * 500 (issue 19).
 */
class HostileModelUploadTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldReportAModelNestedTooDeepAsAProblem() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String processId = "deep-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> page = owner.postFile("/models/deploy", "files", "deep.bpmn",
				HostileModels.nestedBpmn(processId, 60_000).getBytes(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("deep.bpmn").contains("depth").doesNotContain(processId + "</td>");
	}

	/**
	 * Issue 24: a service task whose job type is empty is the models page's check
	 * message, not a 500.
	 */
	@Test
	void shouldReportAnEmptyJobTypeAsAProblemOfItsTask() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String processId = "no-type-" + UUID.randomUUID().toString().substring(0, 8);
		String bpmn = Bpmn
			.convertToString(Bpmn.createExecutableProcess(processId)
				.startEvent()
				.serviceTask("typeless", (task) -> task.zeebeJobType("x"))
				.endEvent()
				.done())
			.replace(" type=\"x\"", "");

		HttpResponse<String> page = owner.postFile("/models/deploy", "files", "typeless.bpmn",
				bpmn.getBytes(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("typeless.bpmn").contains("typeless").doesNotContain("startsWith");
	}

	/**
	 * The runaway expressions of issue 19 pass the page's checks (they are valid FEEL),
	 * deploy, and neither hang the operator's page nor the engine: the form shows the
	 * field whose condition ran away, with why, and the task completes; the script
	 * becomes an incident of that instance.
	 */
	@Test
	void shouldDeployRunawayExpressionsThatThenAnswerWithClearOutcomes() {
		String id = "runaway-" + UUID.randomUUID().toString().substring(0, 8);
		String runaway = "matches(\"" + "a".repeat(40) + "!\", \"^(.*a){10}$\")";
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String form = """
				{"id": "%s", "components": [
				  {"type": "textfield", "key": "remark", "label": "Remark", "conditional": {"hide": "=%s"}},
				  {"type": "number", "key": "count", "label": "Count",
				   "conditional": {"hide": "=count(for i in 1..100000000 return i) > 0"}}]}
				""".formatted(id, runaway.replace("\"", "\\\""));
		assertThat(owner.postFile("/models/deploy", "files", id + ".form", form.getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
		String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask().zeebeFormId(id).zeebeCandidateGroups("intake-operators"))
			.scriptTask("spin", (t) -> t.zeebeExpression(runaway).zeebeResultVariable("r"))
			.endEvent()
			.done());
		HttpResponse<String> deployed = owner.postFile("/models/deploy", "files", id + ".bpmn",
				bpmn.getBytes(StandardCharsets.UTF_8));
		assertThat(deployed.statusCode()).as(() -> problemsIn(deployed.body())).isEqualTo(200);

		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
		long task = Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(instance))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getUserTaskKey();
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		operator.post("/console/tasks/" + task + "/claim", Map.of());

		HttpResponse<String> page = operator.get("/console/tasks/" + task);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"notice-remark\"")
			.contains("id=\"notice-count\"")
			.contains("refactory.engine.evaluation.time-budget")
			.contains("refactory.engine.evaluation.max-items")
			.contains("id=\"input-remark\"");
		HttpResponse<String> refresh = operator.post("/console/tasks/" + task + "/form-visibility",
				Map.of("remark", List.of("seal intact")));
		assertThat(refresh.statusCode()).isEqualTo(200);
		HttpResponse<String> completed = operator.post("/console/tasks/" + task + "/complete",
				Map.of("remark", List.of("seal intact"), "count", List.of("3")));
		assertThat(completed.uri().getPath()).isEqualTo("/console/tasks");
		Incident incident = Awaitility.await()
			.until(() -> this.client.newIncidentSearchRequest()
				.filter((f) -> f.processInstanceKey(instance))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
		assertThat(incident.getElementId()).isEqualTo("spin");
		assertThat(incident.getErrorMessage()).contains("time budget");
	}

	private static String problemsIn(String page) {
		java.util.regex.Matcher problems = java.util.regex.Pattern.compile("(?s)<table[^>]*problem.*?</table>")
			.matcher(page);
		return problems.find() ? problems.group() : page;
	}

	@Test
	void shouldReportAStaticTimerThatCanNeverBeScheduled() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String processId = "ptx-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> page = owner.postFile("/models/deploy", "files", "ptx.bpmn",
				HostileModels.timerBpmn(processId, "PTX-1").getBytes(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("PTX-1");
	}

}
