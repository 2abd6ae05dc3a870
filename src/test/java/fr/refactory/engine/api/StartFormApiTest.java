package fr.refactory.engine.api;

import java.nio.charset.StandardCharsets;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.response.Form;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v2/process-definitions/{key}/form} through the client ({@code newProcessDefinitionGetFormRequest}). */
class StartFormApiTest extends EngineTestSupport {

	private long deployForm(String formId, String label) {
		return this.client.newDeployResourceCommand()
			.addResourceString("{\"id\":\"" + formId + "\",\"components\":[{\"key\":\"vin\",\"type\":\"textfield\","
					+ "\"label\":\"" + label + "\"}]}", StandardCharsets.UTF_8, formId + ".form")
			.send()
			.join()
			.getForm()
			.get(0)
			.getFormKey();
	}

	private static BpmnModelInstance withStartForm(String processId, String formId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start").zeebeFormId(formId)
			.userTask("check", (t) -> t.zeebeUserTask())
			.endEvent()
			.done();
	}

	@Test
	void shouldServeTheLatestVersionOfTheFormLinkedFromTheNoneStartEvent() {
		String formId = uniqueId("start-form");
		deployForm(formId, "first");
		long latest = deployForm(formId, "second");
		long processKey = deployProcess(withStartForm(uniqueId("with-start-form"), formId));

		Form form = this.client.newProcessDefinitionGetFormRequest(processKey).send().join();

		assertThat(form.getFormId()).isEqualTo(formId);
		assertThat(form.getFormKey()).isEqualTo(latest);
		assertThat(form.getVersion()).isEqualTo(2);
		assertThat(String.valueOf(form.getSchema())).contains("second").doesNotContain("first");
		assertThat(form.getTenantId()).isEqualTo("<default>");
	}

	@Test
	void shouldAnswerNoContentWithoutALinkedStartForm() throws Exception {
		String formId = uniqueId("task-form");
		deployForm(formId, "task only");
		long processKey = deployProcess(Bpmn.createExecutableProcess(uniqueId("no-start-form"))
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask().zeebeFormId(formId))
			.endEvent()
			.done());

		var response = raw("GET", "/v2/process-definitions/" + processKey + "/form", "application/json", null);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.client.newProcessDefinitionGetFormRequest(processKey).send().join().getFormId()).isNull();
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownProcessOrAnUndeployedForm() throws Exception {
		problem(() -> this.client.newProcessDefinitionGetFormRequest(99L).send().join(), 404);
		long processKey = deployProcess(withStartForm(uniqueId("missing-form"), uniqueId("never-deployed")));
		var missing = problem(() -> this.client.newProcessDefinitionGetFormRequest(processKey).send().join(), 404);
		assertThat(missing.details().getDetail()).contains("never-deployed");
		assertThat(raw("GET", "/v2/process-definitions/abc/form", "application/json", null).statusCode())
			.isEqualTo(400);
	}

}
