package fr.refactory.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.refactory.engine.Dmn;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.response.DecisionInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionApiTest extends EngineTestSupport {

	private String deployRisk() {
		String decisionId = uniqueId("risk");
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.riskTable(decisionId), StandardCharsets.UTF_8, "risk.dmn")
			.send()
			.join();
		return decisionId;
	}

	@Test
	void shouldEvaluateADecisionAndStoreTheEvaluation() {
		String decisionId = deployRisk();

		EvaluateDecisionResponse response = this.client.newEvaluateDecisionCommand()
			.decisionId(decisionId)
			.variables(Map.of("amount", 5))
			.send()
			.join();

		assertThat(response.getDecisionOutput()).isEqualTo("\"low\"");
		assertThat(response.getEvaluatedDecisions()).singleElement().satisfies((decision) -> {
			assertThat(decision.getMatchedRules()).singleElement().satisfies((rule) -> {
				assertThat(rule.getRuleId()).isEqualTo("ruleLow");
				assertThat(rule.getRuleIndex()).isEqualTo(2);
				assertThat(rule.getEvaluatedOutputs().get(0).getOutputValue()).isEqualTo("\"low\"");
			});
			assertThat(decision.getEvaluatedInputs().get(0).getInputValue()).isEqualTo("5");
		});
		var instances = this.client.newDecisionInstanceSearchRequest()
			.filter((f) -> f.decisionDefinitionId(decisionId))
			.send()
			.join()
			.items();
		assertThat(instances).singleElement().satisfies((DecisionInstance instance) -> {
			assertThat(instance.getResult()).isEqualTo("\"low\"");
			assertThat(instance.getProcessInstanceKey()).isEqualTo(-1L);
			assertThat(instance.getState().name()).isEqualTo("EVALUATED");
		});
	}

	@Test
	void shouldSearchDecisionDefinitions() {
		String decisionId = deployRisk();

		var definitions = this.client.newDecisionDefinitionSearchRequest()
			.filter((f) -> f.decisionDefinitionId(decisionId))
			.send()
			.join()
			.items();

		assertThat(definitions).singleElement().satisfies((definition) -> {
			assertThat(definition.getVersion()).isEqualTo(1);
			assertThat(definition.getDmnDecisionName()).isEqualTo("Risk " + decisionId);
		});
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownDecision() {
		problem(() -> this.client.newEvaluateDecisionCommand().decisionId(uniqueId("nope")).send().join(), 404);
		problem(() -> this.client.newDecisionInstanceGetRequest("nope-1").send().join(), 404);
	}

}
