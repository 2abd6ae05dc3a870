package fr.refactory.engine;

import java.time.Duration;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ProcessInstanceResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClasspathDeploymentTest extends EngineTestSupport {

	@Test
	void shouldHaveDeployedTheClasspathModelsAtStartUp() {
		var definitions = this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId("engine-sample-echo"))
			.send()
			.join()
			.items();

		assertThat(definitions).singleElement()
			.satisfies((definition) -> assertThat(definition.getResourceName()).isEqualTo("engine-sample-echo.bpmn"));
	}

	@Test
	void shouldRunTheSampleProcessEndToEndWithTheStartersJobWorker() {
		ProcessInstanceResult result = this.client.newCreateInstanceCommand()
			.bpmnProcessId("engine-sample-echo")
			.latestVersion()
			.variables(Map.of("message", "hello"))
			.withResult()
			.requestTimeout(Duration.ofSeconds(60))
			.send()
			.join();

		assertThat(result.getVariablesAsMap()).containsEntry("echo", "HELLO");
	}

}
