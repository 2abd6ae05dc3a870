package fr.refactory.engine.element;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.CallActivityBuilder;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bindingType} and {@code versionTag} of call activities, business-rule tasks and
 * linked forms, and the process's own {@code zeebe:versionTag}, as Camunda 8.8 documents
 * them (decision 0290).
 */
class VersionBindingTest extends EngineTestSupport {

	private static BpmnModelInstance child(String childId, String versionTag, String marker) {
		var builder = Bpmn.createExecutableProcess(childId).name("Child " + marker);
		if (versionTag != null) {
			builder.versionTag(versionTag);
		}
		return builder.startEvent().endEvent().done();
	}

	private static BpmnModelInstance parent(String parentId, Consumer<CallActivityBuilder> call) {
		return Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", call).endEvent().done();
	}

	private ProcessInstance childOf(long parentKey) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(parentKey))
			.send()
			.join()
			.items()
			.get(0);
	}

	@Test
	void shouldCallTheChildVersionDeployedTogetherWithTheCallerForBindingTypeDeployment() {
		String childId = uniqueId("bound-child");
		String parentId = uniqueId("bound-parent");
		this.client.newDeployResourceCommand()
			.addProcessModel(child(childId, null, "one"), childId + ".bpmn")
			.addProcessModel(
					parent(parentId, (c) -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.deployment)),
					parentId + ".bpmn")
			.send()
			.join();
		deploy(child(childId, null, "two"));

		long key = start(parentId);

		assertThat(childOf(key).getProcessDefinitionVersion()).isEqualTo(1);
	}

	@Test
	void shouldCallTheChildVersionWithTheVersionTagAndStoreTheTagOnTheDefinition() {
		String childId = uniqueId("tagged-child");
		deploy(child(childId, "1.0", "a"));
		long second = deploy(child(childId, "2.0", "b")).getProcesses().get(0).getProcessDefinitionKey();
		deploy(child(childId, null, "c"));
		String parentId = uniqueId("tagged-parent");
		deploy(parent(parentId,
				(c) -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("1.0")));

		long key = start(parentId);

		ProcessInstance called = childOf(key);
		assertThat(called.getProcessDefinitionVersion()).isEqualTo(1);
		assertThat(called.getProcessDefinitionVersionTag()).isEqualTo("1.0");
		assertThat(this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(childId).processDefinitionVersionTag("1.0"))
			.send()
			.join()
			.items()).extracting(ProcessInstance::getProcessInstanceKey)
			.containsExactly(called.getProcessInstanceKey());
		assertThat(this.client.newProcessDefinitionGetRequest(second).send().join().getVersionTag()).isEqualTo("2.0");
		assertThat(this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId(childId).versionTag("2.0"))
			.send()
			.join()
			.items()).extracting(ProcessDefinition::getVersion).containsExactly(2);
	}

	@Test
	void shouldRaiseAnIncidentForAVersionTagNoChildCarriesAndCallItOnceDeployedAndResolved() {
		String childId = uniqueId("untagged-child");
		deploy(child(childId, "1.0", "a"));
		String parentId = uniqueId("missing-tag-parent");
		deploy(parent(parentId,
				(c) -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("9.9")));

		long key = start(parentId);

		Incident incident = incidents(key).get(0);
		assertThat(incident.getErrorType().name()).isEqualTo("CALLED_ELEMENT_ERROR");
		assertThat(incident.getElementId()).isEqualTo("call");
		assertThat(incident.getErrorMessage()).contains(childId).contains("9.9");

		deploy(child(childId, "9.9", "z"));
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

		assertThat(childOf(key).getProcessDefinitionVersionTag()).isEqualTo("9.9");
	}

	@Test
	void shouldEvaluateTheDecisionVersionTheBusinessRuleTaskBindsTo() {
		String decisionId = uniqueId("bound-decision");
		String byDeployment = uniqueId("brt-deployment");
		this.client.newDeployResourceCommand()
			.addResourceString(taggedLiteral(decisionId, "d1", "\"first\""), StandardCharsets.UTF_8,
					decisionId + ".dmn")
			.addProcessModel(businessRule(byDeployment, ZeebeBindingType.deployment, decisionId, null),
					byDeployment + ".bpmn")
			.send()
			.join();
		deployDecision(taggedLiteral(decisionId, "d2", "\"second\""), decisionId);
		deployDecision(taggedLiteral(decisionId, null, "\"third\""), decisionId);
		String byTag = uniqueId("brt-tag");
		deploy(businessRule(byTag, ZeebeBindingType.versionTag, decisionId, "d2"));
		String byLatest = uniqueId("brt-latest");
		deploy(businessRule(byLatest, ZeebeBindingType.latest, decisionId, null));

		assertThat(rootVariables(start(byDeployment))).containsEntry("result", "\"first\"");
		assertThat(rootVariables(start(byTag))).containsEntry("result", "\"second\"");
		assertThat(rootVariables(start(byLatest))).containsEntry("result", "\"third\"");
	}

	@Test
	void shouldRaiseAnIncidentWhenNoDecisionCarriesTheVersionTag() {
		String decisionId = uniqueId("tagless-decision");
		deployDecision(taggedLiteral(decisionId, "d1", "\"first\""), decisionId);
		String id = uniqueId("brt-missing-tag");
		deploy(businessRule(id, ZeebeBindingType.versionTag, decisionId, "d7"));

		long key = start(id);

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("CALLED_DECISION_ERROR");
			assertThat(incident.getErrorMessage()).contains("d7");
		});
	}

	@Test
	void shouldLinkTheFormVersionTheUserTaskBindsTo() {
		String formId = uniqueId("bound-form");
		long tagged = deployForm(formId, "f1", "one");
		deployForm(formId, "f2", "two");
		String byTag = uniqueId("form-tag");
		deploy(userTask(byTag, formId, ZeebeBindingType.versionTag, "f1"));
		String byDeployment = uniqueId("form-deployment");
		DeploymentEvent together = this.client.newDeployResourceCommand()
			.addResourceString(form(formId, null, "three"), StandardCharsets.UTF_8, formId + ".form")
			.addProcessModel(userTask(byDeployment, formId, ZeebeBindingType.deployment, null), byDeployment + ".bpmn")
			.send()
			.join();
		deployForm(formId, null, "four");
		String missing = uniqueId("form-missing-tag");
		deploy(userTask(missing, formId, ZeebeBindingType.versionTag, "f9"));

		assertThat(onlyTask(start(byTag)).getFormKey()).isEqualTo(tagged);
		assertThat(onlyTask(start(byDeployment)).getFormKey()).isEqualTo(together.getForm().get(0).getFormKey());
		assertThat(incidents(start(missing))).singleElement()
			.satisfies((incident) -> assertThat(incident.getErrorType().name()).isEqualTo("FORM_NOT_FOUND"));
	}

	private static BpmnModelInstance businessRule(String id, ZeebeBindingType binding, String decisionId,
			String versionTag) {
		return Bpmn.createExecutableProcess(id).startEvent().businessRuleTask("decide", (t) -> {
			t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("result").zeebeBindingType(binding);
			if (versionTag != null) {
				t.zeebeVersionTag(versionTag);
			}
		}).endEvent().done();
	}

	private static BpmnModelInstance userTask(String id, String formId, ZeebeBindingType binding, String versionTag) {
		return Bpmn.createExecutableProcess(id).startEvent().userTask("fill", (t) -> {
			t.zeebeUserTask().zeebeFormId(formId).zeebeFormBindingType(binding);
			if (versionTag != null) {
				t.zeebeFormVersionTag(versionTag);
			}
		}).endEvent().done();
	}

	private void deployDecision(String dmn, String decisionId) {
		this.client.newDeployResourceCommand()
			.addResourceString(dmn, StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
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
		return "{\"id\":\"" + formId + "\"" + tag
				+ ",\"components\":[{\"key\":\"ok\",\"type\":\"checkbox\",\"label\":\"" + label + "\"}]}";
	}

	private UserTask onlyTask(long processInstanceKey) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items()
			.get(0);
	}

	/**
	 * A literal-expression decision with Camunda Modeler's {@code zeebe:versionTag}
	 * extension element.
	 */
	private static String taggedLiteral(String decisionId, String versionTag, String feel) {
		String tag = versionTag == null ? ""
				: "<extensionElements><zeebe:versionTag value=\"" + versionTag + "\"/></extensionElements>";
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drd-%1$s" name="DRD %1$s"
				    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Decision %1$s">%2$s
				    <literalExpression><text>%3$s</text></literalExpression>
				  </decision>
				</definitions>
				""".formatted(decisionId, tag, feel);
	}

}
