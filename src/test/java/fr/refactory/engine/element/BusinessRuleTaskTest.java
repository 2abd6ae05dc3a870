package fr.refactory.engine.element;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.refactory.engine.Dmn;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessRuleTaskTest extends EngineTestSupport {

	private void deployDecision(String decisionId) {
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
	}

	@Test
	void shouldEvaluateTheCalledDecisionIntoTheResultVariableAndStoreTheInstance() {
		String decisionId = uniqueId("risk");
		deployDecision(decisionId);
		String id = uniqueId("brt");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("risk"))
			.endEvent()
			.done());

		long key = start(id, Map.of("amount", 500));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("risk", "\"high\"");
		DecisionInstance instance = this.client.newDecisionInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(key))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(instance.getDecisionDefinitionId()).isEqualTo(decisionId);
		assertThat(instance.getResult()).isEqualTo("\"high\"");
		DecisionInstance details = this.client.newDecisionInstanceGetRequest(instance.getDecisionInstanceId())
			.send()
			.join();
		assertThat(details.getMatchedRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.getRuleId()).isEqualTo("ruleHigh");
			assertThat(rule.getRuleIndex()).isEqualTo(1);
		});
		assertThat(details.getEvaluatedInputs()).singleElement()
			.satisfies((input) -> assertThat(input.getInputValue()).isEqualTo("500"));
	}

	@Test
	void shouldRaiseAnIncidentWhenTheDecisionIdExpressionNamesAnUnknownDecision() {
		String id = uniqueId("brt");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeCalledDecisionIdExpression("which").zeebeResultVariable("r"))
			.endEvent()
			.done());

		long key = start(id, Map.of("which", uniqueId("unknown")));

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("CALLED_DECISION_ERROR");
			assertThat(incident.getElementId()).isEqualTo("decide");
		});
	}

	@Test
	void shouldRunABusinessRuleTaskWithATaskDefinitionAsAJob() {
		String id = uniqueId("brt");
		String type = uniqueId("rules");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		long key = start(id);

		this.client.newCompleteCommand(activateOne(type).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

}
