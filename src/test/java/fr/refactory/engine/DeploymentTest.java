package fr.refactory.engine;

import java.nio.charset.StandardCharsets;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentTest extends EngineTestSupport {

	@Test
	void shouldDeployAProcessAndKeepTheVersionOnAnIdenticalRedeploy() {
		String id = uniqueId("deploy");
		BpmnModelInstance model = Bpmn.createExecutableProcess(id).startEvent().endEvent().done();

		Process first = deploy(model).getProcesses().get(0);
		Process again = deploy(model).getProcesses().get(0);

		assertThat(first.getBpmnProcessId()).isEqualTo(id);
		assertThat(first.getVersion()).isEqualTo(1);
		assertThat(first.getResourceName()).isEqualTo("model.bpmn");
		assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
		assertThat(again.getVersion()).isEqualTo(1);
	}

	@Test
	void shouldCreateANewVersionWhenTheProcessChanges() {
		String id = uniqueId("deploy");
		deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

		Process second = deploy(Bpmn.createExecutableProcess(id).startEvent().manualTask("m").endEvent().done())
			.getProcesses()
			.get(0);

		assertThat(second.getVersion()).isEqualTo(2);
		var found = this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId(id))
			.sort((s) -> s.version().desc())
			.send()
			.join();
		assertThat(found.items()).extracting(ProcessDefinition::getVersion).containsExactly(2, 1);
		assertThat(found.page().totalItems()).isEqualTo(2);
	}

	@Test
	void shouldServeTheDeployedXmlAndDefinition() {
		String id = uniqueId("deploy");
		long key = deployProcess(Bpmn.createExecutableProcess(id).name("Nice name").startEvent().endEvent().done());

		String xml = this.client.newProcessDefinitionGetXmlRequest(key).send().join();
		ProcessDefinition definition = this.client.newProcessDefinitionGetRequest(key).send().join();

		assertThat(xml).contains(id);
		assertThat(definition.getName()).isEqualTo("Nice name");
		assertThat(definition.getProcessDefinitionId()).isEqualTo(id);
	}

	@Test
	void shouldDeployDecisionsAndForms() {
		String decisionId = uniqueId("decision");
		String formId = uniqueId("form");
		DeploymentEvent event = this.client.newDeployResourceCommand()
			.addResourceString(Dmn.literal(decisionId, "\"ok\""), StandardCharsets.UTF_8, "d.dmn")
			.addResourceString("{\"id\":\"" + formId + "\",\"components\":[]}", StandardCharsets.UTF_8, "f.form")
			.send()
			.join();

		assertThat(event.getDecisions()).singleElement().satisfies((d) -> {
			assertThat(d.getDmnDecisionId()).isEqualTo(decisionId);
			assertThat(d.getVersion()).isEqualTo(1);
		});
		assertThat(event.getDecisionRequirements()).hasSize(1);
		assertThat(event.getForm()).singleElement().satisfies((f) -> {
			assertThat(f.getFormId()).isEqualTo(formId);
			assertThat(f.getVersion()).isEqualTo(1);
		});
	}

	@Test
	void shouldRejectMalformedXmlNamingTheResource() {
		ProblemException problem = problem(() -> this.client.newDeployResourceCommand()
			.addResourceString("<definitions><oops", StandardCharsets.UTF_8, "broken.bpmn")
			.send()
			.join(), 400);

		assertThat(problem.details().getDetail()).contains("broken.bpmn");
	}

	@Test
	void shouldRejectAProcessSentAsADecisionWithoutShowingTheParsersInternals() {
		String bpmn = Bpmn
			.convertToString(Bpmn.createExecutableProcess(uniqueId("not-a-decision")).startEvent().done());

		ProblemException problem = problem(() -> this.client.newDeployResourceCommand()
			.addResourceString(bpmn, StandardCharsets.UTF_8, "a.dmn")
			.send()
			.join(), 400);

		assertThat(problem.details().getDetail()).contains("a.dmn").doesNotContain("org.camunda", "Exception");
	}

	@Test
	void shouldRejectAnUnsupportedElementNamingIt() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("deploy"))
			.startEvent()
			.subProcess("timedStage",
					(s) -> s.embeddedSubProcess().startEvent("timerStartInside").timerWithDuration("PT1M").endEvent())
			.endEvent()
			.done();

		ProblemException problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("model.bpmn").contains("timedStage");
	}

	@Test
	void shouldRejectAFeelSyntaxErrorNamingTheElement() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("deploy"))
			.startEvent()
			.serviceTask("badMapping", (t) -> t.zeebeJobType("work").zeebeInputExpression("a +", "b"))
			.endEvent()
			.done();

		ProblemException problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("badMapping").contains("a +");
	}

	@Test
	void shouldRejectACallToAnUnknownDecisionNamingTheElement() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("deploy"))
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeCalledDecisionId(uniqueId("nope")).zeebeResultVariable("r"))
			.endEvent()
			.done();

		ProblemException problem = problem(() -> deploy(model), 400);

		assertThat(problem.details().getDetail()).contains("decide").contains("no decision");
	}

	@Test
	void shouldRejectAMissingJobTypeNamingTheElementAndStoreNothing() {
		String validId = uniqueId("valid");
		BpmnModelInstance valid = Bpmn.createExecutableProcess(validId).startEvent().endEvent().done();
		BpmnModelInstance invalid = Bpmn.createExecutableProcess(uniqueId("deploy"))
			.startEvent()
			.serviceTask("noType", (t) -> t.zeebeJobType(""))
			.endEvent()
			.done();

		ProblemException problem = problem(() -> this.client.newDeployResourceCommand()
			.addProcessModel(valid, "valid.bpmn")
			.addProcessModel(invalid, "invalid.bpmn")
			.send()
			.join(), 400);

		assertThat(problem.details().getDetail()).contains("invalid.bpmn").contains("noType");
		assertThat(this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId(validId))
			.send()
			.join()
			.items()).isEmpty();
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownDefinitionKey() {
		problem(() -> this.client.newProcessDefinitionGetRequest(123L).send().join(), 404);
		problem(() -> this.client.newProcessDefinitionGetXmlRequest(123L).send().join(), 404);
	}

}
