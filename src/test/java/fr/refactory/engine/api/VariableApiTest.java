package fr.refactory.engine.api;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariableApiTest extends EngineTestSupport {

	private long waitingInstance(Map<String, Object> variables) {
		String id = uniqueId("vars");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.userTask("wait", (t) -> t.zeebeUserTask().zeebeInputExpression("1", "inner"))
			.endEvent()
			.done());
		return start(id, variables);
	}

	private long waitKey(long processInstanceKey) {
		return elements(processInstanceKey).stream()
			.filter((e) -> e.getElementId().equals("wait"))
			.findFirst()
			.orElseThrow()
			.getElementInstanceKey();
	}

	@Test
	void shouldSetLocalVariablesExactlyOnTheScope() {
		long key = waitingInstance(Map.of("a", 1));
		long scope = waitKey(key);

		this.client.newSetVariablesCommand(scope).variables(Map.of("a", 2)).local(true).send().join();

		assertThat(variablesOfScope(scope)).containsEntry("a", "2").containsEntry("inner", "1");
		assertThat(rootVariables(key)).containsEntry("a", "1");
	}

	@Test
	void shouldPropagateNonLocalVariablesToTheScopeThatHasThem() {
		long key = waitingInstance(Map.of("a", 1));
		long scope = waitKey(key);

		this.client.newSetVariablesCommand(scope).variables(Map.of("a", 3, "inner", 5, "b", "new")).send().join();

		assertThat(rootVariables(key)).containsEntry("a", "3").containsEntry("b", "\"new\"").doesNotContainKey("inner");
		assertThat(variablesOfScope(scope)).containsEntry("inner", "5");
	}

	@Test
	void shouldSearchVariablesAsJsonText() {
		long key = waitingInstance(Map.of("doc", Map.of("n", 1, "s", "x")));

		var found = this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(key).name("doc"))
			.send()
			.join()
			.items();

		assertThat(found).singleElement().satisfies((Variable variable) -> {
			assertThat(json(variable.getValue())).isEqualTo(json("{\"n\":1,\"s\":\"x\"}"));
			assertThat(variable.isTruncated()).isFalse();
			assertThat(variable.getScopeKey()).isEqualTo(key);
			assertThat(this.client.newVariableGetRequest(variable.getVariableKey()).send().join().getName())
				.isEqualTo("doc");
		});
	}

	private static com.fasterxml.jackson.databind.JsonNode json(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownScope() {
		problem(() -> this.client.newSetVariablesCommand(5L).variables(Map.of("a", 1)).send().join(), 404);
	}

}
