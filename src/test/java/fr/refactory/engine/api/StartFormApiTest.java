package fr.refactory.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v2/process-definitions/{key}/form} through the client
 * ({@code newProcessDefinitionGetFormRequest}).
 */
class StartFormApiTest extends EngineTestSupport {

	private long deployForm(String formId, String label) {
		return deployForm(formId, null, label);
	}

	private long deployForm(String formId, String versionTag, String label) {
		return this.client.newDeployResourceCommand()
			.addResourceString(form(formId, versionTag, label), StandardCharsets.UTF_8, formId + ".form")
			.send()
			.join()
			.getForm()
			.get(0)
			.getFormKey();
	}

	private static String form(String formId, String versionTag, String label) {
		String tag = versionTag == null ? "" : ",\"versionTag\":\"" + versionTag + "\"";
		return "{\"id\":\"" + formId + "\"" + tag + ",\"components\":[{\"key\":\"vin\",\"type\":\"textfield\","
				+ "\"label\":\"" + label + "\"}]}";
	}

	/**
	 * Modeler writes the binding on the start event's form definition; the fluent builder
	 * offers no setter.
	 */
	private static BpmnModelInstance withBoundStartForm(String processId, String formId, ZeebeBindingType binding,
			String versionTag) {
		BpmnModelInstance model = withStartForm(processId, formId);
		StartEvent start = model.getModelElementById("start");
		ZeebeFormDefinition definition = start.getSingleExtensionElement(ZeebeFormDefinition.class);
		definition.setBindingType(binding);
		definition.setVersionTag(versionTag);
		return model;
	}

	private static BpmnModelInstance withStartForm(String processId, String formId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.zeebeFormId(formId)
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
	void shouldServeTheFormVersionTheStartEventBindsTo() {
		String formId = uniqueId("bound-start-form");
		long tagged = deployForm(formId, "v1", "tagged");
		deployForm(formId, "v2", "later");
		long byTag = deployProcess(
				withBoundStartForm(uniqueId("start-form-tag"), formId, ZeebeBindingType.versionTag, "v1"));
		String byDeploymentId = uniqueId("start-form-deployment");
		DeploymentEvent together = this.client.newDeployResourceCommand()
			.addResourceString(form(formId, null, "together"), StandardCharsets.UTF_8, formId + ".form")
			.addProcessModel(withBoundStartForm(byDeploymentId, formId, ZeebeBindingType.deployment, null),
					byDeploymentId + ".bpmn")
			.send()
			.join();
		deployForm(formId, null, "newest");

		Form tagForm = this.client.newProcessDefinitionGetFormRequest(byTag).send().join();
		Form deploymentForm = this.client
			.newProcessDefinitionGetFormRequest(together.getProcesses().get(0).getProcessDefinitionKey())
			.send()
			.join();

		assertThat(tagForm.getFormKey()).isEqualTo(tagged);
		assertThat(String.valueOf(tagForm.getSchema())).contains("tagged");
		assertThat(deploymentForm.getFormKey()).isEqualTo(together.getForm().get(0).getFormKey());
		assertThat(String.valueOf(deploymentForm.getSchema())).contains("together").doesNotContain("newest");
	}

	@Test
	void shouldAnswerNotFoundWhenNoFormCarriesTheBoundVersionTag() {
		String formId = uniqueId("untagged-start-form");
		deployForm(formId, "v1", "tagged");
		long processKey = deployProcess(
				withBoundStartForm(uniqueId("start-form-missing-tag"), formId, ZeebeBindingType.versionTag, "v9"));

		var missing = problem(() -> this.client.newProcessDefinitionGetFormRequest(processKey).send().join(), 404);

		assertThat(missing.details().getDetail()).contains(formId).contains("versionTag 'v9'");
	}

	@Test
	void shouldReportAndFilterWhetherAProcessHasAStartForm() {
		String formId = uniqueId("flag-form");
		deployForm(formId, "flag");
		String withForm = uniqueId("with-flag");
		String withoutForm = uniqueId("without-flag");
		long withKey = deployProcess(withStartForm(withForm, formId));
		long withoutKey = deployProcess(Bpmn.createExecutableProcess(withoutForm)
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask().zeebeFormId(formId))
			.endEvent()
			.done());

		assertThat(this.client.newProcessDefinitionGetRequest(withKey).send().join().getHasStartForm()).isTrue();
		assertThat(this.client.newProcessDefinitionGetRequest(withoutKey).send().join().getHasStartForm()).isFalse();
		assertThat(processIds(withForm, true)).containsExactly(withForm);
		assertThat(processIds(withForm, false)).isEmpty();
		assertThat(processIds(withoutForm, false)).containsExactly(withoutForm);
		assertThat(processIds(withoutForm, true)).isEmpty();
	}

	private List<String> processIds(String processId, boolean hasStartForm) {
		return this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId(processId).hasStartForm(hasStartForm))
			.send()
			.join()
			.items()
			.stream()
			.map(ProcessDefinition::getProcessDefinitionId)
			.toList();
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
